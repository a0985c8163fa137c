package dev.treaty.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four deal examples beyond the flagship: each one's statements as golden CSV (the figures
 * worked by hand in its README), and its own agreement tests, which pin the same figures, all passing.
 */
class ExamplesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "marketplace-fee, 2026-06-30",
            "brand-licence, 2027-06-30",
            "saas-credits, 2027-02-28",
            "supply-turbines, 2026-12-31",
    })
    void statementsMatchTheHandWorkedTables(String example, String through) {
        String folder = "../examples/" + example;
        Cli.Result checked = Cli.run("check", folder);
        assertThat(checked.exit()).as(checked.out() + checked.err()).isZero();
        assertThat(checked.out()).contains("0 errors, 0 warnings");

        var args = new java.util.ArrayList<>(java.util.List.of("settle", folder, "--through", through, "--csv",
                "--revenue", folder + "/facts/revenue.csv"));
        if (Files.exists(Path.of(folder, "facts/events.jsonl"))) args.addAll(java.util.List.of("--events", folder + "/facts/events.jsonl"));
        Cli.Result settled = Cli.run(args.toArray(String[]::new));
        assertThat(settled.exit()).as(settled.err()).isZero();
        Golden.assertMatches(GOLDEN.resolve(example + "-settle.csv"), settled.out());

        Cli.Result tested = Cli.run("test", folder);
        assertThat(tested.exit()).as(tested.out() + tested.err()).isZero();
        assertThat(tested.out()).contains("all pass").doesNotContain("FAIL");
    }
}
