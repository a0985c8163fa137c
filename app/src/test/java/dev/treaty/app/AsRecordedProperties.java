package dev.treaty.app;

import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.store.Database;
import dev.treaty.store.Ingest;
import dev.treaty.store.StatementBook;
import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "As recorded at R" is what a store held at R: every issued statement is reproduced byte for
 * byte from what the store held when it was issued, whatever was corrected, added or amended
 * (retroactively too) afterwards.
 */
class AsRecordedProperties {

    private static final Path ROOT = Path.of(System.getProperty("treaty.root", "..")).toAbsolutePath().normalize();
    private static final Path BOOK = ROOT.resolve("examples/book-deal");
    private static final List<String> QUARTERS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2");

    /** What happens to the store between statements. */
    enum Step { MORE_REVENUE, CORRECTION, RETROACTIVE_AMENDMENT, STATEMENT }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Arbitraries.of(Step.class).list().ofMinSize(3).ofMaxSize(9);
    }

    /** Line n falls in the quarter the n-th statement is issued for, or an earlier one. */
    private static String day(int line) {
        return "2025-" + String.format("%02d", 2 + 3 * ((line - 1) % 4)) + "-15";
    }

    @Property(tries = 25)
    void everyIssuedStatementIsReproducedAsRecorded(@ForAll("histories") List<Step> steps) throws IOException {
        Path folder = Files.createTempDirectory("treaty-as-recorded");
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, folder);
        Store.init(database, "test");
        int issued = 0;
        int lines = 0;
        boolean amended = false;
        try (Store store = Store.open(database, true)) {
            store.addAgreements(List.of(BOOK.resolve("2025-01-15-publishing-agreement.treaty.md")), "test", "setup");
            Ingest ingest = new Ingest(store, "test", "setup", false);
            Ingest correct = new Ingest(store, "test", "fix", true);
            for (Step step : steps) {
                switch (step) {
                    case MORE_REVENUE -> {
                        lines++;
                        Path csv = Files.writeString(folder.resolve("r" + lines + ".csv"), "id,date,party,category,amount,currency\n"
                                + "r" + lines + "," + day(lines) + ",Publisher," + (lines % 2 == 0 ? "print" : "audio") + ","
                                + (100_000 * lines) + ",USD\n");
                        assertThat(ingest.revenue(List.of(csv), RevenueReader.Progress.NONE).errors()).isEmpty();
                    }
                    case CORRECTION -> {
                        if (lines == 0) continue;
                        Path csv = Files.writeString(folder.resolve("c" + lines + ".csv"), "id,date,party,category,amount,currency\n"
                                + "r" + lines + "," + day(lines) + ",Publisher,print," + (77_777 * lines) + ",USD\n");
                        assertThat(correct.revenue(List.of(csv), RevenueReader.Progress.NONE).errors()).isEmpty();
                    }
                    case RETROACTIVE_AMENDMENT -> {
                        if (amended) continue;
                        amended = true;
                        store.addAgreements(List.of(BOOK.resolve("2026-03-01-audio-rights.treaty.md")), "test", "signed late");
                    }
                    case STATEMENT -> {
                        if (issued == QUARTERS.size()) continue;
                        StatementBook.issue(store, null, QUARTERS.get(issued++), "test", "quarter");
                    }
                }
                Thread.sleep(2);       // instants of record are microseconds: keep each step's apart
            }
            List<String> recomputed = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (StatementBook.Issued statement : StatementBook.all(store)) {
                bodies.add(statement.body());
                recomputed.add(StatementBook.recompute(store, statement));
            }
            assertThat(recomputed).isEqualTo(bodies);
            assertThat(bodies).hasSize(issued);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (var walk = Files.walk(folder)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
