package dev.treaty.store;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-party API keys for pipelines: {@code tk_ID_SECRET}, shown once when created; the store keeps
 * the id, the SHA-256 of the secret, the party and roles. Creating and revoking are audited writes.
 */
public final class ApiKeys {

    /** A key as stored: never its secret. */
    public record Key(String id, String party, List<String> roles, String label, long createdMicros, Optional<Long> revokedMicros) {
        public boolean revoked() {
            return revokedMicros.isPresent();
        }
    }

    /** A key just created: the only time its full text exists. */
    public record Created(Key key, String token) {
    }

    /** The roles a key may carry; what each allows is the service's to decide. */
    public static final List<String> ROLES = List.of("reader", "pipeline", "operator", "auditor");
    private static final int NAME_MAX = 200;
    private static final Pattern TOKEN = Pattern.compile("tk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static boolean looksLikeKey(String token) {
        return token.startsWith("tk_");
    }

    /** Creates a key; refuses (StoreException) an unknown or missing role, a blank or over-long party, an over-long label. */
    public static Created create(Store store, String party, List<String> roles, String label, String who) {
        if (roles.isEmpty()) throw new StoreException("role: give at least one of " + String.join(", ", ROLES));
        for (String role : roles) {
            if (!ROLES.contains(role)) throw new StoreException("role: '" + role + "' is not one of " + String.join(", ", ROLES));
        }
        if (party.isBlank() || party.length() > NAME_MAX) throw new StoreException("party: must be 1 to " + NAME_MAX + " characters");
        if (label.length() > NAME_MAX) throw new StoreException("label: must be at most " + NAME_MAX + " characters");
        byte[] idBytes = new byte[8];
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        long[] created = {0};
        store.write(who, "apikey create", "", "treaty apikey create", writing -> {
            created[0] = writing.recordedMicros();
            try (PreparedStatement insert = store.connection().prepareStatement("insert into api_key (id, secret_sha256, party, roles, label,"
                    + " created_micros) values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, AuditChain.sha256(secret));
                insert.setString(3, party);
                insert.setString(4, String.join(",", roles));
                insert.setString(5, label);
                insert.setLong(6, writing.recordedMicros());
                insert.executeUpdate();
            }
            return "api key " + id + " for " + party + " (" + String.join(",", roles) + ")" + (label.isBlank() ? "" : " \"" + label + "\"");
        });
        return new Created(new Key(id, party, List.copyOf(roles), label, created[0], Optional.empty()), "tk_" + id + "_" + secret);
    }

    /** Revokes a key; false when there is no such key or it was revoked already. */
    public static boolean revoke(Store store, String id, String who) {
        boolean[] revoked = {false};
        store.write(who, "apikey revoke", "", "treaty apikey revoke", writing -> {
            try (PreparedStatement update = store.connection().prepareStatement(
                    "update api_key set revoked_micros = ? where id = ? and revoked_micros is null")) {
                update.setLong(1, writing.recordedMicros());
                update.setString(2, id);
                revoked[0] = update.executeUpdate() == 1;
            }
            return "api key " + id + (revoked[0] ? " revoked" : ": no such unrevoked key");
        });
        return revoked[0];
    }

    public static List<Key> all(Store store) {
        List<Key> keys = new ArrayList<>();
        store.query("select id, party, roles, label, created_micros, revoked_micros from api_key order by created_micros", s -> { },
                rows -> keys.add(read(rows)));
        return keys;
    }

    /** The unrevoked key a token names, if its secret matches. */
    public static Optional<Key> authenticate(Store store, String token) {
        Matcher matcher = TOKEN.matcher(token);
        if (!matcher.matches()) return Optional.empty();
        String[] hash = {null};
        Key[] key = {null};
        store.query("select id, party, roles, label, created_micros, revoked_micros, secret_sha256 from api_key where id = ?",
                s -> s.setString(1, matcher.group(1)), rows -> {
                    key[0] = read(rows);
                    hash[0] = rows.getString(7);
                });
        if (key[0] == null || key[0].revoked()) return Optional.empty();
        boolean matches = MessageDigest.isEqual(hash[0].getBytes(StandardCharsets.US_ASCII),
                AuditChain.sha256(matcher.group(2)).getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(key[0]) : Optional.empty();
    }

    private static Key read(java.sql.ResultSet rows) throws java.sql.SQLException {
        long revoked = rows.getLong(6);
        Optional<Long> revokedAt = rows.wasNull() ? Optional.empty() : Optional.of(revoked);
        return new Key(rows.getString(1), rows.getString(2), List.of(rows.getString(3).split(",")), rows.getString(4), rows.getLong(5), revokedAt);
    }
}
