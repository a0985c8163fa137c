package dev.treaty.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The flagship's answers, as golden files: what a reader sees, reviewed in diffs. */
class FlagshipGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static void golden(String name, String... args) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(result.err()).isZero();
        Golden.assertMatches(GOLDEN.resolve(name), result.out());
    }

    @Test
    void timeline() {
        golden("timeline.txt", "timeline", Cli.flagship());
    }

    @Test
    void showOnFirstJune2026() {
        golden("show-2026-06-01.txt", "show", Cli.flagship(), "--on", "2026-06-01");
    }

    @Test
    void showOnFirstJune2024() {
        golden("show-2024-06-01.txt", "show", Cli.flagship(), "--on", "2024-06-01", "--terms-only");
    }

    @Test
    void showOnFirstDecember2025() {
        golden("show-2025-12-01.txt", "show", Cli.flagship(), "--on", "2025-12-01", "--terms-only");
    }

    @Test
    void diffOfTheApril2026Amendment() {
        golden("diff-2026-04-26-2026-04-27.txt", "diff", Cli.flagship(), "--from", "2026-04-26", "--to", "2026-04-27");
    }

    @Test
    void diffOfTheApril2026AmendmentAsJson() {
        golden("diff-2026-04-26-2026-04-27.json", "diff", Cli.flagship(), "--from", "2026-04-26", "--to", "2026-04-27", "--json");
    }

    @Test
    void demoOnAFixedDay() {
        golden("demo-2026-11-26.txt", "demo", "--on", "2026-11-26", "--examples", Cli.flagship(), "--out", "target/demo-report.html");
    }

    @Test
    void bookDealTimeline() {
        golden("book-deal-timeline.txt", "timeline", "../examples/book-deal");
    }
}
