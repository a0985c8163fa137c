package dev.treaty.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log of the answers the service gave, hash-chained like the audit trail. One entry holds one
 * request: every question it asked (a batch asks up to a thousand) with its answer, the version it
 * was decided under and the digest of its explanation. A question's decision id is the entry's id,
 * a dot and its place in the request ({@code 5f0f….0}). Entries are appended in groups (one
 * transaction for many requests) and never changed; {@link #verify} recomputes the chain.
 */
public final class DecisionLog {

    /**
     * One decision as logged.
     *
     * @param id                its decision id ({@code ENTRY.N})
     * @param party             the asking principal's party
     * @param subject           who asked (masked when the service is told to)
     * @param kind              gate, license or settle
     * @param request           the question as canonical JSON (or its masked digest)
     * @param versions          the agreement version used: document ids and content hashes, as JSON
     * @param asKnown           the as-known instant (ISO-8601) or "everything recorded"
     * @param recordedThrough   the store was read as recorded at this instant (microseconds)
     * @param answer            the verdict, or the settlement's digest
     * @param explanationDigest SHA-256 of the explanation's text
     */
    public record Entry(String id, long atMicros, String party, String subject, String kind, String agreement, String request,
                        String versions, String asKnown, long recordedThrough, String answer, String explanationDigest) {
    }

    /** A question of a request and what it got. None of the texts may hold a line break. */
    public record Decided(String request, String versions, String answer, String explanationDigest) {
    }

    /** One request as appended: who asked, when, about what, and each question's decision. */
    public record Request(String id, long atMicros, String party, String subject, String kind, String agreement, String asKnown,
                          long recordedThrough, List<Decided> decisions) {
        public Request {
            decisions = List.copyOf(decisions);
        }
    }

    /** A decision with the place of its entry in the chain, and the digest of its version that the chain covers. */
    public record Logged(long seq, Entry entry, String previousHash, String hash, String versionDigest) {
    }

    private static final String COLUMNS = "seq, id, at_micros, party, subject, kind, agreement, request, versions, as_known,"
            + " recorded_through, answer, explanation_digest, prev_hash, hash";

    private DecisionLog() {
    }

    /** The id of the decision at {@code position} of the request logged as {@code entry}. */
    public static String decisionId(String entry, int position) {
        return entry + "." + position;
    }

    /** Appends the requests in order, in one transaction; all or none. */
    public static void append(Store store, List<Request> requests) {
        try (Appender appender = new Appender(store, false)) {
            appender.append(requests);
        }
    }

    /**
     * Appends to the log through one connection kept open, its statements prepared once: a busy
     * service appends thousands of times a second, and preparing four statements each time cost
     * more than the rows themselves.
     */
    public static final class Appender implements AutoCloseable {

        /**
         * On SQLite, how long the write-ahead log may grow before the appender starts it over (the
         * appender's {@code journal_size_limit} too, so the file stays this long once it has been).
         * Starting over holds the appender up for a checkpoint's last step: here 10 to 60 ms under
         * single questions and 100 to 200 ms under batches of a hundred (at 512 MB it took longer
         * still), so it is done seldom: at full load once every few seconds.
         */
        public static final long LOG_LIMIT = 256L << 20;

        private final Store store;
        private final boolean ownsStore;
        private final PreparedStatement bump;
        private final PreparedStatement moveHead;
        /** The head this appender last wrote (no hash: none yet, or a commit failed). */
        private long lastSeq;
        private String lastHash;
        private final PreparedStatement version;
        private final PreparedStatement insert;
        private final PreparedStatement newHead;
        /** Versions this appender has committed, by their JSON, with their digests: a busy log names the same few again and again. */
        private final Map<String, String> stored = new HashMap<>();
        private static final int STORED_MAX = 10_000;

        /** An appender on its own connection (see {@link Store#openAppender}); closing it closes that. */
        public static Appender open(Database database) {
            Store store = Store.openAppender(database);
            try {
                return new Appender(store, true);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }

        private Appender(Store store, boolean ownsStore) {
            this.store = store;
            this.ownsStore = ownsStore;
            Connection connection = store.connection();
            try {
                // moves the head and reads it in one statement: on PostgreSQL each statement is a round trip to the server
                bump = connection.prepareStatement("update decision_head set seq = seq + ? where id = 1 returning seq, hash");
                moveHead = connection.prepareStatement("update decision_head set seq = ?, hash = ? where id = 1 and seq = ? and hash = ?");
                version = connection.prepareStatement("insert into decision_version (digest, body) values (?, ?) on conflict (digest) do nothing");
                insert = connection.prepareStatement("insert into decision (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                newHead = connection.prepareStatement("update decision_head set hash = ? where id = 1");
            } catch (SQLException e) {
                throw new StoreException("cannot append to the decision log of " + store.database().describe() + ": " + Database.rootMessage(e), e);
            }
        }

        /**
         * Appends the requests in order, in one transaction; all or none. The appender chains on to
         * the head it last wrote and moves it only if it is still there, which needs no read first;
         * if another writer moved it (another service on the same store, or {@link DecisionLog#append}),
         * it reads the head as it moves it and chains on to that instead.
         */
        public void append(List<Request> requests) {
            if (requests.isEmpty()) return;
            try {
                Map<String, String> digests = versions(requests);
                List<Row> rows = new ArrayList<>(requests.size());
                for (Request request : requests) rows.add(Row.of(request, digests));
                boolean chained = false;
                if (lastHash != null) {
                    String hash = hashes(rows, lastSeq, lastHash);
                    moveHead.setLong(1, lastSeq + requests.size());
                    moveHead.setString(2, hash);
                    moveHead.setLong(3, lastSeq);
                    moveHead.setString(4, lastHash);
                    chained = moveHead.executeUpdate() == 1;
                }
                if (!chained) {
                    long seq;
                    String previous;
                    bump.setLong(1, requests.size());
                    try (ResultSet head = bump.executeQuery()) {
                        head.next();
                        seq = head.getLong(1) - requests.size();
                        previous = head.getString(2);
                    }
                    newHead.setString(1, hashes(rows, seq, previous));
                    newHead.executeUpdate();
                }
                for (Row row : rows) {
                    insert.setLong(1, row.seq());
                    insert.setString(2, row.id());
                    insert.setLong(3, row.atMicros());
                    insert.setString(4, row.party());
                    insert.setString(5, row.subject());
                    insert.setString(6, row.kind());
                    insert.setString(7, row.agreement());
                    insert.setString(8, row.requests());
                    insert.setString(9, row.versions());
                    insert.setString(10, row.asKnown());
                    insert.setLong(11, row.recordedThrough());
                    insert.setString(12, row.answers());
                    insert.setString(13, row.explanations());
                    insert.setString(14, row.previousHash());
                    insert.setString(15, row.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
                store.connection().commit();
                Row last = rows.getLast();
                lastSeq = last.seq();
                lastHash = last.hash();
                if (stored.size() + digests.size() > STORED_MAX) stored.clear();
                stored.putAll(digests);
            } catch (SQLException | RuntimeException e) {
                lastHash = null;
                store.rollback();
                throw new StoreException("the decisions were not logged in " + store.database().describe() + ": " + Database.rootMessage(e), e);
            }
        }

        /** The requests' versions by their JSON, with their digests; those this appender has not committed yet are inserted. */
        private Map<String, String> versions(List<Request> requests) throws SQLException {
            Map<String, String> digests = new HashMap<>();
            boolean newVersions = false;
            for (Request request : requests) {
                for (Decided decided : request.decisions()) {
                    if (digests.containsKey(decided.versions())) continue;
                    String digest = stored.get(decided.versions());
                    if (digest == null) {
                        digest = AuditChain.sha256(decided.versions());
                        version.setString(1, digest);
                        version.setString(2, decided.versions());
                        version.addBatch();
                        newVersions = true;
                    }
                    digests.put(decided.versions(), digest);
                }
            }
            if (newVersions) version.executeBatch();
            return digests;
        }

        /** Chains the rows on to entry {@code seq} whose hash is {@code previous}, in place; returns the last row's hash. */
        private static String hashes(List<Row> rows, long seq, String previous) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                seq++;
                String hash = row.hash(previous, seq);
                rows.set(i, row.chained(seq, previous, hash));
                previous = hash;
            }
            return previous;
        }

        /** Whether SQLite's write-ahead log beside the store has grown past {@code bytes} (never on PostgreSQL). */
        public boolean logLongerThan(long bytes) {
            Path file = store.database().file();
            if (file == null) return false;
            try {
                return Files.size(Path.of(file + "-wal")) > bytes;
            } catch (IOException e) {
                return false;     // no log file: nothing to copy
            }
        }

        /**
         * Copies SQLite's write-ahead log into the database between two commits, so that the next
         * commit starts the log over and cuts it short. {@link Store#checkpoint} from another connection
         * copies most of it without holding the appender up, but under a steady stream of commits it
         * never reaches the log's end, and the log is only started over once a checkpoint has: so the
         * appender does that last step itself, best right after such a checkpoint, when little is left.
         */
        public void checkpoint() {
            if (store.database().dialect() != Database.Dialect.SQLITE) return;
            Connection connection = store.connection();
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(true);      // a checkpoint runs outside any transaction of its connection
                try {
                    statement.execute("pragma wal_checkpoint(PASSIVE)");
                } finally {
                    connection.setAutoCommit(false);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot checkpoint the store " + store.database().describe() + ": " + Database.rootMessage(e), e);
            }
        }

        @Override
        public void close() {
            for (PreparedStatement statement : new PreparedStatement[] {bump, moveHead, version, insert, newHead}) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // a statement of a broken connection: nothing left to free
                }
            }
            if (ownsStore) store.close();
        }
    }

    /** An entry as stored: the lists of a request joined by line breaks, versions by their digests. */
    private record Row(long seq, String id, long atMicros, String party, String subject, String kind, String agreement, String requests,
                       String versions, String asKnown, long recordedThrough, String answers, String explanations, String previousHash,
                       String hash) {

        static Row of(Request request, Map<String, String> digests) {
            List<String> questions = new ArrayList<>();
            List<String> versions = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            List<String> explanations = new ArrayList<>();
            for (Decided decided : request.decisions()) {
                questions.add(single(decided.request()));
                versions.add(digests.get(decided.versions()));
                answers.add(single(decided.answer()));
                explanations.add(decided.explanationDigest());
            }
            return new Row(0, request.id(), request.atMicros(), request.party(), request.subject(), request.kind(), request.agreement(),
                    String.join("\n", questions), String.join("\n", versions), request.asKnown(), request.recordedThrough(),
                    String.join("\n", answers), String.join("\n", explanations), "", "");
        }

        static Row read(ResultSet rows) throws SQLException {
            return new Row(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4), rows.getString(5), rows.getString(6),
                    rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getLong(11), rows.getString(12),
                    rows.getString(13), rows.getString(14), rows.getString(15));
        }

        Row chained(long seq, String previousHash, String hash) {
            return new Row(seq, id, atMicros, party, subject, kind, agreement, requests, versions, asKnown, recordedThrough, answers, explanations,
                    previousHash, hash);
        }

        String hash(String previous, long seq) {
            return AuditChain.sha256(String.join("\n", previous, Long.toString(seq), id, Long.toString(atMicros), party, subject, kind,
                    agreement, requests, versions, asKnown, Long.toString(recordedThrough), answers, explanations));
        }

        int size() {
            return requests.split("\n", -1).length;
        }

        /** The decision at {@code position}, its version's JSON looked up by digest. */
        Logged decision(int position, Map<String, String> bodies) {
            String digest = versions.split("\n", -1)[position];
            return new Logged(seq, new Entry(decisionId(id, position), atMicros, party, subject, kind, agreement,
                    requests.split("\n", -1)[position], bodies.get(digest), asKnown, recordedThrough, answers.split("\n", -1)[position],
                    explanations.split("\n", -1)[position]), previousHash, hash, digest);
        }

        private static String single(String text) {
            if (text.indexOf('\n') >= 0) throw new IllegalArgumentException("a logged text holds a line break: " + text);
            return text;
        }
    }

    /** The logged decision with this id ({@code ENTRY.N}). */
    public static Optional<Logged> find(Store store, String decisionId) {
        int dot = decisionId.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        int position;
        try {
            position = Integer.parseInt(decisionId.substring(dot + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<Row> found = new ArrayList<>();
        store.query("select " + COLUMNS + " from decision where id = ?", s -> s.setString(1, decisionId.substring(0, dot)),
                rows -> found.add(Row.read(rows)));
        if (found.isEmpty() || position < 0 || position >= found.get(0).size()) return Optional.empty();
        return Optional.of(found.get(0).decision(position, bodies(store, found)));
    }

    /** The decisions of up to {@code limit} requests about an agreement logged after entry {@code after}, in order. */
    public static List<Logged> page(Store store, String agreement, long after, int limit) {
        List<Row> rows = new ArrayList<>();
        store.query("select " + COLUMNS + " from decision where agreement = ? and seq > ? order by seq limit ?", s -> {
            s.setString(1, agreement);
            s.setLong(2, after);
            s.setInt(3, limit);
        }, result -> rows.add(Row.read(result)));
        Map<String, String> bodies = bodies(store, rows);
        List<Logged> decisions = new ArrayList<>();
        for (Row row : rows) for (int i = 0; i < row.size(); i++) decisions.add(row.decision(i, bodies));
        return decisions;
    }

    private static Map<String, String> bodies(Store store, List<Row> rows) {
        Map<String, String> bodies = new HashMap<>();
        for (Row row : rows) {
            for (String digest : row.versions().split("\n", -1)) {
                if (bodies.containsKey(digest)) continue;
                store.query("select body from decision_version where digest = ?", s -> s.setString(1, digest),
                        result -> bodies.put(digest, result.getString(1)));
                bodies.putIfAbsent(digest, null);
            }
        }
        return bodies;
    }

    /** What is wrong with the chain: entries missing or altered, versions altered, or a head that does not match. */
    static List<String> verify(Store store) {
        List<String> problems = new ArrayList<>();
        Map<String, String> versions = new HashMap<>();
        store.query("select digest, body from decision_version", s -> s.setFetchSize(10_000), rows -> {
            String digest = rows.getString(1);
            versions.put(digest, rows.getString(2));
            if (!AuditChain.sha256(rows.getString(2)).equals(digest) && problems.size() < 20) {
                problems.add("decision log: the version " + digest.substring(0, 12) + "… was altered (it does not match its digest)");
            }
        });
        String[] previous = {"0".repeat(64)};
        long[] expected = {1};
        store.query("select " + COLUMNS + " from decision order by seq", s -> s.setFetchSize(10_000), rows -> {
            Row row = Row.read(rows);
            if (problems.size() >= 20) return;
            if (row.seq() != expected[0]) {
                problems.add("decision log: entr" + (row.seq() - expected[0] > 1 ? "ies " + expected[0] + " to " + (row.seq() - 1) + " are"
                        : "y " + expected[0] + " is") + " missing (the next is " + row.seq() + ")");
            }
            if (!row.previousHash().equals(previous[0])) {
                problems.add("decision log: entry " + row.seq() + " (" + row.id() + ") does not follow the entry before it"
                        + " (an entry before it was rewritten or removed)");
            }
            if (!row.hash(row.previousHash(), row.seq()).equals(row.hash())) {
                problems.add("decision log: entry " + row.seq() + " (" + row.id() + ") was altered: its hash does not match its content");
            }
            for (String digest : row.versions().split("\n", -1)) {
                if (!versions.containsKey(digest)) {
                    problems.add("decision log: entry " + row.seq() + " (" + row.id() + ") names a version that is not stored");
                    break;
                }
            }
            previous[0] = row.hash();
            expected[0] = row.seq() + 1;
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
