package dev.treaty.server;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web pages' sign-in sessions, held in memory: a session keeps the credential its user pasted
 * (a JWT or an API key), so each request is authenticated afresh exactly as the API would (a
 * revoked key or an expired token ends the session), and a CSRF token every form must echo.
 * Sessions end on sign-out, after {@link #IDLE} without a request, or {@link #LIFETIME} after sign-in;
 * a restart ends them all.
 */
final class Sessions {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration LIFETIME = Duration.ofHours(12);
    /** The most sessions held; the oldest goes when a new one would exceed it. */
    static final int MAX = 10_000;

    record Session(String id, String credential, String csrf, long createdNanos, long seenNanos) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Session open(String credential) {
        if (sessions.size() >= MAX) {
            sessions.values().stream().min(java.util.Comparator.comparingLong(Session::seenNanos)).ifPresent(s -> sessions.remove(s.id()));
        }
        long now = System.nanoTime();
        Session session = new Session(token(), credential, token(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle clock restarted. */
    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session session = sessions.get(id);
        if (session == null) return Optional.empty();
        long now = System.nanoTime();
        if (now - session.seenNanos() > IDLE.toNanos() || now - session.createdNanos() > LIFETIME.toNanos()) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(session.id(), session.credential(), session.csrf(), session.createdNanos(), now);
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Compares two tokens in time that does not depend on where they differ. */
    static boolean same(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
