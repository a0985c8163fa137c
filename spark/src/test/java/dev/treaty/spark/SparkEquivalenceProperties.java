package dev.treaty.spark;

import dev.treaty.app.Settlements;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.report.StatementCsv;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark settles exactly as the streaming path does, on generated ledgers of the flagship: repeated
 * ids (repeated exactly), refunds, lines on amendment and period boundaries, lines in several
 * currencies and of the other party, in one file or split over two; the statements are compared as CSV.
 */
class SparkEquivalenceProperties {

    private static final Path FLAGSHIP = LocalSpark.root().resolve("examples/microsoft-openai");
    private static final LocalDate THROUGH = LocalDate.of(2031, 12, 31);
    /** Days that cut pieces of the flagship: amendments, the sunset, period ends. */
    private static final List<LocalDate> BOUNDARIES = List.of(LocalDate.of(2019, 7, 22), LocalDate.of(2023, 1, 23), LocalDate.of(2025, 1, 21),
            LocalDate.of(2025, 10, 28), LocalDate.of(2026, 4, 26), LocalDate.of(2026, 4, 27), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1),
            LocalDate.of(2030, 12, 31), LocalDate.of(2031, 1, 1));

    record Line(String id, LocalDate date, String party, String product, String kind, String amount, String currency) {
        String csv() {
            return String.join(",", id, date.toString(), party, product, kind, amount, currency);
        }
    }

    @Provide
    Arbitrary<List<Line>> ledgers() {
        Arbitrary<LocalDate> date = Arbitraries.oneOf(Arbitraries.of(BOUNDARIES),
                Arbitraries.integers().between(0, 365 * 12).map(d -> LocalDate.of(2019, 7, 1).plusDays(d)));
        Arbitrary<Line> line = Combinators.combine(
                Arbitraries.integers().between(0, 60).map(n -> n < 10 ? "" : "r-" + n),
                date,
                Arbitraries.of("OpenAI", "OpenAI", "OpenAI", "Microsoft"),
                Arbitraries.of("chatgpt", "gpt-api", "azure-openai", "codex"),
                Arbitraries.of("api", "non-api", ""),
                Arbitraries.longs().between(-5_000_00L, 90_000_000_00L).map(cents -> java.math.BigDecimal.valueOf(cents, 2).toPlainString()),
                Arbitraries.of("USD", "USD", "USD", "EUR")
        ).as(Line::new);
        // a repeated id repeats its line exactly (a conflicting repeat is refused by both paths, tested on its own)
        return line.list().ofMaxSize(80).map(lines -> {
            java.util.Map<String, Line> first = new java.util.LinkedHashMap<>();
            List<Line> consistent = new ArrayList<>();
            for (Line l : lines) {
                if (l.id().isEmpty()) consistent.add(l);
                else consistent.add(first.computeIfAbsent(l.id(), id -> l));
            }
            return consistent;
        });
    }

    @Property(tries = 20)
    void sparkGivesTheStreamingPathsStatements(@ForAll("ledgers") List<Line> ledger, @ForAll boolean twoFiles) throws IOException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ledger");
        List<Path> files = new ArrayList<>();
        int split = twoFiles ? ledger.size() / 2 : ledger.size();
        files.add(write(dir.resolve("a.csv"), ledger.subList(0, split)));
        if (twoFiles) files.add(write(dir.resolve("b.csv"), ledger.subList(split, ledger.size())));

        String streaming;
        Workspace.Inputs inputs = Workspace.Inputs.folder(FLAGSHIP).withEvents(List.of(FLAGSHIP.resolve("facts/events.jsonl"))).withRevenue(files);
        try (Workspace workspace = Workspace.open(inputs, notice -> { }, RevenueReader.Progress.NONE)) {
            streaming = csv(Settlements.settle(workspace, Settlements.Request.through(THROUGH)));
        }
        SparkSettle.Outcome outcome = SparkSettle.settle(LocalSpark.get(), new SparkSettle.Request(FLAGSHIP, Optional.empty(),
                files.stream().map(Path::toString).toList(), List.of(FLAGSHIP.resolve("facts/events.jsonl")), THROUGH, Optional.empty(), false));
        assertThat(csv(outcome.result())).isEqualTo(streaming);
        long distinct = ledger.stream().filter(l -> l.id().isEmpty()).count() + ledger.stream().map(Line::id).filter(id -> !id.isEmpty()).distinct().count();
        assertThat(outcome.lines()).isEqualTo(distinct);
    }

    private static Path write(Path file, List<Line> lines) throws IOException {
        StringBuilder text = new StringBuilder("id,date,party,product,kind,amount,currency\n");
        lines.forEach(l -> text.append(l.csv()).append('\n'));
        return Files.writeString(file, text);
    }

    private static String csv(dev.treaty.evaluator.settle.SettlementResult result) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            StatementCsv.write(out, result);
        }
        return text.toString();
    }
}
