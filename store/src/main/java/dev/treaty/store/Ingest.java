package dev.treaty.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.FactError;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Party;
import dev.treaty.model.time.AgreementHistory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loading facts into the store. A fact's key is its id (or, without one, its day, party and
 * content hash): the same fact again is stored once; a different fact under a used key is refused,
 * unless it is a correction, which is stored as the key's next version. Files are checked whole
 * before anything is written; then lines are written in batches, each one transaction with its
 * audit entry, so a crash leaves whole batches and a re-run completes the rest.
 */
public final class Ingest {

    /** Lines per transaction. */
    static final int BATCH = 20_000;

    /** What an ingest did, or the errors that stopped it before anything was written. */
    public record Result(long read, long stored, long corrected, long alreadyStored, List<FactError> errors) {
    }

    private final Store store;
    private final String who;
    private final String why;
    private final boolean correct;

    /** @param correct store a different fact under a used key as its next version instead of refusing it */
    public Ingest(Store store, String who, String why, boolean correct) {
        this.store = store;
        this.who = who;
        this.why = why;
        this.correct = correct;
    }

    /** One line waiting for its batch. */
    private record Pending(String key, boolean correction, long contentHash, Path file, long line, RevenueLine revenue, String body) {
    }

    // ---------------------------------------------------------------- revenue

    public Result revenue(List<Path> files, RevenueReader.Progress progress) {
        Set<String> parties = parties();
        // The files are checked whole first: a bad file leaves the store as it was, and every bad
        // line is reported at once. (Checking on a third thread beside parsing and writing was
        // measured slower on two cores.)
        List<FactError> errors = new ArrayList<>();
        RevenueReader.Result read = RevenueReader.readKeyed(files, (line, id, supersedes, hash) -> {
            if (!parties.contains(line.party())) {
                errors.add(new FactError(line.source().file(), line.source().line(), "party", "'" + line.party()
                        + "' is not a party of any stored agreement (" + String.join(", ", new java.util.TreeSet<>(parties)) + ")"));
            }
        }, RevenueReader.Progress.NONE);
        errors.addAll(read.errors());
        if (!errors.isEmpty()) return new Result(read.lines(), 0, 0, 0, sorted(errors));
        return write(files, progress, read.lines());
    }

    private Result write(List<Path> files, RevenueReader.Progress progress, long read) {
        // Two cores: a thread parses the files into batches while this one writes them.
        long[] counts = new long[3];
        java.util.concurrent.BlockingQueue<List<Pending>> batches = new java.util.concurrent.ArrayBlockingQueue<>(2);
        List<Pending> end = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread.ofPlatform().name("treaty-ingest-parser").daemon().start(() -> {
            List<List<Pending>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
            try {
                RevenueReader.readKeyed(files, (line, id, supersedes, hash) -> {
                    if (stop.get()) throw new java.util.concurrent.CancellationException();
                    boolean correction = !supersedes.isEmpty();
                    String key = correction ? "id:" + supersedes : !id.isEmpty() ? "id:" + id
                            : "h:" + line.date() + "|" + line.party() + "|" + Long.toHexString(hash);
                    batch.get(0).add(new Pending(key, correction, hash, line.source().file(), line.source().line(), line, null));
                    if (batch.get(0).size() == BATCH) {
                        put(batches, batch.get(0), stop);
                        batch.set(0, new ArrayList<>(BATCH));
                    }
                }, progress);
                if (!batch.get(0).isEmpty()) put(batches, batch.get(0), stop);
            } catch (java.util.concurrent.CancellationException stopped) {
                // the writer failed and said stop
            } finally {
                put(batches, end, new java.util.concurrent.atomic.AtomicBoolean());
            }
        });
        try {
            for (List<Pending> batch = batches.take(); batch != end; batch = batches.take()) flush(batch, "revenue", counts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted; the batches written so far are stored whole");
        } catch (RuntimeException e) {
            stop.set(true);
            batches.clear();
            throw e;
        }
        return new Result(read, counts[0], counts[1], counts[2], List.of());
    }

    // ---------------------------------------------------------------- events

    private static final ObjectMapper JSON = new ObjectMapper();

    public Result events(List<Path> files) {
        EventReader.Result checked = EventReader.read(files);
        List<FactError> errors = new ArrayList<>(checked.errors());
        Set<String> parties = parties();
        for (Fact fact : checked.facts()) {
            if (fact instanceof Fact.Payment payment) {
                for (String party : List.of(payment.payer(), payment.payee())) {
                    if (!parties.contains(party)) {
                        errors.add(new FactError(fact.meta().source().file(), fact.meta().source().line(), "payer",
                                "'" + party + "' is not a party of any stored agreement"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) return new Result(checked.facts().size(), 0, 0, 0, sorted(errors));
        Map<String, Fact> byPlace = new HashMap<>();
        checked.facts().forEach(f -> byPlace.put(f.meta().source().file() + ":" + f.meta().source().line(), f));
        long[] counts = new long[3];
        List<Pending> batch = new ArrayList<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException(file + ": cannot be read: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                Fact fact = byPlace.get(file + ":" + (i + 1));
                if (fact == null) continue;          // blank, or a repeat within the files
                String body;
                try {
                    JsonNode node = JSON.readTree(lines.get(i));
                    body = node.toString();
                } catch (IOException e) {
                    throw new IllegalStateException("checked above", e);
                }
                batch.add(new Pending("id:" + fact.id(), false, hash64(body), file, i + 1, null, body));
                if (batch.size() == BATCH) {
                    flush(batch, "event", counts);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) flush(batch, "event", counts);
        return new Result(checked.facts().size(), counts[0], counts[1], counts[2], List.of());
    }

    // ---------------------------------------------------------------- one batch

    private record Stored(int version, long contentHash, String source) {
    }

    private void flush(List<Pending> batch, String table, long[] counts) {
        long[] local = new long[3];
        store.write(who, "ingest " + table, why, "treaty " + (correct ? "correct" : "ingest"), seq -> {
            long recorded = Store.now();
            // First every plain line as version 1, skipping keys already taken; only those are then looked up.
            List<Pending> plain = new ArrayList<>(batch.size());
            List<Pending> later = new ArrayList<>();
            for (Pending pending : batch) (pending.correction() ? later : plain).add(pending);
            int[] inserted = insert(table, plain, java.util.Collections.nCopies(plain.size(), 1), seq, recorded);
            long digest = 0;
            for (int i = 0; i < plain.size(); i++) {
                if (inserted[i] == 0) {
                    later.add(plain.get(i));
                } else {
                    digest += Verify.rowDigest(plain.get(i).key(), 1, plain.get(i).contentHash());
                    local[0]++;
                }
            }
            if (!later.isEmpty()) {
                later.sort(java.util.Comparator.comparingLong(Pending::line));
                Map<String, Stored> existing = existing(table, later);
                List<Pending> versions = new ArrayList<>();
                List<Integer> numbers = new ArrayList<>();
                for (Pending pending : later) {
                    Stored before = existing.get(pending.key());
                    if (before == null) {
                        throw new StoreException(pending.file() + ":" + pending.line() + ": supersedes: no fact '"
                                + pending.key().substring(3) + "' is stored; nothing in this batch was stored");
                    }
                    if (before.contentHash() == pending.contentHash()) {
                        local[2]++;
                        continue;
                    }
                    if (!correct && !pending.correction()) {
                        throw new StoreException(pending.file() + ":" + pending.line() + ": id: '" + pending.key().substring(pending.key().indexOf(':') + 1)
                                + "' is already stored with different content (first read at " + before.source() + "); to supersede it,"
                                + " use 'treaty correct' or a supersedes column; nothing in this batch was stored");
                    }
                    int version = before.version() + 1;
                    existing.put(pending.key(), new Stored(version, pending.contentHash(), pending.file() + ":" + pending.line()));
                    versions.add(pending);
                    numbers.add(version);
                    digest += Verify.rowDigest(pending.key(), version, pending.contentHash());
                    local[0]++;
                    local[1]++;
                }
                insert(table, versions, numbers, seq, recorded);
            }
            Pending first = batch.get(0);
            Pending last = batch.get(batch.size() - 1);
            return table + " from " + first.file() + " lines " + first.line() + "-" + last.line() + ": rows=" + local[0]
                    + " digest=" + Long.toHexString(digest) + " (" + local[1] + " corrections, " + local[2] + " already stored)";
        });
        counts[0] += local[0] - local[1];
        counts[1] += local[1];
        counts[2] += local[2];
    }

    private int[] insert(String table, List<Pending> rows, List<Integer> versions, long seq, long recorded) throws SQLException {
        if (rows.isEmpty()) return new int[0];
        return table.equals("revenue") ? insertRevenue(rows, versions, seq, recorded) : insertEvents(rows, versions, seq, recorded);
    }

    private Map<String, Stored> existing(String table, List<Pending> batch) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        List<String> keys = new ArrayList<>(new HashSet<>(batch.stream().map(Pending::key).toList()));
        int chunk = 500;
        for (int from = 0; from < keys.size(); from += chunk) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + chunk));
            String sql = "select fact_key, version, content_hash, source_file, source_line from " + table + " where fact_key in ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement statement = store.connection().prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) statement.setString(i + 1, part.get(i));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Stored stored = new Stored(rows.getInt(2), rows.getLong(3), rows.getString(4) + ":" + rows.getLong(5));
                        found.merge(rows.getString(1), stored, (a, b) -> a.version() >= b.version() ? a : b);
                    }
                }
            }
        }
        return found;
    }

    /** Rows per INSERT statement: one statement per row costs more than the row itself, in both databases. */
    static final int ROWS_PER_STATEMENT = 64;

    private static final String REVENUE_COLUMNS = "insert into revenue (fact_key, version, batch, recorded, day, party, product, kind,"
            + " category, cloud, region, segment, amount_micros, currency, content_hash, source_file, source_line, known_micros) values ";
    private static final String REVENUE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts rows, skipping any whose key and version are taken; returns 1 for each row inserted
     * and 0 for each skipped. Rows go many to a statement; only a statement that inserted fewer
     * rows than it carried has its rows looked up, to tell which.
     */
    private int[] insertRevenue(List<Pending> inserts, List<Integer> versions, long batch, long recorded) throws SQLException {
        if (store.database().dialect() == Database.Dialect.POSTGRESQL) return copyRevenue(inserts, versions, batch, recorded);
        int[] inserted = new int[inserts.size()];
        java.util.Set<String> claimed = new HashSet<>();        // key and version of the rows inserted so far
        PreparedStatement full = null;
        try {
            for (int from = 0; from < inserts.size(); from += ROWS_PER_STATEMENT) {
                int to = Math.min(inserts.size(), from + ROWS_PER_STATEMENT);
                boolean whole = to - from == ROWS_PER_STATEMENT;
                PreparedStatement insert = whole && full != null ? full : store.connection().prepareStatement(REVENUE_COLUMNS
                        + String.join(", ", java.util.Collections.nCopies(to - from, REVENUE_ROW)) + " on conflict (fact_key, version) do nothing");
                int at = 1;
                for (int i = from; i < to; i++) {
                    Pending pending = inserts.get(i);
                    RevenueLine line = pending.revenue();
                    insert.setString(at++, pending.key());
                    insert.setInt(at++, versions.get(i));
                    insert.setLong(at++, batch);
                    insert.setLong(at++, recorded);
                    insert.setString(at++, line.date().toString());
                    insert.setString(at++, line.party());
                    insert.setString(at++, line.product());
                    insert.setString(at++, line.kind());
                    insert.setString(at++, line.category());
                    insert.setString(at++, line.cloud());
                    insert.setString(at++, line.region());
                    insert.setString(at++, line.segment());
                    insert.setLong(at++, line.amountMicros());
                    insert.setString(at++, line.currency());
                    insert.setLong(at++, pending.contentHash());
                    insert.setString(at++, pending.file().toString());
                    insert.setLong(at++, pending.line());
                    if (line.recordedMicros() == RevenueLine.NOT_RECORDED) insert.setNull(at++, java.sql.Types.BIGINT);
                    else insert.setLong(at++, line.recordedMicros());
                }
                int count = insert.executeUpdate();
                if (whole) full = insert;
                else insert.close();
                if (count == to - from) {
                    java.util.Arrays.fill(inserted, from, to, 1);
                    for (int i = from; i < to; i++) claimed.add(inserts.get(i).key() + "\u0000" + versions.get(i));
                } else if (count > 0) {
                    which(inserts, versions, from, to, batch, inserted, claimed);
                }
            }
        } finally {
            if (full != null) full.close();
        }
        return inserted;
    }

    /**
     * PostgreSQL: the rows are streamed with COPY straight into the table, optimistically (a fresh
     * ingest has no taken keys); if a key is taken, that COPY is undone to a savepoint and the rows
     * go through a temporary table and one INSERT … SELECT that skips taken keys and returns the
     * rows it inserted.
     */
    private int[] copyRevenue(List<Pending> inserts, List<Integer> versions, long batch, long recorded) throws SQLException {
        var connection = store.connection();
        java.sql.Savepoint before = connection.setSavepoint();
        try {
            copy(connection, "revenue (", copyRows(inserts, versions, batch, recorded, false));
            connection.releaseSavepoint(before);
            int[] all = new int[inserts.size()];
            java.util.Arrays.fill(all, 1);
            return all;
        } catch (SQLException taken) {
            if (!"23505".equals(taken.getSQLState())) throw taken;      // not a unique violation: a real failure
            connection.rollback(before);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("create temp table if not exists revenue_staging (ord integer, like revenue) on commit delete rows");
            statement.execute("truncate revenue_staging");
        }
        copy(connection, "revenue_staging (ord, ", copyRows(inserts, versions, batch, recorded, true));
        java.util.Set<String> stored = new HashSet<>();
        try (var statement = connection.createStatement(); ResultSet moved = statement.executeQuery("insert into revenue (fact_key, version,"
                + " batch, recorded, day, party, product, kind, category, cloud, region, segment, amount_micros, currency, content_hash,"
                + " source_file, source_line, known_micros) select fact_key, version, batch, recorded, day, party, product, kind, category,"
                + " cloud, region, segment, amount_micros, currency, content_hash, source_file, source_line, known_micros from revenue_staging"
                + " order by ord"
                + " on conflict (fact_key, version) do nothing returning fact_key, source_file, source_line")) {
            while (moved.next()) stored.add(moved.getString(1) + "\u0000" + moved.getString(2) + "\u0000" + moved.getLong(3));
        }
        int[] inserted = new int[inserts.size()];
        for (int i = 0; i < inserts.size(); i++) {
            Pending pending = inserts.get(i);
            inserted[i] = stored.remove(pending.key() + "\u0000" + pending.file() + "\u0000" + pending.line()) ? 1 : 0;
        }
        return inserted;
    }

    private static void copy(java.sql.Connection connection, String into, String data) throws SQLException {
        try {
            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("copy " + into + "fact_key, version, batch,"
                    + " recorded, day, party, product, kind, category, cloud, region, segment, amount_micros, currency, content_hash,"
                    + " source_file, source_line, known_micros) from stdin", new java.io.StringReader(data));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** The rows in COPY's text format, each led by its position if {@code ordered} (for the staging table's order). */
    private static String copyRows(List<Pending> inserts, List<Integer> versions, long batch, long recorded, boolean ordered) {
        StringBuilder rows = new StringBuilder(inserts.size() * 160);
        for (int i = 0; i < inserts.size(); i++) {
            Pending pending = inserts.get(i);
            RevenueLine line = pending.revenue();
            if (ordered) rows.append(i).append('\t');
            copyText(rows, pending.key()).append('\t').append(versions.get(i)).append('\t').append(batch).append('\t').append(recorded).append('\t')
                    .append(line.date()).append('\t');
            for (String text : new String[]{line.party(), line.product(), line.kind(), line.category(), line.cloud(), line.region(), line.segment()}) {
                copyText(rows, text).append('\t');
            }
            rows.append(line.amountMicros()).append('\t');
            copyText(rows, line.currency()).append('\t').append(pending.contentHash()).append('\t');
            copyText(rows, pending.file().toString()).append('\t').append(pending.line()).append('\t');
            if (line.recordedMicros() == RevenueLine.NOT_RECORDED) rows.append("\\N");
            else rows.append(line.recordedMicros());
            rows.append('\n');
        }
        return rows.toString();
    }

    /** Text in COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder copyText(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** Marks which of rows {@code from..to} this batch inserted: those stored with their own file and line. */
    private void which(List<Pending> inserts, List<Integer> versions, int from, int to, long batch, int[] inserted,
                       java.util.Set<String> claimed) throws SQLException {
        java.util.Set<String> stored = new HashSet<>();
        String sql = "select fact_key, source_file, source_line from revenue where batch = ? and fact_key in ("
                + String.join(",", java.util.Collections.nCopies(to - from, "?")) + ")";
        try (PreparedStatement select = store.connection().prepareStatement(sql)) {
            select.setLong(1, batch);
            for (int i = from; i < to; i++) select.setString(2 + i - from, inserts.get(i).key());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) stored.add(rows.getString(1) + "\u0000" + rows.getString(2) + "\u0000" + rows.getLong(3));
            }
        }
        for (int i = from; i < to; i++) {
            Pending pending = inserts.get(i);
            // the same file given twice repeats file and line: a stored row answers for its first line only
            boolean mine = !claimed.contains(pending.key() + "\u0000" + versions.get(i))
                    && stored.remove(pending.key() + "\u0000" + pending.file() + "\u0000" + pending.line());
            inserted[i] = mine ? 1 : 0;
            if (mine) claimed.add(pending.key() + "\u0000" + versions.get(i));
        }
    }

    private int[] insertEvents(List<Pending> inserts, List<Integer> versions, long batch, long recorded) throws SQLException {
        try (PreparedStatement insert = store.connection().prepareStatement("insert into event (fact_key, version, batch, recorded, body,"
                + " content_hash, source_file, source_line) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (fact_key, version) do nothing")) {
            for (int i = 0; i < inserts.size(); i++) {
                Pending pending = inserts.get(i);
                insert.setString(1, pending.key());
                insert.setInt(2, versions.get(i));
                insert.setLong(3, batch);
                insert.setLong(4, recorded);
                insert.setString(5, pending.body());
                insert.setLong(6, pending.contentHash());
                insert.setString(7, pending.file().toString());
                insert.setLong(8, pending.line());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            List<String> stored = new ArrayList<>();
            // a payment is posted when first stored; a corrected payment's new version is not posted again
            for (int i = 0; i < counts.length; i++) if (counts[i] != 0 && versions.get(i) == 1) stored.add(inserts.get(i).body());
            Ledger.postPayments(store, stored, batch);
            return counts;
        }
    }

    /** Every party of every stored agreement; facts naming another party are refused. */
    private Set<String> parties() {
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(store.agreementTexts(Store.MAX), Map.of());
        Set<String> parties = new HashSet<>();
        for (AgreementHistory history : loaded.histories()) {
            for (var version : history.versions()) version.parties().stream().map(Party::shortName).forEach(parties::add);
        }
        if (parties.isEmpty()) {
            throw new StoreException("no agreement is stored in " + store.database().describe()
                    + "; add one first with 'treaty agreement add DIR --db " + store.database().describe() + "'");
        }
        return parties;
    }

    private static void put(java.util.concurrent.BlockingQueue<List<Pending>> queue, List<Pending> batch,
                            java.util.concurrent.atomic.AtomicBoolean stop) {
        try {
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stop.get()) throw new java.util.concurrent.CancellationException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException();
        }
    }

    static long hash64(String text) {
        String hex = AuditChain.sha256(text);
        return Long.parseUnsignedLong(hex.substring(0, 16), 16);
    }

    private static List<FactError> sorted(List<FactError> errors) {
        List<FactError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparing((FactError e) -> e.file().toString()).thenComparingLong(FactError::line));
        return sorted;
    }
}
