package dev.treaty.store;

import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The figures a store reports about its own work, exactly: what an ingest read, stored and refused
 * across files; what a read of the revenue returns, with each line's own known-from instant; which
 * period a statement's label names; the payments a ledger posts.
 */
class StoreCountsTest {

    @TempDir
    Path dir;

    Store store() {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Store.init(database, "test");
        Store store = Store.open(database, true);
        store.addAgreements(List.of(StoreContract.root().resolve("examples/book-deal/2025-01-15-publishing-agreement.treaty.md")), "test", "");
        return store;
    }

    @Test
    void anIngestCountsWhatItReadAcrossFilesAndStopsAtTheFirstRefusedOne() throws IOException {
        Path first = Files.writeString(dir.resolve("a.csv"), "id,date,party,category,amount,currency,recorded\n"
                + "a1,2025-02-15,Publisher,print,100,USD,2025-03-01T10:00:00.000001Z\n"
                + "a2,2025-02-16,Publisher,print,200,USD,\n"
                + "a3,2025-02-17,Publisher,print,300,USD,\n");
        Path second = Files.writeString(dir.resolve("b.csv"), "id,date,party,category,amount,currency\n"
                + "b1,2025-05-15,Publisher,print,10,USD\nb2,2025-05-16,Publisher,print,x,USD\n");
        Path third = Files.writeString(dir.resolve("c.csv"), "id,date,party,category,amount,currency\nc1,2025-08-15,Publisher,print,1,USD\n");
        try (Store store = store()) {
            Ingest.Result refused = new Ingest(store, "test", "", false).revenue(List.of(first, second, third), RevenueReader.Progress.NONE);
            // read: the lines that parsed, up to and including the refused file (its bad line is an error, not a read)
            assertThat(refused.read()).isEqualTo(4);
            assertThat(refused.stored()).isEqualTo(3);
            assertThat(refused.storedFiles()).containsExactly(first);
            assertThat(refused.refused()).contains(second);
            assertThat(refused.errors()).extracting(Object::toString).singleElement().asString().startsWith(second + ":3:");

            Ingest.Result again = new Ingest(store, "test", "", false).revenue(List.of(first, third), RevenueReader.Progress.NONE);
            assertThat(again.read()).isEqualTo(4);
            assertThat(again.stored()).isEqualTo(1);
            assertThat(again.alreadyStored()).isEqualTo(3);
            assertThat(again.corrected()).isZero();
            assertThat(again.storedFiles()).containsExactly(first, third);
            assertThat(again.refused()).isEmpty();

            List<RevenueLine> lines = new ArrayList<>();
            assertThat(store.revenue(Store.MAX, lines::add)).isEqualTo(4);
            assertThat(lines).filteredOn(l -> l.date().equals(LocalDate.of(2025, 2, 15))).singleElement()
                    .satisfies(l -> assertThat(l.recordedMicros()).isEqualTo(Store.micros(java.time.Instant.parse("2025-03-01T10:00:00.000001Z"))));
            assertThat(lines).filteredOn(l -> !l.date().equals(LocalDate.of(2025, 2, 15)))
                    .allSatisfy(l -> assertThat(l.recordedMicros()).isEqualTo(RevenueLine.NOT_RECORDED));
        }
    }

    @Test
    void aPeriodLabelNamesItsLastDay() {
        assertThat(StatementBook.periodEnd("2026-Q1")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(StatementBook.periodEnd("2026-Q3")).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(StatementBook.periodEnd("2024-02")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(StatementBook.periodEnd("2026-01")).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(StatementBook.periodEnd("2026-12")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(StatementBook.periodEnd("2026")).isEqualTo(LocalDate.of(2026, 12, 31));
        for (String bad : List.of("2026-00", "2026-13", "2026-Q5", "2026-Q0", "26", "2026-1", "Q3-2026", "")) {
            assertThatThrownBy(() -> StatementBook.periodEnd(bad)).as(bad).isInstanceOf(StoreException.class)
                    .hasMessage("--period: '" + bad + "' is not a calendar period such as 2026-Q3, 2026-07 or 2026");
        }
    }

    @Test
    void everyPaymentIsPostedAsItsOwnBalancedEntry() throws IOException {
        Path events = Files.writeString(dir.resolve("e.jsonl"),
                "{\"id\":\"pay-1\",\"type\":\"payment\",\"on\":\"2025-04-20\",\"payer\":\"Publisher\",\"payee\":\"Author\",\"amount\":\"1000\",\"currency\":\"USD\"}\n"
                        + "{\"id\":\"pay-2\",\"type\":\"payment\",\"on\":\"2025-05-20\",\"payer\":\"Publisher\",\"payee\":\"Author\",\"amount\":\"250.5\",\"currency\":\"USD\"}\n"
                        + "{\"id\":\"pay-3\",\"type\":\"payment\",\"on\":\"2025-05-21\",\"payer\":\"Author\",\"payee\":\"Publisher\",\"amount\":\"7\",\"currency\":\"USD\"}\n");
        try (Store store = store()) {
            assertThat(new Ingest(store, "test", "", false).events(List.of(events)).stored()).isEqualTo(3);
            List<String> entries = new ArrayList<>();
            store.query("select entry, count(*), sum(amount_micros) from posting group by entry order by entry", s -> { },
                    rows -> entries.add(rows.getString(1).replaceFirst(":\\d+:", ":SEQ:") + " " + rows.getLong(2) + " " + rows.getLong(3)));
            assertThat(entries).containsExactly("p:SEQ:0 2 0", "p:SEQ:1 2 0", "p:SEQ:2 2 0");
            assertThat(Ledger.balances(store, Store.MAX)).extracting(b -> b.payer() + ">" + b.payee() + " paid " + b.paid().toPlainString()
                    + " due " + b.due().toPlainString() + " outstanding " + b.outstanding().toPlainString())
                    .containsExactly("Author>Publisher paid 7 due 0 outstanding -7", "Publisher>Author paid 1250.5 due 0 outstanding -1250.5");
        }
    }
}
