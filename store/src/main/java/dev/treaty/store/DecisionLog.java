package dev.treaty.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log of the answers the service gave, hash-chained like the audit trail. Entries are appended
 * in batches (one transaction for many answers, so a busy service writes once per batch, not once
 * per answer) and never changed; {@link #verify} recomputes the chain.
 */
public final class DecisionLog {

    /**
     * One answer as logged.
     *
     * @param id                the decision id the answer carried
     * @param party             the asking principal's party
     * @param subject           who asked (masked when the service is told to)
     * @param kind              gate, licence or settle
     * @param request           the question as canonical JSON
     * @param versions          the agreement version used: document ids and content hashes, as JSON
     * @param asKnown           the as-known instant (ISO-8601) or "everything recorded"
     * @param recordedThrough   the store was read as recorded at this instant (microseconds)
     * @param answer            the verdict, or the settlement's digest
     * @param explanationDigest SHA-256 of the explanation's text
     */
    public record Entry(String id, long atMicros, String party, String subject, String kind, String agreement, String request,
                        String versions, String asKnown, long recordedThrough, String answer, String explanationDigest) {
    }

    /** An entry with its place in the chain. */
    public record Logged(long seq, Entry entry, String previousHash, String hash) {
    }

    private static final String COLUMNS = "seq, id, at_micros, party, subject, kind, agreement, request, versions, as_known,"
            + " recorded_through, answer, explanation_digest, prev_hash, hash";

    private DecisionLog() {
    }

    /** Appends the entries in order, in one transaction; all or none. */
    public static void append(Store store, List<Entry> entries) {
        if (entries.isEmpty()) return;
        Connection connection = store.connection();
        try {
            long seq;
            String previous;
            try (PreparedStatement bump = connection.prepareStatement("update decision_head set seq = seq + ? where id = 1")) {
                bump.setLong(1, entries.size());
                bump.executeUpdate();
            }
            try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select seq, hash from decision_head where id = 1")) {
                rows.next();
                seq = rows.getLong(1) - entries.size();
                previous = rows.getString(2);
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into decision (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry entry : entries) {
                    seq++;
                    String hash = hash(previous, seq, entry);
                    insert.setLong(1, seq);
                    insert.setString(2, entry.id());
                    insert.setLong(3, entry.atMicros());
                    insert.setString(4, entry.party());
                    insert.setString(5, entry.subject());
                    insert.setString(6, entry.kind());
                    insert.setString(7, entry.agreement());
                    insert.setString(8, entry.request());
                    insert.setString(9, entry.versions());
                    insert.setString(10, entry.asKnown());
                    insert.setLong(11, entry.recordedThrough());
                    insert.setString(12, entry.answer());
                    insert.setString(13, entry.explanationDigest());
                    insert.setString(14, previous);
                    insert.setString(15, hash);
                    insert.addBatch();
                    previous = hash;
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = connection.prepareStatement("update decision_head set hash = ? where id = 1")) {
                head.setString(1, previous);
                head.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            store.rollback();
            throw new StoreException("the decisions were not logged in " + store.database().describe() + ": " + Database.rootMessage(e), e);
        }
    }

    /** The logged decision with this id. */
    public static Optional<Logged> find(Store store, String id) {
        List<Logged> found = new ArrayList<>();
        store.query("select " + COLUMNS + " from decision where id = ?", s -> s.setString(1, id), rows -> found.add(read(rows)));
        return found.stream().findFirst();
    }

    /** Up to {@code limit} decisions of an agreement with a sequence number above {@code after}, in order. */
    public static List<Logged> page(Store store, String agreement, long after, int limit) {
        List<Logged> found = new ArrayList<>();
        store.query("select " + COLUMNS + " from decision where agreement = ? and seq > ? order by seq limit ?", s -> {
            s.setString(1, agreement);
            s.setLong(2, after);
            s.setInt(3, limit);
        }, rows -> found.add(read(rows)));
        return found;
    }

    private static Logged read(ResultSet rows) throws SQLException {
        return new Logged(rows.getLong(1), new Entry(rows.getString(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getLong(11),
                rows.getString(12), rows.getString(13)), rows.getString(14), rows.getString(15));
    }

    static String hash(String previous, long seq, Entry e) {
        return AuditChain.sha256(String.join("\n", previous, Long.toString(seq), e.id(), Long.toString(e.atMicros()), e.party(), e.subject(),
                e.kind(), e.agreement(), e.request(), e.versions(), e.asKnown(), Long.toString(e.recordedThrough()), e.answer(),
                e.explanationDigest()));
    }

    /** What is wrong with the chain: entries missing, altered, or a head that does not match. */
    static List<String> verify(Store store) {
        List<String> problems = new ArrayList<>();
        String[] previous = {"0".repeat(64)};
        long[] expected = {1};
        store.query("select " + COLUMNS + " from decision order by seq", s -> s.setFetchSize(10_000), rows -> {
            Logged logged = read(rows);
            if (problems.size() >= 20) return;
            if (logged.seq() != expected[0]) {
                problems.add("decision log: entr" + (logged.seq() - expected[0] > 1 ? "ies " + expected[0] + " to " + (logged.seq() - 1) + " are"
                        : "y " + expected[0] + " is") + " missing (the next is " + logged.seq() + ")");
            }
            if (!logged.previousHash().equals(previous[0])) {
                problems.add("decision log: entry " + logged.seq() + " (" + logged.entry().id() + ") does not follow the entry before it"
                        + " (an entry before it was rewritten or removed)");
            }
            if (!hash(logged.previousHash(), logged.seq(), logged.entry()).equals(logged.hash())) {
                problems.add("decision log: entry " + logged.seq() + " (" + logged.entry().id() + ") was altered: its hash does not match"
                        + " its content");
            }
            previous[0] = logged.hash();
            expected[0] = logged.seq() + 1;
        });
        store.query("select seq, hash from decision_head where id = 1", s -> { }, rows -> {
            if (rows.getLong(1) != expected[0] - 1 || !rows.getString(2).equals(previous[0])) {
                problems.add("decision log: the head says entry " + rows.getLong(1) + " but the log ends at entry " + (expected[0] - 1)
                        + (rows.getLong(1) > expected[0] - 1 ? " (entries at the end were removed)" : " (the head was rewritten)"));
            }
        });
        return problems;
    }
}
