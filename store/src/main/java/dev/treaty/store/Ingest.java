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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loading facts into the store. A fact's key is its id; a line without an id is the fact at its
 * file's name and its line number (so two identical lines are two facts, as in a file, and the same
 * file loaded again is stored once). The same fact again is stored once; a different fact under a
 * used key is refused, unless it is a correction, which is stored as the key's next version.
 *
 * <p>Each file is all or nothing: it is read once, in one transaction with its audit entry, and
 * any bad line, unknown party or conflict rolls the whole file back (every problem is still
 * reported). Files before it stay stored; the message says which. A re-run after a crash stores
 * each file whole or not at all, and each fact once.
 */
public final class Ingest {

    /** Lines handed from the parsing thread to the writing one at a time. */
    static final int CHUNK = 20_000;

    /**
     * What an ingest did, or the errors that stopped it.
     *
     * @param storedFiles the files stored whole before a file was refused (all of them if none was)
     * @param refused     the file that was refused, with nothing of it stored, if any
     */
    public record Result(long read, long stored, long corrected, long alreadyStored, List<FactError> errors, List<Path> storedFiles,
                         java.util.Optional<Path> refused) {
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

    /** One line waiting to be written. */
    private record Pending(String key, boolean correction, long contentHash, Path file, long line, RevenueLine revenue, String body) {
    }

    /** The counts of one file: stored (new facts and new versions), corrected (new versions), already stored. */
    private static final class Counts {
        long stored;
        long corrected;
        long alreadyStored;
    }

    /** A file refused: its problems, and nothing of it stored (the write rolls back). */
    private static final class Refused extends StoreException {
        final List<FactError> errors;

        Refused(List<FactError> errors) {
            super("refused");
            this.errors = errors;
        }
    }

    // ---------------------------------------------------------------- revenue

    public Result revenue(List<Path> files, RevenueReader.Progress progress) {
        List<FactError> twice = givenTwice(files);
        if (!twice.isEmpty()) return new Result(0, 0, 0, 0, twice, List.of(), java.util.Optional.of(files.get(0)));
        Set<String> parties = parties();
        Counts total = new Counts();
        long read = 0;
        List<Path> stored = new ArrayList<>();
        for (Path file : files) {
            long[] lines = {0};
            try {
                Counts counts = new Counts();
                store.write(who, correct ? "correct revenue" : "ingest revenue", why, "treaty " + (correct ? "correct" : "ingest"),
                        writing -> revenueFile(file, parties, progress, writing, counts, lines));
                total.stored += counts.stored;
                total.corrected += counts.corrected;
                total.alreadyStored += counts.alreadyStored;
                read += lines[0];
                stored.add(file);
            } catch (Refused refused) {
                return new Result(read + lines[0], total.stored, total.corrected, total.alreadyStored, sorted(refused.errors), stored,
                        java.util.Optional.of(file));
            }
        }
        return new Result(read, total.stored, total.corrected, total.alreadyStored, List.of(), stored, java.util.Optional.empty());
    }

    /** Reads one file on a second thread while this one writes its chunks; refuses the whole file on any problem. */
    private String revenueFile(Path file, Set<String> parties, RevenueReader.Progress progress, Store.Writing writing, Counts counts,
                               long[] lines) throws SQLException {
        List<FactError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<List<Pending>> chunks = new ArrayBlockingQueue<>(2);
        List<Pending> end = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        RevenueReader.Result[] read = {null};
        String name = file.getFileName().toString();
        Thread parser = Thread.ofPlatform().name("treaty-ingest-parser").daemon().start(() -> {
            List<List<Pending>> chunk = new ArrayList<>(List.of(new ArrayList<>(CHUNK)));
            try {
                read[0] = RevenueReader.readKeyed(List.of(file), (line, id, supersedes, hash) -> {
                    if (stop.get()) throw new CancellationException();
                    if (!parties.contains(line.party())) {
                        errors.add(new FactError(line.source().file(), line.source().line(), "party", "'" + line.party()
                                + "' is not a party of any stored agreement (" + String.join(", ", new java.util.TreeSet<>(parties)) + ")"));
                        return;
                    }
                    boolean correction = !supersedes.isEmpty();
                    String key = correction ? "id:" + supersedes : !id.isEmpty() ? "id:" + id : "line:" + name + ":" + line.source().line();
                    chunk.get(0).add(new Pending(key, correction, hash, line.source().file(), line.source().line(), line, null));
                    if (chunk.get(0).size() == CHUNK) {
                        put(chunks, chunk.get(0), stop);
                        chunk.set(0, new ArrayList<>(CHUNK));
                    }
                }, progress);
                if (!chunk.get(0).isEmpty()) put(chunks, chunk.get(0), stop);
            } catch (CancellationException stopped) {
                // the writer failed and said stop
            } finally {
                put(chunks, end, new AtomicBoolean());
            }
        });
        long first = Long.MAX_VALUE;
        long last = 0;
        try {
            for (List<Pending> chunk = chunks.take(); chunk != end; chunk = chunks.take()) {
                first = Math.min(first, chunk.get(0).line());
                last = Math.max(last, chunk.get(chunk.size() - 1).line());
                lines[0] += chunk.size();
                // after the first problem the file is refused: read on to report every problem, write nothing more
                if (errors.isEmpty()) flush(chunk, "revenue", writing, counts, errors);
            }
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new StoreException("interrupted; nothing from " + file + " was stored");
        } catch (RuntimeException | SQLException e) {
            stop.set(true);
            chunks.clear();
            throw e;
        }
        if (read[0] != null) errors.addAll(read[0].errors());
        if (!errors.isEmpty()) throw new Refused(new ArrayList<>(errors));
        return "revenue from " + file + (lines[0] == 0 ? ": no lines" : " lines " + first + "-" + last) + ": " + counts.stored
                + " stored (" + counts.corrected + " corrections, " + counts.alreadyStored + " already stored)";
    }

    // ---------------------------------------------------------------- events

    private static final ObjectMapper JSON = new ObjectMapper();

    public Result events(List<Path> files) {
        List<FactError> twice = givenTwice(files);
        if (!twice.isEmpty()) return new Result(0, 0, 0, 0, twice, List.of(), java.util.Optional.of(files.get(0)));
        // events files are small: all of them are checked together first (an answer may sit in
        // another file than its request), then each is stored in its own transaction
        EventReader.Result checked = EventReader.read(files);
        List<FactError> errors = new ArrayList<>(checked.errors());
        Set<String> parties = parties();
        for (Fact fact : checked.facts()) {
            if (fact instanceof Fact.Payment payment) {
                for (String party : List.of(payment.payer(), payment.payee())) {
                    if (!parties.contains(party)) {
                        errors.add(new FactError(fact.meta().source().file(), fact.meta().source().line(), party.equals(payment.payer())
                                ? "payer" : "payee", "'" + party + "' is not a party of any stored agreement"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Result(checked.facts().size(), 0, 0, 0, sorted(errors), List.of(), java.util.Optional.of(errors.get(0).file()));
        }
        Map<String, Fact> byPlace = new HashMap<>();
        checked.facts().forEach(f -> byPlace.put(f.meta().source().file() + ":" + f.meta().source().line(), f));
        Counts total = new Counts();
        List<Path> stored = new ArrayList<>();
        for (Path file : files) {
            List<Pending> pending = new ArrayList<>();
            List<String> lines = readLines(file);
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
                pending.add(new Pending("id:" + fact.id(), false, hash64(body), file, i + 1, null, body));
            }
            try {
                Counts counts = new Counts();
                store.write(who, correct ? "correct events" : "ingest events", why, "treaty " + (correct ? "correct" : "ingest"), writing -> {
                    List<FactError> problems = new ArrayList<>();
                    for (int from = 0; from < pending.size(); from += CHUNK) {
                        flush(pending.subList(from, Math.min(pending.size(), from + CHUNK)), "event", writing, counts, problems);
                    }
                    if (!problems.isEmpty()) throw new Refused(problems);
                    return "events from " + file + ": " + counts.stored + " stored (" + counts.corrected + " corrections, "
                            + counts.alreadyStored + " already stored)";
                });
                total.stored += counts.stored;
                total.corrected += counts.corrected;
                total.alreadyStored += counts.alreadyStored;
                stored.add(file);
            } catch (Refused refused) {
                return new Result(checked.facts().size(), total.stored, total.corrected, total.alreadyStored, sorted(refused.errors), stored,
                        java.util.Optional.of(file));
            }
        }
        return new Result(checked.facts().size(), total.stored, total.corrected, total.alreadyStored, List.of(), stored,
                java.util.Optional.empty());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot be read: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- one chunk

    private record Stored(int version, long contentHash, String source) {
    }

    /**
     * Writes one chunk: every plain line first as version 1, skipping keys already taken; only
     * those are looked up: the same content again is already stored, a correction (or any different
     * content under {@code correct}) is the key's next version, other different content is a
     * conflict (reported, and the file is refused).
     */
    private void flush(List<Pending> chunk, String table, Store.Writing writing, Counts counts, List<FactError> problems)
            throws SQLException {
        List<Pending> plain = new ArrayList<>(chunk.size());
        List<Pending> later = new ArrayList<>();
        for (Pending pending : chunk) (pending.correction() ? later : plain).add(pending);
        int[] inserted = insert(table, plain, java.util.Collections.nCopies(plain.size(), 1), writing);
        for (int i = 0; i < plain.size(); i++) {
            if (inserted[i] == 0) later.add(plain.get(i));
            else counts.stored++;
        }
        if (later.isEmpty()) return;
        later.sort(java.util.Comparator.comparingLong(Pending::line));
        Map<String, Stored> existing = existing(table, later);
        List<Pending> versions = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (Pending pending : later) {
            Stored before = existing.get(pending.key());
            String shown = pending.key().substring(pending.key().indexOf(':') + 1);
            if (before == null) {
                problems.add(new FactError(pending.file(), pending.line(), "supersedes", "no fact '" + shown + "' is stored"));
                continue;
            }
            if (before.contentHash() == pending.contentHash()) {
                counts.alreadyStored++;
                continue;
            }
            if (!correct && !pending.correction()) {
                problems.add(new FactError(pending.file(), pending.line(), pending.key().startsWith("line:") ? "" : "id",
                        (pending.key().startsWith("line:") ? "this line of " + pending.file().getFileName() + " is already stored with"
                                + " different content (a file without ids is keyed by its lines: give lines ids to change them)"
                                : "'" + shown + "' is already stored with different content") + " (first read at " + before.source()
                                + "); to supersede it, use 'treaty correct' or a supersedes column"));
                continue;
            }
            int version = before.version() + 1;
            existing.put(pending.key(), new Stored(version, pending.contentHash(), pending.file() + ":" + pending.line()));
            versions.add(pending);
            numbers.add(version);
        }
        if (!problems.isEmpty()) return;
        insert(table, versions, numbers, writing);
        counts.stored += versions.size();
        counts.corrected += versions.size();
    }

    private int[] insert(String table, List<Pending> rows, List<Integer> versions, Store.Writing writing) throws SQLException {
        if (rows.isEmpty()) return new int[0];
        return table.equals("revenue") ? insertRevenue(rows, versions, writing) : insertEvents(rows, versions, writing);
    }

    private Map<String, Stored> existing(String table, List<Pending> batch) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        List<String> keys = new ArrayList<>(new HashSet<>(batch.stream().map(Pending::key).toList()));
        int part = 500;
        for (int from = 0; from < keys.size(); from += part) {
            List<String> these = keys.subList(from, Math.min(keys.size(), from + part));
            String sql = "select fact_key, version, content_hash, source_file, source_line from " + table + " where fact_key in ("
                    + String.join(",", java.util.Collections.nCopies(these.size(), "?")) + ")";
            try (PreparedStatement statement = store.connection().prepareStatement(sql)) {
                for (int i = 0; i < these.size(); i++) statement.setString(i + 1, these.get(i));
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

    // ---------------------------------------------------------------- revenue rows

    /** Rows per INSERT statement: one statement per row costs more than the row itself, in both databases. */
    static final int ROWS_PER_STATEMENT = 64;

    private static final String REVENUE_COLUMNS = "insert into revenue (" + String.join(", ", Rows.REVENUE.columns())
            + ", row_seq, fingerprint) values ";
    private static final String REVENUE_ROW = "(" + "?, ".repeat(Rows.REVENUE.columns().size() + 1) + "?)";

    /**
     * A revenue row as the store keeps it: its values as bound (Long, Integer, String or null, in
     * the table's column order), the same as text (for the fingerprint and digest), and its fingerprint.
     */
    private record Row(Pending pending, int version, Object[] typed, String[] values, String fingerprint) {
    }

    private static Row row(Pending pending, int version, long batch, long recorded) {
        RevenueLine line = pending.revenue();
        Object[] typed = {pending.key(), version, batch, recorded, line.date().toString(), line.party(), line.product(),
                line.kind(), line.category(), line.cloud(), line.region(), line.segment(), line.amountMicros(), line.currency(),
                pending.contentHash(), pending.file().toString(), pending.line(),
                line.recordedMicros() == RevenueLine.NOT_RECORDED ? null : line.recordedMicros()};
        String[] values = Rows.text(typed);
        return new Row(pending, version, typed, values, Rows.fingerprint(values));
    }

    /**
     * Inserts rows, skipping any whose key and version are taken; returns 1 for each row inserted
     * and 0 for each skipped. The rows inserted get consecutive row_seq numbers and are registered
     * for the audit entry. Rows go many to a statement; only a statement that inserted fewer rows
     * than it carried has its rows looked up, to tell which (and to close the gaps in row_seq).
     */
    private int[] insertRevenue(List<Pending> inserts, List<Integer> versions, Store.Writing writing) throws SQLException {
        List<Row> rows = new ArrayList<>(inserts.size());
        for (int i = 0; i < inserts.size(); i++) rows.add(row(inserts.get(i), versions.get(i), writing.seq(), writing.recordedMicros()));
        if (store.database().dialect() == Database.Dialect.POSTGRESQL) return copyRevenue(rows, writing);
        int[] inserted = new int[rows.size()];
        Set<String> claimed = null;     // key and version of the rows inserted so far: made only once a row is skipped
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                int to = Math.min(rows.size(), from + ROWS_PER_STATEMENT);
                boolean whole = to - from == ROWS_PER_STATEMENT;
                PreparedStatement insert = whole && full != null ? full : store.connection().prepareStatement(REVENUE_COLUMNS
                        + String.join(", ", java.util.Collections.nCopies(to - from, REVENUE_ROW)) + " on conflict (fact_key, version) do nothing");
                long base = writing.rows().peek(Rows.REVENUE);
                int at = 1;
                for (int i = from; i < to; i++) {
                    Row row = rows.get(i);
                    for (int c = 0; c < row.typed().length; c++) Rows.bind(insert, at++, Rows.REVENUE.types().charAt(c), row.typed()[c]);
                    insert.setLong(at++, base + (i - from));
                    insert.setString(at++, row.fingerprint());
                }
                int count = insert.executeUpdate();
                if (whole) full = insert;
                else insert.close();
                if (count == to - from) {
                    java.util.Arrays.fill(inserted, from, to, 1);
                } else if (count > 0) {
                    if (claimed == null) claimed = claimed(rows, from, inserted);
                    which(rows, from, to, writing.seq(), inserted, claimed);
                }
                // the rows inserted take the next row_seq numbers in order; a skipped row leaves no gap
                long next = base;
                for (int i = from; i < to; i++) {
                    if (inserted[i] == 0) continue;
                    Row row = rows.get(i);
                    if (claimed != null) claimed.add(claim(row));
                    if (base + (i - from) != next) renumber(row, next);
                    writing.rows().add(Rows.REVENUE, row.values(), row.fingerprint());
                    next++;
                }
            }
        } finally {
            if (full != null) full.close();
        }
        return inserted;
    }

    private void renumber(Row row, long seq) throws SQLException {
        try (PreparedStatement update = store.connection().prepareStatement("update revenue set row_seq = ? where fact_key = ? and version = ?")) {
            update.setLong(1, seq);
            update.setString(2, row.pending().key());
            update.setInt(3, row.version());
            update.executeUpdate();
        }
    }

    /** The claims of the rows before {@code to} that this write inserted. */
    private static Set<String> claimed(List<Row> rows, int to, int[] inserted) {
        Set<String> claimed = new HashSet<>();
        for (int i = 0; i < to; i++) if (inserted[i] == 1) claimed.add(claim(rows.get(i)));
        return claimed;
    }

    private static String claim(Row row) {
        return row.pending().key() + "\u0000" + row.version();
    }

    /** Marks which of rows {@code from..to} this write inserted: those stored with their own file and line. */
    private void which(List<Row> rows, int from, int to, long batch, int[] inserted, Set<String> claimed) throws SQLException {
        Set<String> stored = new HashSet<>();
        String sql = "select fact_key, source_file, source_line from revenue where batch = ? and fact_key in ("
                + String.join(",", java.util.Collections.nCopies(to - from, "?")) + ")";
        try (PreparedStatement select = store.connection().prepareStatement(sql)) {
            select.setLong(1, batch);
            for (int i = from; i < to; i++) select.setString(2 + i - from, rows.get(i).pending().key());
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) stored.add(found.getString(1) + "\u0000" + found.getString(2) + "\u0000" + found.getLong(3));
            }
        }
        for (int i = from; i < to; i++) {
            Pending pending = rows.get(i).pending();
            // the same line twice in one write repeats file and line: a stored row answers for its first line only
            boolean mine = !claimed.contains(claim(rows.get(i)))
                    && stored.remove(pending.key() + "\u0000" + pending.file() + "\u0000" + pending.line());
            inserted[i] = mine ? 1 : 0;
        }
    }

    /**
     * PostgreSQL: the rows are streamed with COPY straight into the table, optimistically (a fresh
     * ingest has no taken keys); if a key is taken, that COPY is undone to a savepoint and the rows
     * go through a temporary table and one INSERT … SELECT that skips taken keys, numbers the rows
     * it inserts and returns them.
     */
    private int[] copyRevenue(List<Row> rows, Store.Writing writing) throws SQLException {
        var connection = store.connection();
        long base = writing.rows().peek(Rows.REVENUE);
        java.sql.Savepoint before = connection.setSavepoint();
        try {
            copy(connection, "revenue (", copyRows(rows, base, false));
            connection.releaseSavepoint(before);
            for (Row row : rows) writing.rows().add(Rows.REVENUE, row.values(), row.fingerprint());
            int[] all = new int[rows.size()];
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
        copy(connection, "revenue_staging (ord, ", copyRows(rows, base, true));
        String columns = String.join(", ", Rows.REVENUE.columns());
        Map<String, Long> numbered = new HashMap<>();
        try (PreparedStatement move = connection.prepareStatement("insert into revenue (" + columns + ", row_seq, fingerprint) select "
                + columns + ", ? + row_number() over (order by ord) - 1, fingerprint from (select distinct on (fact_key, version) *"
                + " from revenue_staging s where not exists (select 1 from revenue r where r.fact_key = s.fact_key and r.version = s.version)"
                + " order by fact_key, version, ord) fresh order by ord returning fact_key, source_file, source_line, row_seq")) {
            move.setLong(1, base);
            try (ResultSet moved = move.executeQuery()) {
                while (moved.next()) numbered.put(moved.getString(1) + "\u0000" + moved.getString(2) + "\u0000" + moved.getLong(3), moved.getLong(4));
            }
        }
        int[] inserted = new int[rows.size()];
        List<Row> mine = new ArrayList<>();
        Map<Row, Long> seqs = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Long seq = numbered.remove(row.pending().key() + "\u0000" + row.pending().file() + "\u0000" + row.pending().line());
            if (seq == null) continue;
            inserted[i] = 1;
            mine.add(row);
            seqs.put(row, seq);
        }
        mine.sort(java.util.Comparator.comparingLong(seqs::get));
        for (Row row : mine) writing.rows().add(Rows.REVENUE, row.values(), row.fingerprint());
        return inserted;
    }

    private static void copy(java.sql.Connection connection, String into, String data) throws SQLException {
        try {
            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("copy " + into
                    + String.join(", ", Rows.REVENUE.columns()) + ", row_seq, fingerprint) from stdin", new java.io.StringReader(data));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** The rows in COPY's text format, each led by its position if {@code ordered} (for the staging table's order). */
    private static String copyRows(List<Row> rows, long base, boolean ordered) {
        StringBuilder text = new StringBuilder(rows.size() * 200);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (ordered) text.append(i).append('\t');
            for (String value : row.values()) {
                if (value == null) text.append("\\N");
                else copyText(text, value);
                text.append('\t');
            }
            text.append(base + i).append('\t').append(row.fingerprint()).append('\n');
        }
        return text.toString();
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

    // ---------------------------------------------------------------- event rows

    /** Events are few: one statement a row, so each row's own count says whether it was inserted. */
    private int[] insertEvents(List<Pending> inserts, List<Integer> versions, Store.Writing writing) throws SQLException {
        int[] inserted = new int[inserts.size()];
        List<String> payments = new ArrayList<>();
        String sql = "insert into event (" + String.join(", ", Rows.EVENT.columns()) + ", row_seq, fingerprint) values ("
                + "?, ".repeat(Rows.EVENT.columns().size() + 1) + "?) on conflict (fact_key, version) do nothing";
        try (PreparedStatement insert = store.connection().prepareStatement(sql)) {
            for (int i = 0; i < inserts.size(); i++) {
                Pending pending = inserts.get(i);
                Object[] values = {pending.key(), versions.get(i), writing.seq(), writing.recordedMicros(), pending.body(),
                        pending.contentHash(), pending.file().toString(), pending.line()};
                String[] text = Rows.text(values);
                String fingerprint = Rows.fingerprint(text);
                for (int c = 0; c < values.length; c++) Rows.bind(insert, c + 1, Rows.EVENT.types().charAt(c), values[c]);
                insert.setLong(values.length + 1, writing.rows().peek(Rows.EVENT));
                insert.setString(values.length + 2, fingerprint);
                if (insert.executeUpdate() == 0) continue;
                inserted[i] = 1;
                writing.rows().add(Rows.EVENT, text, fingerprint);
                // a payment is posted when first stored; a corrected payment's new version is not posted again
                if (versions.get(i) == 1) payments.add(pending.body());
            }
        }
        Ledger.postPayments(store, payments, writing);
        return inserted;
    }

    // ---------------------------------------------------------------- checks

    /** Every party of every stored agreement; facts naming another party are refused. */
    private Set<String> parties() {
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(store.agreementTexts(Store.MAX), Map.of());
        Set<String> parties = new HashSet<>();
        for (AgreementHistory history : loaded.histories()) {
            for (var version : history.versions()) version.parties().stream().map(Party::shortName).forEach(parties::add);
        }
        if (parties.isEmpty()) {
            throw new StoreException("no agreement is stored in " + store.database().describe()
                    + "; add one first with 'treaty agreement add DIR --db " + store.database().argument() + "'");
        }
        return parties;
    }

    /** The same file named twice in one command would be read twice: refused, naming it. */
    private static List<FactError> givenTwice(List<Path> files) {
        Set<Path> seen = new HashSet<>();
        List<FactError> errors = new ArrayList<>();
        for (Path file : files) {
            if (!seen.add(file.toAbsolutePath().normalize())) errors.add(new FactError(file, 0, "", "the same file is named twice"));
        }
        return errors;
    }

    private static void put(BlockingQueue<List<Pending>> queue, List<Pending> chunk, AtomicBoolean stop) {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (stop.get()) throw new CancellationException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
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
