package dev.treaty.store;

import dev.treaty.evaluator.facts.RevenueReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An intruder with the database's password edits one field of one row, or deletes one row, of
 * any table; {@code verify} must find it and name the table, the row and the field. Run on SQLite
 * and on a real PostgreSQL, with {@value #EDITS} generated edits each (seeded: the seed is printed
 * with any failure), and the edits the review made by hand.
 */
abstract class TamperContract {

    /** 1,000 in every build; mutation testing (pom.xml's mutation profile) runs fewer per mutant. */
    static final int EDITS = Integer.getInteger("treaty.tamper.edits", 1_000);
    /** The primary key of each table: how an edit finds its row again. */
    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("audit", List.of("seq"));
        KEYS.put("agreement_file", List.of("content_hash"));
        KEYS.put("revenue", List.of("fact_key", "version"));
        KEYS.put("event", List.of("fact_key", "version"));
        KEYS.put("statement", List.of("number"));
        KEYS.put("statement_line", List.of("statement", "line"));
        KEYS.put("posting", List.of("entry", "leg"));
        KEYS.put("chain_head", List.of("id"));
    }

    abstract TestDatabases.Kind kind();

    @TempDir
    Path dir;

    Database database;

    @BeforeEach
    void setUp() throws IOException {
        database = TestDatabases.fresh(kind(), dir);
        Store.init(database, "test");
        Path book = StoreContract.root().resolve("examples/book-deal");
        Path revenue = Files.writeString(dir.resolve("r.csv"), "id,date,party,category,amount,currency\n"
                + "p1,2025-02-15,Publisher,print,30000,USD\np2,2025-05-15,Publisher,print,40000,USD\n"
                + "a1,2025-05-15,Publisher,audio,2000,USD\np3,2026-02-15,Publisher,print,40000,USD\n");
        Path plain = Files.writeString(dir.resolve("plain.csv"), "date,party,category,amount,currency,recorded\n"
                + "2025-08-15,Publisher,ebook,5000,USD,2025-08-20T10:00:00Z\n2025-08-15,Publisher,ebook,5000,USD,\n");
        Path events = Files.writeString(dir.resolve("e.jsonl"),
                "{\"id\":\"v1\",\"type\":\"valuation\",\"on\":\"2026-01-10\",\"issuer\":\"Publisher\",\"amount\":\"1000000\",\"currency\":\"USD\"}\n"
                        + "{\"id\":\"pay-1\",\"type\":\"payment\",\"on\":\"2026-04-20\",\"payer\":\"Publisher\",\"payee\":\"Author\",\"amount\":\"1000\",\"currency\":\"USD\"}\n"
                        + "{\"id\":\"pr\",\"type\":\"product\",\"on\":\"2025-01-20\",\"name\":\"novel\",\"owner\":\"Publisher\",\"kind\":\"print\",\"recorded\":\"2025-01-21T08:00:00Z\"}\n"
                        + "{\"id\":\"rel\",\"type\":\"release\",\"on\":\"2025-02-01\",\"product\":\"novel\",\"cloud\":\"shops\"}\n");
        try (Store store = Store.open(database, true)) {
            store.addAgreements(List.of(book.resolve("2025-01-15-publishing-agreement.treaty.md")), "test", "");
            Ingest ingest = new Ingest(store, "test", "", false);
            assertThat(ingest.revenue(List.of(revenue, plain), RevenueReader.Progress.NONE).errors()).isEmpty();
            assertThat(ingest.events(List.of(events)).errors()).isEmpty();
            StatementBook.issue(store, null, "2025-Q2", "test", "");
            store.addAgreements(List.of(book.resolve("2026-03-01-audio-rights.treaty.md")), "test", "late");
            StatementBook.issue(store, null, "2026-Q1", "test", "");
        }
        assertThat(verify()).isEmpty();
    }

    private List<String> verify(String... anchors) {
        try (Store store = Store.open(database, false)) {
            return Verify.run(store, List.of(anchors)).problems();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url());
    }

    /** Every row of a table, each as its columns' values in order. */
    private List<Map<String, Object>> rows(Connection connection, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (var statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select * from " + table + " order by " + String.join(", ", KEYS.get(table)))) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) row.put(result.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), result.getObject(i));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object changed(Object value, Random random) {
        if (value == null) return random.nextBoolean() ? 7L : "x";
        if (value instanceof Number number) return number.longValue() + 1 + random.nextInt(1_000);
        String text = value.toString();
        if (text.isEmpty()) return "x";
        int at = random.nextInt(text.length());
        char c = text.charAt(at);
        return text.substring(0, at) + (char) (c == 'z' ? 'a' : c == '9' ? '0' : c == 'f' ? '1' : c + 1) + text.substring(at + 1);
    }

    private static void set(PreparedStatement statement, int at, Object value) throws SQLException {
        if (value instanceof Integer integer) statement.setLong(at, integer.longValue());
        else statement.setObject(at, value);
    }

    private void update(Connection connection, String table, String column, Object value, Map<String, Object> row) throws SQLException {
        List<String> key = KEYS.get(table);
        try (PreparedStatement update = connection.prepareStatement("update " + table + " set " + column + " = ? where "
                + String.join(" and ", key.stream().map(k -> k + " = ?").toList()))) {
            set(update, 1, value);
            for (int i = 0; i < key.size(); i++) set(update, i + 2, row.get(key.get(i)));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void delete(Connection connection, String table, Map<String, Object> row) throws SQLException {
        List<String> key = KEYS.get(table);
        try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where "
                + String.join(" and ", key.stream().map(k -> k + " = ?").toList()))) {
            for (int i = 0; i < key.size(); i++) set(delete, i + 1, row.get(key.get(i)));
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    private void insert(Connection connection, String table, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
            for (int i = 0; i < columns.size(); i++) set(insert, i + 1, row.get(columns.get(i)));
            insert.executeUpdate();
        }
    }

    /** Whether an edit of {@code column} leaves that field's part of the row's fingerprint as it was. */
    private static boolean sameFieldPrint(String table, String column, Map<String, Object> before, Map<String, Object> after) {
        java.util.Optional<Rows.Table> fingerprinted = java.util.stream.Stream.concat(Rows.RECORDED.stream(), java.util.stream.Stream.of(Rows.AUDIT))
                .filter(t -> t.name().equals(table)).findFirst();
        if (fingerprinted.isEmpty() || !fingerprinted.get().columns().contains(column)) return false;
        List<String> columns = fingerprinted.get().columns();
        String printBefore = Rows.fingerprint(columns.stream().map(c -> before.get(c) == null ? null : before.get(c).toString()).toArray(String[]::new));
        String printAfter = Rows.fingerprint(columns.stream().map(c -> after.get(c) == null ? null : after.get(c).toString()).toArray(String[]::new));
        int at = columns.indexOf(column) * Rows.FIELD_CHARS;
        return printBefore.regionMatches(at, printAfter, at, Rows.FIELD_CHARS);
    }

    @Test
    void everyGeneratedEditOfAnyFieldOrRowIsFoundAndNamed() throws SQLException {
        long seed = Long.getLong("treaty.tamper.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> tables = new ArrayList<>(KEYS.keySet());
        int fieldEdits = 0;
        int deletions = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(true);
            for (int n = 0; n < EDITS; n++) {
                String drawn = tables.get(random.nextInt(tables.size()));
                // the chain head is one row: edited less often than tables of many
                String table = drawn.equals("chain_head") && random.nextInt(3) > 0 ? "revenue" : drawn;
                List<Map<String, Object>> rows = rows(connection, table);
                Map<String, Object> row = rows.get(random.nextInt(rows.size()));
                boolean deletion = !table.equals("chain_head") && random.nextInt(10) == 0;
                String what;
                List<String> found;
                if (deletion) {
                    delete(connection, table, row);
                    what = "delete from " + table + " " + row;
                    found = verify();
                    insert(connection, table, row);
                    deletions++;
                    assertThat(found).as("seed " + seed + ", edit " + n + ": " + what).anySatisfy(p ->
                            assertThat(p).startsWith(table + ":").containsAnyOf("missing", "deleted"));
                } else {
                    List<String> columns = new ArrayList<>(row.keySet());
                    if (table.equals("chain_head")) columns.remove("id");       // the schema itself holds it: check (id = 1)
                    String column = columns.get(random.nextInt(columns.size()));
                    Object value = changed(row.get(column), random);
                    try {
                        update(connection, table, column, value, row);
                    } catch (SQLException refusedBySchema) {
                        n--;              // a key the edit would duplicate: the schema refuses it, so it is no edit to find
                        continue;
                    }
                    what = "update " + table + " set " + column + " = " + value + " where " + row;
                    found = verify();
                    Map<String, Object> now = new LinkedHashMap<>(row);
                    now.put(column, value);
                    update(connection, table, column, row.get(column), now);
                    fieldEdits++;
                    if (column.equals("fingerprint")) {
                        // a row's fingerprint is the prints of its fields side by side: an edit to the print of field X reads as
                        // an edit to X (what the row holds no longer matches that print), so the row is named, by any field
                        assertThat(found).as("seed " + seed + ", edit " + n + ": " + what).anySatisfy(p -> assertThat(p).startsWith(table + ":"));
                    } else if (sameFieldPrint(table, column, row, now)) {
                        // a field's print is 16 bits: one edit in 65,536 keeps it, and is then found by the digest without its field named
                        assertThat(found).as("seed " + seed + ", edit " + n + ": " + what).anySatisfy(p -> assertThat(p).startsWith(table + ":"));
                    } else {
                        assertThat(found).as("seed " + seed + ", edit " + n + ": " + what).anySatisfy(p ->
                                assertThat(p).startsWith(table + ":").contains("field " + column));
                    }
                }
                assertThat(verify()).as("seed " + seed + ": restored after " + what).isEmpty();
            }
        }
        assertThat(fieldEdits + deletions).isEqualTo(EDITS);
        assertThat(deletions).isGreaterThan(EDITS / 20);
    }

    @Test
    void theEditsTheReviewMadeByHandAreFound() throws SQLException {
        String head;
        try (Store store = Store.open(database, false)) {
            head = Verify.run(store).head();
        }
        List<String[]> edits = List.of(
                new String[]{"update revenue set amount_micros = amount_micros * 10 where fact_key = 'id:p2'", "revenue: row fact_key id:p2", "field amount_micros"},
                new String[]{"update event set body = replace(body, '\"1000\"', '\"100\"') where fact_key = 'id:pay-1'", "event: row fact_key id:pay-1", "field body"},
                new String[]{"update event set body = replace(body, '2025-02-01', '2024-02-01') where fact_key = 'id:rel'", "event: row fact_key id:rel", "field body"},
                new String[]{"update event set body = replace(body, '2025-01-21T08', '2025-01-01T08') where fact_key = 'id:pr'", "event: row fact_key id:pr", "field body"},
                new String[]{"update revenue set category = 'ebook' where fact_key = 'id:p1'", "revenue: row fact_key id:p1", "field category"},
                new String[]{"update revenue set source_line = 99 where fact_key = 'id:p1'", "revenue: row fact_key id:p1", "field source_line"},
                new String[]{"update posting set amount_micros = amount_micros / 2 where entry = 's:1:1'", "posting: row entry s:1:1", "field amount_micros"},
                new String[]{"delete from posting where entry = 's:1:1'", "posting: audit entry", "deleted"},
                new String[]{"update chain_head set hash = '" + "1".repeat(64) + "'", "chain_head:", "field hash"},
                new String[]{"update chain_head set seq = seq - 1", "chain_head:", "field seq"});
        for (String[] edit : edits) {
            TestDatabases.Snapshot clean = TestDatabases.snapshot(database);
            TestDatabases.execute(database, edit[0]);
            assertThat(verify()).as(edit[0]).anySatisfy(p -> assertThat(p).contains(edit[1], edit[2]));
            restore(clean);
        }

        // a whole statement (row, lines, postings) deleted and issued again: its first issue's audit entry still records them
        TestDatabases.execute(database, "delete from posting where source like 'statement 2 %'");
        TestDatabases.execute(database, "delete from statement_line where statement = 2");
        TestDatabases.execute(database, "delete from statement where number = 2");
        try (Store store = Store.open(database, true)) {
            StatementBook.issue(store, null, "2026-Q1", "intruder", "");
        }
        assertThat(verify()).anySatisfy(p -> assertThat(p).startsWith("statement: audit entry").contains("none is stored (deleted)"));
    }

    /**
     * Each edit gives exactly these problems, no more and no fewer: every check verify makes is
     * seen to report what it alone can see (a change that silenced one check would otherwise hide
     * behind another that also fires). The report of each edit is kept in a golden file, the same
     * for both databases; hashes are shown as HASH, the audit entries' times as AT.
     */
    @Test
    void eachEditGivesExactlyItsProblems() throws Exception {
        String[][] edits = {
                {"an amount", "update revenue set amount_micros = amount_micros * 10 where fact_key = 'id:p2'"},
                {"a revenue line deleted", "delete from revenue where fact_key = 'id:p1'"},
                {"a revenue line's row_seq", "update revenue set row_seq = row_seq + 100 where fact_key = 'id:p1'"},
                {"a revenue line's row_seq set to 0", "update revenue set row_seq = 0 where fact_key = 'id:p1'"},
                {"a revenue line's row_seq set one past the entry's last (4 rows)", "update revenue set row_seq = 5 where fact_key = 'id:p1'"},
                {"two revenue lines' row_seq swapped", "update revenue set row_seq = 5 - row_seq where batch = (select batch from revenue where fact_key = 'id:p1') and row_seq in (1, 4)"},
                {"a revenue line claiming no entry", "update revenue set batch = 999 where fact_key = 'id:p1'"},
                {"an event's body", "update event set body = replace(body, '\"1000\"', '\"100\"') where fact_key = 'id:pay-1'"},
                {"a posting halved", "update posting set amount_micros = amount_micros / 2 where entry = 's:1:1' and leg = 1"},
                {"both legs halved", "update posting set amount_micros = amount_micros / 2 where entry = 's:1:1'"},
                {"a posting pair deleted", "delete from posting where entry = 's:1:1'"},
                {"a statement's text", "update statement set body = body || ' ' where number = 1"},
                {"a statement's text and hash", "update statement set body = body || ' ', body_hash = 'x' where number = 1"},
                {"a statement line", "update statement_line set amount_micros = amount_micros + 1 where statement = 1 and line = 1"},
                {"the first audit entry deleted", "delete from audit where seq = 1"},
                {"two audit entries deleted", "delete from audit where seq in (2, 3)"},
                {"the last audit entry deleted", "delete from audit where seq = (select max(seq) from audit)"},
                {"an audit entry's who", "update audit set who = 'someone' where seq = 2"},
                {"an audit entry's fingerprint", "update audit set fingerprint = 'x' where seq = 2"},
                {"an audit entry's prev_hash", "update audit set prev_hash = '" + "0".repeat(64) + "' where seq = 3"},
                {"the chain head's seq", "update chain_head set seq = seq + 2"},
                {"an agreement file's text", "update agreement_file set content = content || ' ' where content_hash = (select min(content_hash) from agreement_file)"},
        };
        StringBuilder out = new StringBuilder();
        for (String[] edit : edits) {
            TestDatabases.Snapshot clean = TestDatabases.snapshot(database);
            TestDatabases.execute(database, edit[1]);
            out.append("== ").append(edit[0]).append('\n');
            for (String problem : verify()) {
                out.append(problem.replaceAll("[0-9a-f]{64}", "HASH").replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "AT")).append('\n');
            }
            restore(clean);
        }
        out.append("== an anchor of another shape\n").append(String.join("\n", verify("12"))).append('\n');
        out.append("== an anchor of a rewritten chain\n").append(String.join("\n", verify("3:" + "ab".repeat(32)))).append('\n');
        out.append("== the anchor of nothing yet\n").append(String.join("\n", verify("0:" + "0".repeat(64)))).append("\n");
        java.nio.file.Path golden = StoreContract.root().resolve("store/src/test/resources/golden/verify-problems.txt");
        if (Boolean.getBoolean("treaty.updateGolden") && kind() == TestDatabases.Kind.SQLITE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
    }

    /**
     * The statements issued in setUp (2025-Q2, and 2026-Q1 after the audio-rights amendment added a
     * term retroactively) and a third for 2026-Q2, as stored and as `statement show` prints
     * them: the same text on both databases (golden; the issuing instants and hashes masked).
     */
    @Test
    void issuedStatementsReadAsTheyWereIssued() throws IOException {
        try (Store store = Store.open(database, true)) {
            StatementBook.issue(store, null, "2026-Q2", "test", "");
        }
        StringBuilder out = new StringBuilder();
        try (Store store = Store.open(database, false)) {
            for (StatementBook.Issued issued : StatementBook.all(store)) {
                out.append("== ").append(issued.number()).append(' ').append(issued.agreement()).append(' ').append(issued.period())
                        .append(issued.bodyHash().equals(AuditChain.sha256(issued.body())) ? " (hash of its body)" : " (HASH DIFFERS)")
                        .append('\n').append(issued.body().replaceAll("[0-9a-f]{64}", "HASH")
                                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "AT"));
            }
        }
        java.nio.file.Path golden = StoreContract.root().resolve("store/src/test/resources/golden/issued-statements.txt");
        if (Boolean.getBoolean("treaty.updateGolden") && kind() == TestDatabases.Kind.SQLITE) {
            Files.writeString(golden, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
        assertThat(StatementBook.amount(1L)).isEqualTo("0.000001");
        assertThat(StatementBook.amount(-1_234_567_500_000L)).isEqualTo("-1,234,567.50");
        assertThat(StatementBook.amount(0)).isEqualTo("0.00");
    }

    @Test
    void anIntruderWhoRecomputesTheChainIsCaughtByAnAnchorKeptElsewhere() throws SQLException {
        String anchor;
        try (Store store = Store.open(database, false)) {
            anchor = Verify.run(store).head();
        }
        long last = Long.parseLong(anchor.substring(0, anchor.indexOf(':')));
        // rewrite an entry, recompute its hash, and re-link the next one to it
        List<AuditChain.Entry> entries = new ArrayList<>();
        try (Store store = Store.open(database, false)) {
            store.query("select seq, at_micros, who, action, what, why, prev_hash, hash, fingerprint from audit order by seq", s -> { },
                    rows -> entries.add(new AuditChain.Entry(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9))));
        }
        AuditChain.Entry target = entries.get(2);
        String forged = AuditChain.hash(target.previousHash(), target.seq(), target.atMicros(), "someone else", target.action(), target.what(), target.why());
        TestDatabases.Snapshot clean = TestDatabases.snapshot(database);
        TestDatabases.execute(database, "update audit set who = 'someone else', hash = '" + forged + "', fingerprint = '"
                + Rows.fingerprint(Rows.text(target.seq(), target.atMicros(), "someone else", target.action(), target.what(), target.why(),
                target.previousHash(), forged)) + "' where seq = " + target.seq());
        // the next entry re-linked, its row fingerprint recomputed too: only its hash, which covers the link, gives it away
        AuditChain.Entry next = entries.get(3);
        TestDatabases.execute(database, "update audit set prev_hash = '" + forged + "', fingerprint = '"
                + Rows.fingerprint(Rows.text(next.seq(), next.atMicros(), next.who(), next.action(), next.what(), next.why(),
                forged, next.hash())) + "' where seq = " + next.seq());
        assertThat(verify()).anySatisfy(p -> assertThat(p).contains("audit: entry " + next.seq(), "hash"));
        restore(clean);

        // truncate the last entries and set the head to the new last one: consistent in itself, but not with the anchor
        AuditChain.Entry newLast = entries.get(entries.size() - 3);
        TestDatabases.execute(database, "delete from audit where seq > " + newLast.seq());
        TestDatabases.execute(database, "update chain_head set seq = " + newLast.seq() + ", hash = '" + newLast.hash() + "'");
        assertThat(verify(anchor)).anySatisfy(p -> assertThat(p).contains("the chain ends at entry " + newLast.seq(),
                "the anchor holds entry " + last));
        restore(clean);
        assertThat(verify(anchor)).isEmpty();
    }

    /**
     * The intruder who recomputes everything a store can recompute: after an edit, every row's
     * fingerprint, every audit entry's row counts and digests, every entry's hash and fingerprint,
     * and the chain head. Without an anchor kept elsewhere, what is left to catch them is what the
     * store cannot forge: an issued statement's text against the hash its audit entry recorded, and
     * against its recomputation from the facts as known when it was issued.
     */
    @Test
    void anIntruderWhoForgesEveryFingerprintDigestAndHashIsCaughtByTheIssuedStatements() throws Exception {
        TestDatabases.Snapshot clean = TestDatabases.snapshot(database);
        forgeEverything();
        assertThat(verify()).as("the forger alone changes nothing verify can see").isEmpty();

        TestDatabases.execute(database, "update revenue set amount_micros = amount_micros * 10 where fact_key = 'id:p2'");
        forgeEverything();
        // both statements: each prints the chain head before it, and the forger rewrote every hash after the ingest
        assertThat(maskedVerify()).containsExactly(
                "statement: row number 1 does not match its recomputation from what the store held on AT (a stored fact, agreement or"
                        + " earlier statement was changed)",
                RECOMPUTED_2_DIFFERS);
        restore(clean);

        String forgedBody = "a statement that was never issued";
        TestDatabases.execute(database, "update statement set body = '" + forgedBody + "', body_hash = '" + AuditChain.sha256(forgedBody)
                + "' where number = 2");
        forgeEverything();
        assertThat(verify()).containsExactly("statement: row number 2, field body was edited after it was issued (its text does not match"
                + " the hash recorded when it was issued)");
        restore(clean);

        TestDatabases.execute(database, "update statement set body_hash = 'x' where number = 1");
        forgeEverything();
        assertThat(maskedVerify()).containsExactly(
                "statement: row number 1, field body was edited after it was issued (its text does not match the hash recorded when it was"
                        + " issued)",
                RECOMPUTED_2_DIFFERS);
        restore(clean);

        TestDatabases.execute(database, "update audit set action = 'statement issued' where action = 'statement issue' and what like 'statement 1 %'");
        forgeEverything();
        assertThat(maskedVerify()).containsExactly(
                "statement: row number 1 has no audit entry",
                RECOMPUTED_2_DIFFERS);
        restore(clean);
    }

    /** What verify reports when statement 2, which prints the chain head before it, no longer matches its recomputation. */
    private static final String RECOMPUTED_2_DIFFERS = "statement: row number 2 does not match its recomputation from what the store"
            + " held on AT (a stored fact, agreement or earlier statement was changed)";

    /** Verify's problems with the instants they name shown as AT. */
    private List<String> maskedVerify() {
        return verify().stream().map(p -> p.replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "AT")).toList();
    }

    /** Recomputes every fingerprint, row digest, audit hash and the chain head, as {@link #anIntruderWhoForgesEveryFingerprintDigestAndHashIsCaughtByTheIssuedStatements} describes. */
    private void forgeEverything() throws SQLException {
        Map<Long, Map<String, Rows.Digest>> digests = new java.util.HashMap<>();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (Rows.Table table : Rows.RECORDED) {
                List<String> key = KEYS.get(table.name());
                List<Object[]> updates = new ArrayList<>();
                try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select " + String.join(", ",
                        table.columns()) + ", row_seq, " + String.join(", ", key) + " from " + table.name() + " order by "
                        + table.auditColumn() + ", row_seq")) {
                    while (rows.next()) {
                        String[] values = new String[table.columns().size()];
                        for (int i = 0; i < values.length; i++) values[i] = rows.getString(i + 1);
                        String fingerprint = Rows.fingerprint(values);
                        long seq = Long.parseLong(values[table.index(table.auditColumn())]);
                        digests.computeIfAbsent(seq, s -> new LinkedHashMap<>()).computeIfAbsent(table.name(), t -> new Rows.Digest())
                                .add(rows.getLong(values.length + 1), values, fingerprint);
                        Object[] update = new Object[key.size() + 1];
                        update[0] = fingerprint;
                        for (int i = 0; i < key.size(); i++) update[i + 1] = rows.getObject(values.length + 2 + i);
                        updates.add(update);
                    }
                }
                try (PreparedStatement update = connection.prepareStatement("update " + table.name() + " set fingerprint = ? where "
                        + String.join(" and ", key.stream().map(k -> k + " = ?").toList()))) {
                    for (Object[] values : updates) {
                        for (int i = 0; i < values.length; i++) update.setObject(i + 1, values[i]);
                        update.executeUpdate();
                    }
                }
            }
            List<AuditChain.Entry> entries = new ArrayList<>();
            try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "select seq, at_micros, who, action, what, why, prev_hash, hash, fingerprint from audit order by seq")) {
                while (rows.next()) {
                    entries.add(new AuditChain.Entry(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9)));
                }
            }
            String previous = "0".repeat(64);
            for (AuditChain.Entry entry : entries) {
                String what = entry.what();
                int at = what.indexOf(AuditChain.ROWS);
                if (at >= 0) {
                    List<String> parts = new ArrayList<>();
                    Map<String, Rows.Digest> written = digests.getOrDefault(entry.seq(), Map.of());
                    for (String table : entry.rows().keySet()) {
                        Rows.Digest digest = written.get(table);
                        if (digest != null) parts.add(table + "=" + digest.count() + ":" + digest.hex());
                    }
                    what = what.substring(0, at + AuditChain.ROWS.length()) + String.join(", ", parts);
                }
                String hash = AuditChain.hash(previous, entry.seq(), entry.atMicros(), entry.who(), entry.action(), what, entry.why());
                try (PreparedStatement update = connection.prepareStatement("update audit set what = ?, prev_hash = ?, hash = ?, fingerprint = ?"
                        + " where seq = ?")) {
                    update.setString(1, what);
                    update.setString(2, previous);
                    update.setString(3, hash);
                    update.setString(4, Rows.fingerprint(Rows.text(entry.seq(), entry.atMicros(), entry.who(), entry.action(), what,
                            entry.why(), previous, hash)));
                    update.setLong(5, entry.seq());
                    update.executeUpdate();
                }
                previous = hash;
            }
            try (PreparedStatement head = connection.prepareStatement("update chain_head set hash = ? where id = 1")) {
                head.setString(1, previous);
                head.executeUpdate();
            }
            connection.commit();
        }
    }

    /** Puts every table back as the snapshot had it. */
    private void restore(TestDatabases.Snapshot clean) {
        TestDatabases.restore(database, clean);
        assertThat(verify()).isEmpty();
    }
}
