package dev.treaty.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad facts file under {@code src/test/resources/bad-facts} gives the messages in its
 * {@code .expected} file (file, line, field, reason), exits 2 and computes nothing.
 */
class BadFactsGoldenTest {

    private static final Path BAD = Path.of("src/test/resources/bad-facts");
    private static final String REVENUE = "../examples/microsoft-openai/facts/revenue.csv";
    private static final String EVENTS = "../examples/microsoft-openai/facts/events.jsonl";

    @TestFactory
    Stream<DynamicTest> everyBadFactsFileGivesItsExpectedMessages() throws IOException {
        List<Path> cases;
        try (Stream<Path> listing = Files.list(BAD)) {
            cases = listing.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
        }
        List<String> expected;
        try (Stream<Path> listing = Files.list(BAD)) {
            expected = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
                    .map(n -> n.replace(".expected", "")).sorted().toList();
        }
        assertThat(cases.stream().map(p -> p.getFileName().toString().replaceAll("\\.(csv|jsonl)$", "")).toList())
                .as("each case has its expected file (make them with -Dtreaty.updateGolden=true)")
                .isEqualTo(Boolean.getBoolean("treaty.updateGolden") ? cases.stream().map(p -> p.getFileName().toString()
                        .replaceAll("(\\.treaty\\.md|\\.csv|\\.jsonl)$", "")).toList() : expected);
        assertThat(cases).hasSize(35);
        return cases.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            boolean isRevenue = path.toString().endsWith(".csv");
            Cli.Result result = isRevenue
                    ? Cli.run("settle", Cli.flagship(), "--revenue", path.toString(), "--through", "2026-12-31")
                    : Cli.run("gate", Cli.flagship(), "--events", EVENTS, path.toString(), "--product", "chatgpt", "--cloud", "aws",
                    "--on", "2026-06-01");
            String name = path.getFileName().toString().replaceAll("\\.(csv|jsonl)$", "");
            Golden.assertMatches(BAD.resolve(name + ".expected"), result.transcript());
            assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(result.out()).as("nothing was computed").isEmpty();
            assertThat(result.err()).contains(path.toString() + ":").contains("nothing was computed").doesNotContain("Exception", "\tat ");
        }));
    }

    @Test
    void skipBadReportsTheBadLinesAndGoesOn() {
        Cli.Result result = Cli.run("settle", Cli.flagship(), "--revenue", REVENUE, BAD.resolve("r03-impossible-date.csv").toString(),
                "--through", "2019-12-31", "--skip-bad");
        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("r03-impossible-date.csv:2: field 'date': '2026-02-30' is not a calendar date (skipped)",
                "skipped 1 bad revenue line");
        assertThat(result.out()).contains("revenue-share openai-to-microsoft");
    }

    @Test
    void theSameEventTwiceIsKeptOnceAndTheSameFileNamedTwiceIsRefused() throws IOException {
        Path copy = Files.createTempFile("events-copy", ".jsonl");
        try {
            Files.copy(Path.of(EVENTS), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Cli.Result result = Cli.run("gate", Cli.flagship(), "--events", EVENTS, copy.toString(), "--product", "chatgpt", "--cloud",
                    "aws", "--on", "2026-06-01");
            assertThat(result.exit()).as(result.err()).isZero();
        } finally {
            Files.deleteIfExists(copy);
        }
        Cli.Result twice = Cli.run("gate", Cli.flagship(), "--events", EVENTS, EVENTS, "--product", "chatgpt", "--cloud", "aws",
                "--on", "2026-06-01");
        assertThat(twice.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(twice.err()).contains("events.jsonl is named twice: its facts would count twice");
    }
}
