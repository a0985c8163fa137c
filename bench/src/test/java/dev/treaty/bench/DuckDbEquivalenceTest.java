package dev.treaty.bench;

import dev.treaty.evaluator.settle.SettlementPlan;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Treaty's streaming revenue bases equal DuckDB's over the same pieces and filters, on generated ledgers. */
class DuckDbEquivalenceTest {

    @TempDir
    Path dir;

    private Path ledger(long seed, int lines) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] parties = {"OpenAI", "Microsoft", "Publisher", "Author"};
        String[] products = {"chatgpt", "openai-api", "azure-openai-service", "bing", "novel"};
        String[] categories = {"print", "ebook", "audio", "subscriptions", ""};
        StringBuilder text = new StringBuilder("id,date,party,product,kind,category,cloud,region,segment,amount,currency\n");
        long first = LocalDate.of(2019, 1, 1).toEpochDay();
        for (int i = 0; i < lines; i++) {
            long cents = random.nextLong(-5_000, 100_000_000_000L);
            text.append('l').append(i).append(',').append(LocalDate.ofEpochDay(first + random.nextInt(12 * 366))).append(',')
                    .append(parties[random.nextInt(parties.length)]).append(',').append(products[random.nextInt(products.length)])
                    .append(",api,").append(categories[random.nextInt(categories.length)]).append(",azure,us,,")
                    .append(cents < 0 ? "-" : "").append(Math.abs(cents) / 100).append('.')
                    .append(String.format("%02d", Math.abs(cents) % 100)).append(",USD\n");
        }
        Path file = dir.resolve("ledger-" + seed + ".csv");
        Files.writeString(file, text);
        return file;
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"microsoft-openai, 1", "microsoft-openai, 2", "book-deal, 3", "book-deal, 4"})
    void theBasesAgreeToTheCent(String example, long seed) throws Exception {
        Path root = Path.of(System.getProperty("treaty.root", ".."));
        Path folder = root.resolve("examples").resolve(example);
        Path events = example.equals("microsoft-openai") ? folder.resolve("facts/events.jsonl") : null;
        Path ledger = ledger(seed, 20_000);

        SettlementPlan plan = DuckDbBaseline.plan(folder, events, LocalDate.of(2030, 12, 31));
        DuckDbBaseline.Bases treaty = DuckDbBaseline.treaty(plan, ledger);
        DuckDbBaseline.Bases duck = DuckDbBaseline.duckDb(plan.pieces(), ledger);

        assertThat(treaty.byPiece()).isNotEmpty().isEqualTo(duck.byPiece());
        assertThat(treaty.byPiece().values()).anyMatch(base -> base.signum() != 0);
    }
}
