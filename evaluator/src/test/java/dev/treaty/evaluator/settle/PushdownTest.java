package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.facts.RevenueSink;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pushdown path (DuckDB) on hand-made files, beside the streaming path on the same files:
 * what it counts, what it refuses, what it knows at an instant (to the microsecond and to the last
 * instant of a day), and which files an explanation cites.
 */
class PushdownTest {

    @TempDir
    Path dir;

    static final AgreementFolder.Loaded BOOK = Fixtures.load(Fixtures.root().resolve("examples/book-deal"));

    static SettlementPlan plan() {
        var history = BOOK.histories().get(0);
        return SettlementPlan.of(history.versions().stream().map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList(),
                Facts.NONE, LocalDate.of(2025, 12, 31), Optional.empty());
    }

    /** The print-royalty pieces with revenue: "FROM base lines". */
    static String bases(SettlementPlan plan) {
        return plan.pieces().stream().filter(p -> p.term().equals("print-royalty") && p.lines() != 0)
                .map(p -> p.from() + " " + p.base().stripTrailingZeros().toPlainString() + " " + p.lines()).collect(Collectors.joining("\n"));
    }

    Path csv(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    static String streamed(List<Path> files, Instant knownAt) {
        SettlementPlan plan = plan();
        Consumer<dev.treaty.evaluator.facts.RevenueLine> sink = knownAt.equals(Instant.MAX) ? plan : RevenueSink.knownAt(knownAt, plan);
        assertThat(RevenueReader.read(files, (dev.treaty.evaluator.facts.RevenueSink) sink, RevenueReader.Progress.NONE).errors()).isEmpty();
        return bases(plan) + "\nlines " + plan.lines() + ", ignored " + plan.ignored();
    }

    static String pushed(List<Path> files, Instant knownAt) {
        SettlementPlan plan = plan();
        assertThat(Pushdown.aggregate(plan, files, knownAt).errors()).isEmpty();
        return bases(plan) + "\nlines " + plan.lines() + ", ignored " + plan.ignored();
    }

    @Test
    void repeatedIdsCountOnceAndTheResultSaysHowManyLinesWereReadAndRepeated() throws IOException {
        Path file = csv("r.csv", "id,date,party,category,amount,currency",
                "a,2025-02-15,Publisher,print,100,USD",
                "a,2025-02-15,Publisher,print,100,USD",
                "a,2025-02-15,Publisher,print,100,USD",
                "b,2025-05-15,Publisher,ebook,50.5,USD",
                ",2025-05-15,Publisher,ebook,7,USD",
                ",2025-05-15,Publisher,ebook,7,USD",
                "c,2025-05-16,Publisher,audio,9,USD",
                "d,2025-05-16,Someone,print,9,USD");
        SettlementPlan plan = plan();
        Pushdown.Result result = Pushdown.aggregate(plan, List.of(file));
        assertThat(result.errors()).isEmpty();
        assertThat(result.lines()).isEqualTo(6);          // a once, b, two lines without an id, c, d
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(bases(plan)).isEqualTo("2025-01-15 100 1\n2025-04-01 64.5 3");
        assertThat(plan.lines()).isEqualTo(6);
        assertThat(plan.ignored()).isEqualTo(2);           // audio before the amendment, and another party's line
        assertThat(pushed(List.of(file), Instant.MAX)).isEqualTo(streamed(List.of(file), Instant.MAX));
    }

    @Test
    void aRepeatedIdWithOtherContentIsAnErrorNamingTheIdAndNothingIsSummed() throws IOException {
        Path file = csv("r.csv", "id,date,party,category,amount,currency",
                "a,2025-02-15,Publisher,print,100,USD",
                "a,2025-02-15,Publisher,print,101,USD",
                "b,2025-02-15,Publisher,print,5,USD");
        SettlementPlan plan = plan();
        Pushdown.Result result = Pushdown.aggregate(plan, List.of(file));
        assertThat(result.errors()).extracting(Object::toString)
                .containsExactly(file + ": field 'id': id 'a' is used by lines with different content");
        assertThat(bases(plan)).isEmpty();
        assertThat(result.lines()).isZero();
    }

    @Test
    void aMissingRequiredColumnOrFileIsAnErrorAndTheOtherFilesStillCount() throws IOException {
        Path noAmount = csv("no-amount.csv", "id,date,party,currency", "a,2025-02-15,Publisher,USD");
        Path good = csv("good.csv", "date,party,category,amount,currency", "2025-02-15,Publisher,print,10,USD");
        SettlementPlan plan = plan();
        Pushdown.Result result = Pushdown.aggregate(plan, List.of(noAmount, dir.resolve("missing.csv"), good));
        assertThat(result.errors()).extracting(Object::toString).containsExactly(
                noAmount + ":1: field 'amount': required column is missing", dir.resolve("missing.csv") + ": no such file");
        assertThat(bases(plan)).isEqualTo("2025-01-15 10 1");
        assertThat(result.lines()).isEqualTo(1);
    }

    @Test
    void aLineIsKnownFromItsRecordedMicrosecondOrElseFromTheLastInstantOfItsDay() throws IOException {
        Path file = csv("r.csv", "id,date,party,category,amount,currency,recorded",
                "on-time,2025-02-15,Publisher,print,1,USD,2025-03-01T10:00:00.123456Z",
                "a-microsecond-late,2025-02-15,Publisher,print,20,USD,2025-03-01T10:00:00.123457Z",
                "same-day,2025-03-01,Publisher,print,300,USD,",
                "day-before,2025-02-28,Publisher,print,4000,USD,");
        Instant[] instants = {Instant.parse("2025-03-01T10:00:00.123456789Z"), Instant.parse("2025-03-01T23:59:59.999999999Z"),
                Instant.parse("2025-03-01T23:59:59.999999Z"), Instant.parse("2025-03-01T10:00:00.123455Z")};
        String[] expected = {"2025-01-15 4001 2", "2025-01-15 4321 4", "2025-01-15 4021 3", "2025-01-15 4000 1"};
        for (int i = 0; i < instants.length; i++) {
            assertThat(pushed(List.of(file), instants[i])).as("known at %s", instants[i]).startsWith(expected[i] + "\n")
                    .isEqualTo(streamed(List.of(file), instants[i]));
        }
    }

    @Test
    void anExplanationCitesEachFileAPushedDownBaseCameFromWithItsLineCount() throws IOException {
        Path first = csv("first.csv", "date,party,category,amount,currency", "2025-02-15,Publisher,print,10,USD",
                "2025-02-16,Publisher,ebook,10,USD");
        Path second = csv("second.csv", "date,party,category,amount,currency", "2025-03-15,Publisher,print,5,USD");
        Path third = csv("third.csv", "date,party,category,amount,currency", "2025-03-15,Publisher,audio,5,USD");
        SettlementPlan plan = plan();
        assertThat(Pushdown.aggregate(plan, List.of(first, second, third)).errors()).isEmpty();
        StatementLine line = Settlement.compute(plan, BOOK.assumptions(), Optional.empty()).statements().stream()
                .flatMap(s -> s.lines().stream()).filter(l -> l.term().equals("print-royalty") && l.lines() > 0).findFirst().orElseThrow();
        assertThat(line.why().allReferences()).filteredOn(Explanation.Reference.Lines.class::isInstance)
                .map(r -> (Explanation.Reference.Lines) r).extracting(r -> Path.of(r.file()).getFileName() + " " + r.count())
                .containsExactly("first.csv 2", "second.csv 1");
    }
}
