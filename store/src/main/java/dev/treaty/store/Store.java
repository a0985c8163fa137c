package dev.treaty.store;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.RevenueLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One open store. Reads see what was recorded by an instant ({@link #MAX} for everything); every
 * write is one transaction that appends its audit entry. Not thread-safe: one per thread.
 */
public final class Store implements AutoCloseable {

    /** "Everything recorded so far." */
    public static final long MAX = Long.MAX_VALUE;

    private final Database database;
    private final Connection connection;

    private Store(Database database, Connection connection) {
        this.database = database;
        this.connection = connection;
    }

    /** Creates the store (or brings its schema up to date) and records that in the audit trail. */
    public static void init(Database database, String who) {
        database.migrate();
        try (Store store = open(database, true)) {
            store.write(who, "init", "schema up to date", "treaty init", writing -> {
                PartyScope.rewrite(store);     // a store made before the table had it filled here
                return "store " + database.describe();
            });
        }
    }

    public static Store open(Database database, boolean write) {
        return new Store(database, database.connect(write));
    }

    /**
     * A writer to keep open for appending to the decision log: on SQLite it takes the write lock only
     * when it writes, so keeping it open blocks no other writer. Its writes must begin by writing.
     */
    public static Store openAppender(Database database) {
        Store store = new Store(database, database.connect(true, false));
        if (database.dialect() == Database.Dialect.SQLITE) {
            // the appender never copies the write-ahead log into the database itself (that stalls the
            // answers waiting on its commit); checkpoint() does, from elsewhere
            try (var statement = store.connection.createStatement()) {
                statement.execute("pragma wal_autocheckpoint = 0");
                // once a checkpoint has copied the log, the next commit starts it over and cuts the file to this
                statement.execute("pragma journal_size_limit = " + DecisionLog.Appender.LOG_LIMIT);
            } catch (SQLException e) {
                store.close();
                throw new StoreException("cannot open the store " + database.describe() + ": " + e.getMessage(), e);
            }
        }
        return store;
    }

    /**
     * Copies SQLite's write-ahead log into the database as far as no reader needs it (a passive
     * checkpoint: it waits for no one); nothing on PostgreSQL.
     */
    public static void checkpoint(Database database) {
        if (database.dialect() != Database.Dialect.SQLITE) return;
        // a checkpoint writes into the database file, so a read-only connection cannot make one; outside a
        // transaction, so it takes no lock that the appender's next commit would wait on
        try (Store store = new Store(database, database.connect(true, false)); var statement = store.connection.createStatement()) {
            store.connection.setAutoCommit(true);
            statement.execute("pragma wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            throw new StoreException("cannot checkpoint the store " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    public Database database() {
        return database;
    }

    Connection connection() {
        return connection;
    }

    /** Microseconds since the epoch, now: the recording instant of a write. */
    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /**
     * How far the store has got: the audit chain's last entry and when it was written. Every write
     * appends one, so an unchanged revision means unchanged contents; reading as recorded at
     * {@code atMicros} sees exactly the writes through {@code seq}.
     */
    public record Revision(long seq, long atMicros) {
    }

    public Revision revision() {
        long[] found = {0, 0};
        query("select h.seq, a.at_micros from chain_head h left join audit a on a.seq = h.seq where h.id = 1", s -> { }, rows -> {
            found[0] = rows.getLong(1);
            found[1] = rows.getLong(2);
        });
        return new Revision(found[0], found[1]);
    }

    /**
     * Names the party this connection reads for: on PostgreSQL, row-level security then shows it
     * only the statements and decisions of the agreements it is on. Nothing on SQLite.
     */
    public Store scopedTo(String party) {
        if (database.dialect() != Database.Dialect.POSTGRESQL) return this;
        query("select set_config('treaty.party', ?, false)", s -> s.setString(1, party), rows -> { });
        return this;
    }

    public static long micros(Instant instant) {
        if (instant.equals(Instant.MAX)) return MAX;
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    /**
     * What a write works with: its audit entry's sequence number, its recording instant, and the
     * rows it adds (each row gets its row_seq there and is digested for the audit entry).
     */
    record Writing(long seq, long recordedMicros, Rows.Written rows) {
    }

    /** A write's body: does the work and returns what the audit entry says. */
    @FunctionalInterface
    interface Work {
        String run(Writing writing) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction with its audit entry, which records how many rows the
     * write added to each table and their digest; rolls everything back on any failure.
     */
    long write(String who, String action, String why, String fallbackWhy, Work work) {
        if (inWrite) throw new IllegalStateException("writes do not nest");
        inWrite = true;
        try {
            long seq = AuditChain.lock(connection);
            Writing writing = new Writing(seq, now(), new Rows.Written());
            String what = work.run(writing);
            if (!writing.rows().isEmpty()) what = what + AuditChain.ROWS + writing.rows().summary();
            AuditChain.append(connection, seq, now(), who, action, what, why == null || why.isBlank() ? fallbackWhy : why);
            connection.commit();
            return seq;
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof StoreException store) throw store;
            if (e instanceof SQLException sql && isReadOnly(sql)) {
                throw new StoreException("the store " + database.describe() + " is read-only; nothing was written");
            }
            throw new StoreException("nothing was written to " + database.describe() + ": " + Database.rootMessage(e), e);
        } finally {
            inWrite = false;
        }
    }

    private boolean inWrite;

    private static boolean isReadOnly(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("readonly") || message.contains("read-only") || message.contains("read only");
    }

    void rollback() {
        try {
            if (!connection.getAutoCommit()) connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction is rolled back with it
        }
    }

    // ---------------------------------------------------------------- agreements

    /** What {@link #addAgreements} did. */
    public record Added(int stored, int alreadyStored, long auditSeq) {
    }

    /** Stores agreement files by content: a changed file is a new version, the same file again is nothing new. */
    public Added addAgreements(List<Path> files, String who, String why) {
        int[] counts = new int[2];
        long seq = write(who, "agreement add", why, "treaty agreement add", writing -> {
            List<String> what = new ArrayList<>();
            for (Path file : files) {
                String content;
                try {
                    content = Files.readString(file, StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new StoreException(file + ": cannot be read: " + e.getMessage());
                }
                String hash = AuditChain.sha256(content);
                try (PreparedStatement exists = connection.prepareStatement("select 1 from agreement_file where content_hash = ?")) {
                    exists.setString(1, hash);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            counts[1]++;
                            continue;
                        }
                    }
                }
                Rows.insert(connection, writing.rows(), Rows.AGREEMENT_FILE, hash, file.getFileName().toString(), content,
                        writing.recordedMicros(), writing.seq());
                counts[0]++;
                what.add(file.getFileName() + " " + hash);
            }
            if (!what.isEmpty()) PartyScope.rewrite(this);
            return what.isEmpty() ? "no new agreement files" : String.join("; ", what);
        });
        return new Added(counts[0], counts[1], seq);
    }

    /** The latest content of each agreement file as recorded by {@code knownAtMicros}, by file name. */
    public Map<Path, String> agreementTexts(long knownAtMicros) {
        Map<Path, String> texts = new LinkedHashMap<>();
        query("select path, content from agreement_file where recorded <= ? order by recorded, audit_seq", statement -> {
            statement.setLong(1, knownAtMicros);
        }, rows -> texts.put(Path.of(rows.getString(1)), rows.getString(2)));
        return texts;
    }

    // ---------------------------------------------------------------- facts as known

    /**
     * Streams the revenue lines the store held at {@code recordedByMicros}: per fact, its latest
     * version recorded by then, with the line's own known-from instant (the as-known axis is the
     * caller's to apply).
     */
    public long revenue(long recordedByMicros, Consumer<RevenueLine> consumer) {
        long knownAtMicros = recordedByMicros;
        long[] count = {0};
        query("select r.day, r.party, r.product, r.kind, r.category, r.cloud, r.region, r.segment, r.amount_micros, r.currency,"
                + " r.source_file, r.source_line, r.known_micros from revenue r where r.recorded <= ? and r.version = (select"
                + " max(x.version) from revenue x where x.fact_key = r.fact_key and x.recorded <= ?)", statement -> {
            statement.setLong(1, knownAtMicros);
            statement.setLong(2, knownAtMicros);
            statement.setFetchSize(10_000);
        }, rows -> {
            long known = rows.getLong(13);
            if (rows.wasNull()) known = RevenueLine.NOT_RECORDED;
            consumer.accept(new RevenueLine(LocalDate.parse(rows.getString(1)), rows.getString(2), rows.getString(3), rows.getString(4),
                    rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getLong(9), rows.getString(10),
                    new FactSource(Path.of(rows.getString(11)), rows.getLong(12)), known));
            count[0]++;
        });
        return count[0];
    }

    /** The event lines known at {@code knownAtMicros}, each with where it was first read. */
    public List<EventReader.Text> events(long knownAtMicros) {
        List<EventReader.Text> texts = new ArrayList<>();
        query("select e.body, e.source_file, e.source_line from event e where e.recorded <= ? and e.version = (select"
                + " max(x.version) from event x where x.fact_key = e.fact_key and x.recorded <= ?) order by e.batch, e.source_line", statement -> {
            statement.setLong(1, knownAtMicros);
            statement.setLong(2, knownAtMicros);
        }, rows -> texts.add(new EventReader.Text(new FactSource(Path.of(rows.getString(2)), rows.getLong(3)), rows.getString(1))));
        return texts;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    void query(String sql, Binder binder, RowReader reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) reader.read(rows);
            }
            if (!inWrite && !connection.getAutoCommit()) connection.commit();   // a reader outside a write holds no lock
        } catch (SQLException e) {
            if (!inWrite) rollback();
            throw new StoreException("cannot read the store " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to do
        }
    }
}
