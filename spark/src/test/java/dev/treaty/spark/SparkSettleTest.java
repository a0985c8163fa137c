package dev.treaty.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job end to end in local[2]: the flagship's settlement equals `treaty settle`'s golden
 * CSV byte for byte, from CSV and from Parquet; bad input is refused with its reason and nothing written.
 */
class SparkSettleTest {

    @TempDir
    Path dir;

    private static final Path FLAGSHIP = LocalSpark.root().resolve("examples/microsoft-openai");

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        LocalSpark.get();                                       // the tests' session: the job finds it rather than starting its own
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String golden() throws IOException {
        return Files.readString(LocalSpark.root().resolve("cli/src/test/resources/golden/settle-2019-2031.csv"));
    }

    private static List<String> flagship(String revenue, String... more) {
        List<String> args = new ArrayList<>(List.of(FLAGSHIP.toString(), "--revenue", revenue, "--events",
                FLAGSHIP.resolve("facts/events.jsonl").toString(), "--through", "2031-12-31"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theFlagshipFromCsvEqualsTheGoldenStatementByteForByte() throws IOException {
        Run run = run(flagship(FLAGSHIP.resolve("facts/revenue.csv").toString()).toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(golden());
    }

    @Test
    void theFlagshipFromPartitionedParquetEqualsItToo() throws IOException {
        Path parquet = dir.resolve("revenue-parquet");
        LocalSpark.get().read().option("header", "true").csv(FLAGSHIP.resolve("facts/revenue.csv").toString())
                .write().partitionBy("currency").parquet(parquet.toString());
        Run run = run(flagship(parquet.toString()).toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(golden());
    }

    @Test
    void theFlagshipFromTypedParquetEqualsItToo() throws IOException {
        // Parquet as a warehouse writes it: a DATE and an exact DECIMAL, not strings
        Path parquet = dir.resolve("typed.parquet");
        LocalSpark.get().read().option("header", "true").csv(FLAGSHIP.resolve("facts/revenue.csv").toString())
                .selectExpr("id", "CAST(date AS DATE) AS date", "party", "product", "kind", "category", "cloud", "region", "segment",
                        "CAST(amount AS DECIMAL(20,4)) AS amount", "currency")
                .write().parquet(parquet.toString());
        Run run = run(flagship(parquet.toString()).toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(golden());
    }

    @Test
    void theStatementsAreWrittenWhereAsked() throws IOException {
        Path out = dir.resolve("statements.csv");
        Run run = run(flagship(FLAGSHIP.resolve("facts/revenue.csv").toString(), "--out", out.toString()).toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(golden());
        Path table = dir.resolve("statements-parquet");
        Run parquet = run(flagship(FLAGSHIP.resolve("facts/revenue.csv").toString(), "--out", table.toString(), "--format", "parquet")
                .toArray(String[]::new));
        assertThat(parquet.exit()).as(parquet.err()).isZero();
        assertThat(LocalSpark.get().read().parquet(table.toString()).count()).isEqualTo(golden().lines().count() - 1);
    }

    @Test
    void aConflictingIdIsRefusedNamingItAndNothingIsWritten() throws IOException {
        Path csv = dir.resolve("conflict.csv");
        Files.writeString(csv, """
                id,date,party,product,kind,amount,currency
                r-1,2026-03-01,OpenAI,chatgpt,non-api,100.00,USD
                r-1,2026-03-01,OpenAI,chatgpt,non-api,999.00,USD
                """);
        Path out = dir.resolve("never.csv");
        Run run = run(flagship(csv.toString(), "--out", out.toString()).toArray(String[]::new));
        assertThat(run.exit()).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(run.err()).contains(csv + ": field 'id': id 'r-1' is used by lines with different content", "nothing was computed");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingColumnIsRefused() throws IOException {
        Path csv = dir.resolve("no-amount.csv");
        Files.writeString(csv, "id,date,party,currency\nr-1,2026-03-01,OpenAI,USD\n");
        Run run = run(flagship(csv.toString()).toArray(String[]::new));
        assertThat(run.exit()).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(run.err()).contains("required column 'amount' missing");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadLineIsRefusedWithItsReasonOrSkippedWhenAsked() throws IOException {
        Path csv = dir.resolve("bad-line.csv");
        Files.writeString(csv, """
                id,date,party,product,kind,amount,currency
                r-1,2026-02-30,OpenAI,chatgpt,non-api,100.00,USD
                r-2,2026-03-01,OpenAI,chatgpt,non-api,1.0000001,USD
                r-3,2026-03-01,OpenAI,chatgpt,non-api,250.00,USD
                """);
        Run refused = run(flagship(csv.toString()).toArray(String[]::new));
        assertThat(refused.exit()).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(refused.err()).contains("the line with id 'r-1': field 'date': '2026-02-30' is not a calendar date",
                "the line with id 'r-2': field 'amount': '1.0000001' is not a decimal amount", "2 bad revenue lines");
        assertThat(refused.out()).isEmpty();
        Run skipped = run(flagship(csv.toString(), "--skip-bad").toArray(String[]::new));
        assertThat(skipped.exit()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("(skipped)", "1 revenue lines counted once");
    }

    @Test
    void aBadParquetFileAndAnUnreadablePathAreRefused() throws IOException {
        Path notParquet = dir.resolve("broken.parquet");
        Files.writeString(notParquet, "this is not parquet");
        Run broken = run(flagship(notParquet.toString()).toArray(String[]::new));
        assertThat(broken.exit()).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(broken.err()).contains("cannot read").contains("nothing was computed");
        Run missing = run(flagship(dir.resolve("nowhere.parquet").toString()).toArray(String[]::new));
        assertThat(missing.exit()).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(missing.err()).contains("cannot read").contains("nothing was computed");
    }
}
