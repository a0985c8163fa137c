package dev.treaty.store;

import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every store must do, run against SQLite and against a real PostgreSQL: the same tests,
 * the same answers.
 */
abstract class StoreContract {

    abstract TestDatabases.Kind kind();

    @TempDir
    Path dir;

    Database database;
    Path agreement;
    Path amendment;

    static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    @BeforeEach
    void setUp() throws IOException {
        database = TestDatabases.fresh(kind(), dir);
        Store.init(database, "test");
        Path book = root().resolve("examples/book-deal");
        Files.createDirectories(dir.resolve("deal"));
        agreement = Files.copy(book.resolve("2025-01-15-publishing-agreement.treaty.md"), dir.resolve("deal/2025-01-15-publishing-agreement.treaty.md"));
        amendment = book.resolve("2026-03-01-audio-rights.treaty.md");
    }

    /** Quarterly print and audio revenue of the Publisher, 2025-Q1 to 2026-Q2. */
    Path revenue(String name, String print2026Q1) throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,date,party,category,amount,currency"));
        String[] quarters = {"2025-02-15", "2025-05-15", "2025-08-15", "2025-11-15", "2026-02-15", "2026-05-15"};
        for (int q = 0; q < quarters.length; q++) {
            String print = q == 4 ? print2026Q1 : Integer.toString(30_000 + 10_000 * q);
            lines.add("print-" + q + "," + quarters[q] + ",Publisher,print," + print + ",USD");
            lines.add("ebook-" + q + "," + quarters[q] + ",Publisher,ebook," + (5_000 + 1_000 * q) + ",USD");
            lines.add("audio-" + q + "," + quarters[q] + ",Publisher,audio," + (2_000 + 500 * q) + ",USD");
        }
        return Files.write(dir.resolve(name), lines);
    }

    Store write() {
        return Store.open(database, true);
    }

    private static DecisionLog.Request decisionRequest(String id, String version) {
        return new DecisionLog.Request(id, 1, "OpenAI", "key:test", "gate", "book-deal", "everything recorded", 1,
                List.of(new DecisionLog.Decided("{\"product\":\"" + id + "\"}", version, "ALLOWED", "0".repeat(64))));
    }

    @Test
    void anAppenderOpenedBeforeAnotherConnectionWritesStillAppends() {
        // it once began its first transaction at the read that checks the schema, so on SQLite its first
        // write failed (SQLITE_BUSY_SNAPSHOT) whenever anything was written after it was opened
        try (DecisionLog.Appender first = DecisionLog.Appender.open(database); DecisionLog.Appender second = DecisionLog.Appender.open(database)) {
            first.append(List.of(decisionRequest("x1", "{\"v\":1}")));
            second.append(List.of(decisionRequest("y1", "{\"v\":1}")));
            first.append(List.of(decisionRequest("x2", "{\"v\":1}")));
        }
        try (Store store = Store.open(database, false)) {
            assertThat(DecisionLog.verify(store)).isEmpty();
            assertThat(DecisionLog.page(store, "book-deal", 0, 10)).extracting(d -> d.entry().id()).containsExactly("x1.0", "y1.0", "x2.0");
        }
    }

    @Test
    void appendersOnTwoConnectionsWritingAtOnceKeepOneUnbrokenChain() throws Exception {
        // each appender chains on to the head it last wrote; the other's writes move that head, and it must notice
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                writers.add(pool.submit(() -> {
                    try (DecisionLog.Appender appender = DecisionLog.Appender.open(database)) {
                        for (int round = 0; round < 60; round++) {
                            appender.append(List.of(decisionRequest(name + round + "-1", "{\"v\":\"" + name + round % 3 + "\"}"),
                                    decisionRequest(name + round + "-2", "{\"v\":1}")));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) writer.get();
        } finally {
            pool.shutdown();
        }
        try (Store store = Store.open(database, false)) {
            assertThat(DecisionLog.verify(store)).isEmpty();
            assertThat(DecisionLog.page(store, "book-deal", 0, 1_000)).hasSize(240);
            assertThat(DecisionLog.find(store, DecisionLog.decisionId("b59-2", 0)).orElseThrow().entry().versions()).isEqualTo("{\"v\":1}");
        }
    }

    @Test
    void aCommitThatFailsLogsNothingAndTheAppenderGoesOnFromTheStoredHead() {
        try (DecisionLog.Appender appender = DecisionLog.Appender.open(database)) {
            appender.append(List.of(decisionRequest("first", "{\"v\":1}")));
            // the second request repeats an id: the whole group is refused, its new version too
            assertThatThrownBy(() -> appender.append(List.of(decisionRequest("second", "{\"v\":2}"), decisionRequest("first", "{\"v\":2}"))))
                    .isInstanceOf(StoreException.class);
            try (Store other = Store.open(database, true)) {
                DecisionLog.append(other, List.of(decisionRequest("elsewhere", "{\"v\":1}")));
            }
            appender.append(List.of(decisionRequest("third", "{\"v\":2}")));
        }
        try (Store store = Store.open(database, false)) {
            assertThat(DecisionLog.verify(store)).isEmpty();
            assertThat(DecisionLog.page(store, "book-deal", 0, 10)).extracting(d -> d.entry().id())
                    .containsExactly("first.0", "elsewhere.0", "third.0");
            assertThat(DecisionLog.find(store, "third.0").orElseThrow().entry().versions()).as("the version is stored though its first commit failed")
                    .isEqualTo("{\"v\":2}");
        }
    }

    @Test
    void initIsIdempotentAndAStoreStartsEmpty() {
        Store.init(database, "test");
        try (Store store = Store.open(database, false)) {
            assertThat(store.agreementTexts(Store.MAX)).isEmpty();
            assertThat(Verify.run(store).ok()).isTrue();
        }
    }

    @Test
    void theStoreAloneRebuildsEveryConsolidatedVersion() {
        Path folder = root().resolve("examples/microsoft-openai");
        try (Store store = write(); var files = Files.list(folder)) {
            List<Path> agreementFiles = files.filter(dev.treaty.model.AgreementFolder::isDocument).sorted().toList();
            assertThat(store.addAgreements(agreementFiles, "test", "load").stored()).isEqualTo(agreementFiles.size());
            assertThat(store.addAgreements(agreementFiles, "test", "again").alreadyStored()).isEqualTo(agreementFiles.size());
            AgreementHistory fromFiles = AgreementFolder.load(folder).histories().get(0);
            AgreementHistory fromStore = StoredInputs.agreements(store, Store.MAX, Map.of()).histories().get(0);
            assertThat(fromStore.versions()).hasSameSizeAs(fromFiles.versions());
            for (int i = 0; i < fromFiles.versions().size(); i++) {
                assertThat(fromStore.versions().get(i).inForce()).isEqualTo(fromFiles.versions().get(i).inForce());
                assertThat(fromStore.versions().get(i).terms().stream().map(t -> t.term().toString()).toList())
                        .isEqualTo(fromFiles.versions().get(i).terms().stream()
                                .map(t -> t.term().toString().replace(folder + java.io.File.separator, "")).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameFactTwiceIsStoredOnceAndADifferentFactUnderAUsedIdIsRefusedLeavingTheStoreAsItWas() throws IOException {
        Path first = revenue("r.csv", "40000");
        Path conflicting = revenue("conflict.csv", "41000");
        try (Store store = write()) {
            store.addAgreements(List.of(agreement), "test", "");
            Ingest ingest = new Ingest(store, "test", "", false);
            assertThat(ingest.revenue(List.of(first), RevenueReader.Progress.NONE).stored()).isEqualTo(18);
            Ingest.Result again = ingest.revenue(List.of(first), RevenueReader.Progress.NONE);
            assertThat(again.stored()).isZero();
            assertThat(again.alreadyStored()).isEqualTo(18);
            String before = TestDatabases.dump(database);
            Ingest.Result refused = ingest.revenue(List.of(conflicting), RevenueReader.Progress.NONE);
            assertThat(refused.errors()).extracting(Object::toString).singleElement().asString()
                    .contains("conflict.csv:14: field 'id': 'print-4' is already stored with different content");
            assertThat(refused.refused()).contains(conflicting);
            assertThat(refused.stored()).isZero();
            assertThat(TestDatabases.dump(database)).isEqualTo(before);
            assertThat(Verify.run(store).ok()).isTrue();
        }
    }

    @Test
    void aCorrectionSupersedesAndEveryEarlierAnswerCanBeReproduced() throws Exception {
        try (Store store = write()) {
            store.addAgreements(List.of(agreement), "test", "");
            new Ingest(store, "test", "", false).revenue(List.of(revenue("r.csv", "40000")), RevenueReader.Progress.NONE);
            long before = Store.now();
            Thread.sleep(2);
            Ingest.Result corrected = new Ingest(store, "test", "restated", true).revenue(List.of(revenue("fix.csv", "39000")), RevenueReader.Progress.NONE);
            assertThat(corrected.corrected()).isEqualTo(1);
            assertThat(corrected.alreadyStored()).isEqualTo(17);
            assertThat(print2026Q1(store, Store.MAX)).isEqualTo(39_000_000_000L);
            assertThat(print2026Q1(store, before)).isEqualTo(40_000_000_000L);
            assertThat(Verify.run(store).ok()).isTrue();
        }
    }

    private static long print2026Q1(Store store, long knownAt) {
        List<RevenueLine> lines = new ArrayList<>();
        store.revenue(knownAt, lines::add);
        assertThat(lines).hasSize(18);
        return lines.stream().filter(l -> l.category().equals("print") && l.date().toString().equals("2026-02-15"))
                .mapToLong(RevenueLine::amountMicros).sum();
    }

    @Test
    void aCorrectedEventIsANewVersionAndTheOldOneIsStillKnownAsBefore() throws Exception {
        try (Store store = write()) {
            store.addAgreements(List.of(agreement), "test", "");
            Path first = Files.writeString(dir.resolve("e.jsonl"),
                    "{\"id\":\"v1\",\"type\":\"valuation\",\"on\":\"2026-01-10\",\"issuer\":\"Publisher\",\"amount\":\"1000000\",\"currency\":\"USD\"}\n");
            Path fixed = Files.writeString(dir.resolve("e2.jsonl"),
                    "{\"id\":\"v1\",\"type\":\"valuation\",\"on\":\"2026-01-10\",\"issuer\":\"Publisher\",\"amount\":\"1200000\",\"currency\":\"USD\"}\n");
            assertThat(new Ingest(store, "test", "", false).events(List.of(first)).stored()).isEqualTo(1);
            long before = Store.now();
            Thread.sleep(2);
            assertThat(new Ingest(store, "test", "", false).events(List.of(fixed)).errors()).extracting(Object::toString)
                    .singleElement().asString().contains("already stored with different content");
            assertThat(new Ingest(store, "test", "restated", true).events(List.of(fixed)).corrected()).isEqualTo(1);
            assertThat(store.events(Store.MAX)).singleElement().satisfies(t -> assertThat(t.text()).contains("1200000"));
            assertThat(store.events(before)).singleElement().satisfies(t -> assertThat(t.text()).contains("\"1000000\""));
            assertThat(Verify.run(store).ok()).isTrue();
        }
    }

    @Test
    void anIssuedStatementNeverChangesAndTheNextCarriesTheAdjustments() throws Exception {
        try (Store store = write()) {
            store.addAgreements(List.of(agreement), "test", "");
            new Ingest(store, "test", "", false).revenue(List.of(revenue("r.csv", "40000")), RevenueReader.Progress.NONE);
            new Ingest(store, "test", "", false).events(List.of(Files.writeString(dir.resolve("pay.jsonl"),
                    "{\"id\":\"pay-1\",\"type\":\"payment\",\"on\":\"2026-04-20\",\"payer\":\"Publisher\",\"payee\":\"Author\",\"amount\":\"1000\",\"currency\":\"USD\"}\n")));
            StatementBook.Issued first = StatementBook.issue(store, null, "2026-Q1", "test", "quarter close");
            assertThat(first.body()).contains("due        print-royalty").doesNotContain("audio-royalty");
            assertThatThrownBy(() -> StatementBook.issue(store, null, "2026-Q1", "test", "")).hasMessageContaining("already issued");

            // later: a corrected print line and the retroactive audio amendment
            Thread.sleep(2);
            new Ingest(store, "test", "", true).revenue(List.of(revenue("fix.csv", "45000")), RevenueReader.Progress.NONE);
            store.addAgreements(List.of(amendment), "test", "signed late, effective 2026-01-01");

            assertThat(StatementBook.find(store, 1).orElseThrow().body()).isEqualTo(first.body());
            assertThat(StatementBook.recompute(store, first)).isEqualTo(first.body());

            StatementBook.Issued second = StatementBook.issue(store, null, "2026-Q2", "test", "");
            assertThat(second.body()).contains("adjustment print-royalty", "adjustment audio-royalty", "2026-Q1", "due        print-royalty",
                    "due        audio-royalty");
            // Q1 audio: 25% of 2,000 + 500 × 4 = 4,000 → 1,000.00, all of it new
            assertThat(second.body()).containsPattern("adjustment audio-royalty .* 2026-Q1 +USD +1,000.00");
            Verify.Report report = Verify.run(store);
            assertThat(report.problem()).isEmpty();
            assertThat(report.statements()).isEqualTo(2);
            Ledger.Balance balance = Ledger.balances(store, Store.MAX).get(0);
            assertThat(balance.payer()).isEqualTo("Publisher");
            assertThat(balance.paid()).isEqualByComparingTo("1000");
            assertThat(balance.outstanding()).isEqualByComparingTo(balance.due().subtract(balance.paid()));
        }
    }

    @Test
    void verifyFindsATamperedAuditEntryADeletedFactAndAnEditedStatement() throws Exception {
        try (Store store = write()) {
            store.addAgreements(List.of(agreement), "test", "");
            new Ingest(store, "test", "", false).revenue(List.of(revenue("r.csv", "40000")), RevenueReader.Progress.NONE);
            StatementBook.issue(store, null, "2026-Q1", "test", "");
            assertThat(Verify.run(store).ok()).isTrue();
        }
        String clean = TestDatabases.dump(database);

        TestDatabases.execute(database, "update audit set why = 'nothing to see' where seq = 2");
        assertThat(problem()).contains("audit: entry 2, field why was edited", "audit: entry 2 (agreement add by test) was altered");
        restore(clean);

        TestDatabases.execute(database, "delete from revenue where fact_key = 'id:print-3'");
        assertThat(problem()).contains("revenue: audit entry 3 wrote 18 rows; 1 missing (deleted): row 10");
        restore(clean);

        TestDatabases.execute(database, "update statement set body = replace(body, 'print-royalty', 'print-royaltx')");
        assertThat(problem()).contains("statement: row number 1 (audit entry 4, row 1), field body was edited");
        restore(clean);

        // an intruder who also recomputes the row's fingerprint is still caught by the digest its audit entry recorded
        TestDatabases.execute(database, "update revenue set amount_micros = amount_micros + 1000000 where fact_key = 'id:print-4'");
        String[] values = new String[Rows.REVENUE.columns().size()];
        try (Store store = Store.open(database, false)) {
            store.query("select " + String.join(", ", Rows.REVENUE.columns()) + " from revenue where fact_key = 'id:print-4'", x -> { }, rows -> {
                for (int i = 0; i < values.length; i++) values[i] = rows.getString(i + 1);
            });
        }
        TestDatabases.execute(database, "update revenue set fingerprint = '" + Rows.fingerprint(values) + "' where fact_key = 'id:print-4'");
        assertThat(problem()).contains("revenue: the rows audit entry 3 wrote were altered (their digest differs from the one recorded)")
                .doesNotContain("field amount_micros");
    }

    private String problem() {
        try (Store store = Store.open(database, false)) {
            return String.join("\n", Verify.run(store).problems());
        }
    }

    /** Puts the database back: a fresh one, replayed from the clean dump's inputs, is simpler than undoing SQL. */
    private void restore(String clean) throws Exception {
        database = TestDatabases.fresh(kind(), dir);
        Store.init(database, "test");
        try (Store store = write()) {
            store.addAgreements(List.of(agreement), "test", "");
            new Ingest(store, "test", "", false).revenue(List.of(revenue("r.csv", "40000")), RevenueReader.Progress.NONE);
            StatementBook.issue(store, null, "2026-Q1", "test", "");
        }
        assertThat(problem()).isEmpty();
    }

    @Test
    void eightWritersIngestingOverlappingFilesStoreEachFactExactlyOnce() throws Exception {
        try (Store store = write()) {
            store.addAgreements(List.of(agreement), "test", "");
        }
        int lines = 6_000;
        List<Path> files = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            // writer w takes a window of the ids that overlaps its neighbours'
            List<String> rows = new ArrayList<>(List.of("id,date,party,category,amount,currency"));
            for (int i = w * lines / 10; i < Math.min(lines, w * lines / 10 + lines / 3); i++) {
                rows.add("r" + i + ",2025-0" + (1 + i % 9) + "-1" + (i % 9) + ",Publisher,print," + (100 + i) + ".25,USD");
            }
            files.add(Files.write(dir.resolve("w" + w + ".csv"), rows));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Ingest.Result>> results = new ArrayList<>();
        for (Path file : files) {
            results.add(pool.submit(() -> {
                try (Store store = write()) {
                    Ingest ingest = new Ingest(store, "writer", "", false);
                    Ingest.Result first = ingest.revenue(List.of(file), RevenueReader.Progress.NONE);
                    Ingest.Result again = ingest.revenue(List.of(file), RevenueReader.Progress.NONE);
                    assertThat(again.stored()).isZero();
                    return first;
                }
            }));
        }
        long stored = 0;
        for (Future<Ingest.Result> result : results) stored += result.get().stored();
        pool.shutdown();
        long distinct = files.stream().flatMap(f -> {
            try {
                return Files.readAllLines(f).stream().skip(1);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count();
        assertThat(stored).isEqualTo(distinct);
        try (Store store = Store.open(database, false)) {
            List<RevenueLine> all = new ArrayList<>();
            store.revenue(Store.MAX, all::add);
            assertThat(all).hasSize((int) distinct);
            assertThat(Verify.run(store).problem()).isEmpty();
        }
    }
}
