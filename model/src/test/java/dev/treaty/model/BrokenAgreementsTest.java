package dev.treaty.model;

import dev.treaty.language.Diagnostic;
import dev.treaty.language.DiagnosticPrinter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broken agreements of the command line's golden test ({@code cli/src/test/resources/bad}),
 * loaded here without the command: every diagnostic, printed with its excerpt, equals the golden
 * transcript line for line. The golden files stay where `treaty check` is tested; this test holds
 * the loader and the printer to them from below, so a change in the model or the language is
 * caught by the modules' own tests (and by mutation testing, which runs each module's tests).
 */
class BrokenAgreementsTest {

    private static final Path ROOT = Path.of(System.getProperty("treaty.root", ".."));
    private static final Path BAD = ROOT.resolve("cli/src/test/resources/bad");
    private static final String AS_THE_CLI_NAMES_IT = "src/test/resources/bad/";

    @TestFactory
    Stream<DynamicTest> everyBrokenAgreementGivesTheGoldenDiagnostics() throws IOException {
        List<Path> cases;
        try (Stream<Path> listing = Files.list(BAD)) {
            cases = listing.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
        }
        assertThat(cases).hasSize(72);
        return cases.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            Path named = Path.of(AS_THE_CLI_NAMES_IT + path.getFileName());
            AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(path), Map.of());
            StringBuilder printed = new StringBuilder();
            DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
            for (Diagnostic diagnostic : loaded.diagnostics()) printed.append(printer.print(diagnostic));
            String golden = Files.readString(BAD.resolve(path.getFileName().toString().replace(".treaty.md", "") + ".expected"));
            String diagnostics = golden.substring(0, golden.lastIndexOf('\n', golden.lastIndexOf("--- exit") - 2) + 1);
            // printed under the name the command line's test gives the file, as the golden file has it
            assertThat(printed.toString().replace(path.toString(), named.toString())).isEqualTo(diagnostics);
            boolean warningsOnly = path.getFileName().toString().contains("-warning-");
            assertThat(loaded.hasErrors()).isEqualTo(!warningsOnly);
        }));
    }
}
