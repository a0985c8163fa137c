package dev.treaty.app;

import dev.treaty.evaluator.facts.Fact;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import dev.treaty.store.StoredInputs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's agreements and events read once, as recorded at one revision, for a service to answer
 * many questions from: immutable, shared by every request until the store moves on. Revenue is not
 * held (it is streamed from the store, read as recorded at {@link #recordedThrough()}).
 */
public final class Snapshot {

    private final Store.Revision revision;
    private final AgreementFolder.Loaded loaded;
    private final List<Fact> events;
    private final Map<String, String> hashes;
    private final Map<String, Workspace> everythingKnown = new ConcurrentHashMap<>();
    /** Each stored version as answers show it, computed once (by identity: versions are big records). */
    private final Map<ConsolidatedAgreement, VersionView> versions = new java.util.IdentityHashMap<>();
    /** Answers already given on this snapshot: the same question on the same store gets the same answer. */
    private final Map<String, Object> remembered = new ConcurrentHashMap<>();
    /** Answers remembered at most; past that the memory starts again. */
    public static final int REMEMBERED_MAX = 100_000;

    /**
     * A version as answers show it: the JSON node (not to be changed), its text, and the SHA-256 of the text.
     *
     * @param key a short name for it within one answer: the first 12 hex digits of the digest
     */
    public record VersionView(com.fasterxml.jackson.databind.node.ObjectNode node, String text, String digest) {
        static VersionView of(com.fasterxml.jackson.databind.node.ObjectNode node) {
            String text = node.toString();
            return new VersionView(node, text, sha256(text));
        }

        public String key() {
            return digest.substring(0, 12);
        }
    }

    /** Each party and the agreements it is on, as the store's table says (read with the rest, at the same revision). */
    private final Map<String, java.util.Set<String>> agreementsOf = new java.util.HashMap<>();

    private Snapshot(Store.Revision revision, AgreementFolder.Loaded loaded, List<Fact> events, Map<String, java.util.Set<String>> parties) {
        parties.forEach((agreement, names) -> names.forEach(name -> agreementsOf.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(agreement)));
        this.revision = revision;
        this.loaded = loaded;
        this.events = List.copyOf(events);
        this.hashes = Map.copyOf(LoggedDecisions.contentHashes(loaded));
        if (!loaded.hasErrors()) {
            for (AgreementHistory history : loaded.histories()) {
                for (ConsolidatedAgreement version : history.versions()) versions.put(version, VersionView.of(LoggedDecisions.version(version, hashes)));
            }
        }
    }

    /** Reads the store as it is now (agreements and events as recorded at its current revision). */
    public static Snapshot load(Database database) {
        try (Store store = Store.open(database, false)) {
            return load(store, store.revision());
        } catch (StoreException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** The revision a store is at now, to tell whether a snapshot is still current. */
    public static Store.Revision revision(Database database) {
        try (Store store = Store.open(database, false)) {
            return store.revision();
        } catch (StoreException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static Snapshot load(Store store, Store.Revision revision) {
        long through = revision.atMicros();
        return new Snapshot(revision, StoredInputs.agreements(store, through, Map.of()), StoredInputs.events(store, through).all(),
                dev.treaty.store.PartyScope.all(store));
    }

    public Store.Revision revision() {
        return revision;
    }

    /** The instant the store was read as recorded at; a replay reads it so again. */
    public Instant recordedThrough() {
        return Store.instant(revision.atMicros());
    }

    public List<AgreementHistory> histories() {
        return loaded.histories();
    }

    public Optional<AgreementHistory> history(String id) {
        return loaded.histories().stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The agreements a party is on (from the store's table of who is on what). */
    public java.util.Set<String> agreementsOf(String party) {
        return agreementsOf.getOrDefault(party, java.util.Set.of());
    }

    /** The parties named in any version of an agreement. */
    public static TreeSet<String> parties(AgreementHistory history) {
        TreeSet<String> parties = new TreeSet<>();
        for (ConsolidatedAgreement version : history.versions()) version.parties().forEach(p -> parties.add(p.shortName()));
        return parties;
    }

    /** One agreement with the stored events, as known at {@code asKnown} (kept for "everything known", the usual case). */
    public Workspace workspace(String agreement, Instant asKnown) {
        if (asKnown.equals(Instant.MAX)) {
            return everythingKnown.computeIfAbsent(agreement, id -> Workspace.ofStored(loaded, id, events, Instant.MAX));
        }
        return Workspace.ofStored(loaded, agreement, events, asKnown);
    }

    /** A version as answers show it (documents with their content hashes). */
    public VersionView version(ConsolidatedAgreement version) {
        VersionView known = versions.get(version);   // never written after construction
        return known != null ? known : VersionView.of(LoggedDecisions.version(version, hashes));
    }

    /**
     * The answer remembered under {@code key}, or {@code compute}'s, remembered. Only for answers that
     * depend on nothing but this snapshot and the key; what {@code compute} throws is not remembered.
     */
    @SuppressWarnings("unchecked")
    public <T> T remembered(String key, java.util.function.Supplier<T> compute) {
        Object known = remembered.get(key);
        if (known != null) return (T) known;
        T answer = compute.get();
        if (remembered.size() >= REMEMBERED_MAX) remembered.clear();
        remembered.putIfAbsent(key, answer);
        return answer;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
