package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.model.AgreementFolder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming path and the pushdown path (DuckDB, from CSV and from Parquet) give identical
 * statements on generated ledgers, repeated ids and refunds included.
 */
class PushdownProperties {

    private final Path dir = createDir();

    private static Path createDir() {
        try {
            return Files.createTempDirectory("treaty-pushdown");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) Files.deleteIfExists(file);
        }
    }

    private Path ledger(long seed, int lines) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] parties = {"OpenAI", "Microsoft", "Publisher"};
        String[] products = {"chatgpt", "openai-api", "azure-openai-service", "bing", "novel"};
        String[] categories = {"print", "ebook", "audio", ""};
        StringBuilder text = new StringBuilder("amount,currency,id,date,party,product,category,extra\n");
        long first = LocalDate.of(2019, 1, 1).toEpochDay();
        String previous = null;
        for (int i = 0; i < lines; i++) {
            if (previous != null && random.nextInt(20) == 0) {          // the same line again, under its id
                text.append(previous);
                continue;
            }
            long cents = random.nextLong(-100_000, 5_000_000_000L);
            String id = random.nextInt(4) == 0 ? "" : "x" + i;
            String line = (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100)
                    + "," + (random.nextInt(30) == 0 ? "EUR" : "USD") + "," + id + "," + LocalDate.ofEpochDay(first + random.nextInt(12 * 366))
                    + "," + parties[random.nextInt(parties.length)] + "," + products[random.nextInt(products.length)] + ","
                    + categories[random.nextInt(categories.length)] + ",ignored\n";
            text.append(line);
            previous = id.isEmpty() ? null : line;
        }
        Path file = dir.resolve("ledger-" + seed + ".csv");
        Files.writeString(file, text);
        return file;
    }

    private static String statements(String example, java.util.function.Consumer<SettlementPlan> feed) {
        Path folder = Fixtures.root().resolve("examples").resolve(example);
        AgreementFolder.Loaded loaded = Fixtures.load(folder);
        Facts facts = example.equals("microsoft-openai")
                ? new Facts(EventReader.read(List.of(folder.resolve("facts/events.jsonl"))).facts()) : Facts.NONE;
        var history = loaded.histories().get(0);
        SettlementPlan plan = SettlementPlan.of(history.versions().stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList(), facts, LocalDate.of(2030, 12, 31), Optional.empty());
        feed.accept(plan);
        SettlementResult result = Settlement.compute(plan, loaded.assumptions(), Optional.empty());
        // the counts too: every path must say how many lines it read and how many no term counted
        return SettlementProperties.canonical(result) + "\nlines " + result.revenueLines() + ", counted by no term " + result.ignoredLines();
    }

    @Property(tries = 12)
    void streamingAndPushdownGiveIdenticalStatements(@ForAll @IntRange(min = 1, max = 1_000_000) int seed,
                                                     @ForAll boolean bookDeal) throws Exception {
        String example = bookDeal ? "book-deal" : "microsoft-openai";
        Path csv = ledger(seed, 3_000);
        Path parquet = dir.resolve("ledger-" + seed + ".parquet");
        try (var connection = DriverManager.getConnection("jdbc:duckdb:"); var statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)) TO '" + parquet
                    + "' (FORMAT parquet)");
        }
        String streamed = statements(example, plan -> {
            RevenueReader.Result result = RevenueReader.read(List.of(csv), plan, RevenueReader.Progress.NONE);
            assertThat(result.errors()).isEmpty();
        });
        String pushedCsv = statements(example, plan -> assertThat(Pushdown.aggregate(plan, List.of(csv)).errors()).isEmpty());
        String pushedParquet = statements(example, plan -> assertThat(Pushdown.aggregate(plan, List.of(parquet)).errors()).isEmpty());

        assertThat(streamed).isNotEmpty();
        assertThat(pushedCsv).isEqualTo(streamed);
        assertThat(pushedParquet).isEqualTo(streamed);

        // as known at an instant: lines dated after it are not known yet, on every path
        java.time.Instant knownAt = LocalDate.of(2019, 1, 1).plusDays(seed % (12 * 366)).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        String streamedKnown = statements(example, plan -> {
            RevenueReader.Result result = RevenueReader.read(List.of(csv), dev.treaty.evaluator.facts.RevenueSink.knownAt(knownAt, plan),
                    RevenueReader.Progress.NONE);
            assertThat(result.errors()).isEmpty();
        });
        String pushedKnown = statements(example, plan -> assertThat(Pushdown.aggregate(plan, List.of(parquet), knownAt).errors()).isEmpty());
        assertThat(pushedKnown).isEqualTo(streamedKnown);
    }
}
