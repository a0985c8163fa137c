package dev.treaty.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each broken agreement under {@code src/test/resources/bad} (a file, or a folder for problems
 * that span documents) gives the diagnostics in its {@code .expected} file beside it, exits 2
 * (cases named {@code *-warning-*} only warn and exit 0), and never shows a stack trace.
 */
class BadAgreementsGoldenTest {

    private static final Path BAD = Path.of("src/test/resources/bad");

    @TestFactory
    Stream<DynamicTest> everyBrokenAgreementGivesItsExpectedDiagnostics() throws IOException {
        List<Path> cases;
        try (Stream<Path> listing = Files.list(BAD)) {
            cases = listing.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
        }
        // a new case without its expected file, or an expected file without its case, fails here
        List<String> expected;
        try (Stream<Path> listing = Files.list(BAD)) {
            expected = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
                    .map(n -> n.replace(".expected", "")).sorted().toList();
        }
        assertThat(cases.stream().map(p -> p.getFileName().toString().replace(".treaty.md", "")).toList())
                .as("each case has its expected file (make them with -Dtreaty.updateGolden=true)")
                .isEqualTo(Boolean.getBoolean("treaty.updateGolden") ? cases.stream().map(p -> p.getFileName().toString()
                        .replaceAll("(\\.treaty\\.md|\\.csv|\\.jsonl)$", "")).toList() : expected);
        assertThat(cases).hasSize(72);
        return cases.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            Cli.Result result = Cli.run("check", path.toString());
            String name = path.getFileName().toString().replace(".treaty.md", "");
            Golden.assertMatches(BAD.resolve(name + ".expected"), result.transcript());
            assertThat(result.exit()).isEqualTo(name.contains("-warning-") ? ExitCodes.OK : ExitCodes.BAD_INPUT);
            assertThat(result.out() + result.err()).doesNotContain("Exception", "\tat ");
            assertThat(result.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(path.toString()) + ".*:\\d+:\\d+: (error|warning): ");
        }));
    }
}
