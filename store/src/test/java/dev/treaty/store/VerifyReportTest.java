package dev.treaty.store;

import dev.treaty.evaluator.facts.RevenueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What verify reports besides its problems: what it checked, counted exactly, and a wrecked store's problems capped. */
class VerifyReportTest {

    @TempDir
    Path dir;

    @Test
    void verifyCountsWhatItCheckedAndShowsTheFirstHundredProblemsOfAWreckedStore() throws IOException {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Store.init(database, "test");
        List<String> lines = new ArrayList<>(List.of("id,date,party,category,amount,currency"));
        for (int i = 0; i < 150; i++) lines.add("r" + i + ",2025-0" + (1 + i % 6) + "-15,Publisher,print,1000,USD");
        Path revenue = Files.write(dir.resolve("r.csv"), lines);
        Path events = Files.writeString(dir.resolve("e.jsonl"),
                "{\"id\":\"pay-1\",\"type\":\"payment\",\"on\":\"2025-04-20\",\"payer\":\"Publisher\",\"payee\":\"Author\",\"amount\":\"1000\",\"currency\":\"USD\"}\n");
        try (Store store = Store.open(database, true)) {
            store.addAgreements(List.of(StoreContract.root().resolve("examples/book-deal/2025-01-15-publishing-agreement.treaty.md")), "test", "");
            new Ingest(store, "test", "", false).revenue(List.of(revenue), RevenueReader.Progress.NONE);
            new Ingest(store, "test", "", false).events(List.of(events));
            StatementBook.issue(store, null, "2025-Q1", "test", "");
            StatementBook.issue(store, null, "2025-Q2", "test", "");
        }
        Verify.Report clean;
        try (Store store = Store.open(database, false)) {
            clean = Verify.run(store);
            assertThat(Ledger.balances(store, Store.MAX)).isNotEmpty();
        }
        assertThat(clean.ok()).isTrue();
        assertThat(clean.problem()).isEmpty();
        // init, agreement, revenue, events, two statements
        assertThat(clean.auditEntries()).isEqualTo(6);
        assertThat(clean.facts()).isEqualTo(151);
        assertThat(clean.statements()).isEqualTo(2);
        assertThat(clean.postings()).isEqualTo(TestDatabases.count(database, "posting")).isPositive();
        assertThat(clean.head()).matches("6:[0-9a-f]{64}");

        // twelve rows of one entry deleted: the first ten places are named, then the rest counted
        TestDatabases.Snapshot whole = TestDatabases.snapshot(database);
        TestDatabases.execute(database, "delete from revenue where row_seq <= 12");
        try (Store store = Store.open(database, false)) {
            assertThat(Verify.run(store).problems()).containsExactly(
                    "revenue: audit entry 3 wrote 150 rows; 12 missing (deleted): row 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …");
        }
        TestDatabases.restore(database, whole);

        TestDatabases.execute(database, "update revenue set currency = 'EUR'");
        Verify.Report wrecked;
        try (Store store = Store.open(database, false)) {
            wrecked = Verify.run(store);
        }
        assertThat(wrecked.ok()).isFalse();
        // 150 edited fields and the batch's digest: the first 100 in full, then a count of the rest
        assertThat(wrecked.problems()).hasSize(Verify.PROBLEMS_MAX + 1).last().isEqualTo("… and 51 more problems");
        assertThat(wrecked.problem()).hasValueSatisfying(first -> assertThat(first).isEqualTo(
                "revenue: row fact_key id:r0, version 1 (audit entry 3, row 1), field currency was edited"));
        assertThat(wrecked.problems().get(Verify.PROBLEMS_MAX - 1)).endsWith("field currency was edited");
    }
}
