package dev.treaty.model;

import dev.treaty.language.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code treaty} block of docs/language.md loads without errors inside a small harness
 * agreement: term blocks as a clause of the agreement, operations as a clause of an amendment,
 * headers as the header of a document of their own.
 */
class LanguageDocExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("(?ms)^```treaty\\n(.*?)^```");

    static final String HARNESS = """
            # Harness

            ```treaty
            agreement deal "Harness"
            party Alpha
            party Beta
            party Microsoft
            party OpenAI
            party Author
            party Publisher
            unit stream
            unit thousand-streams = 1000 stream
            signed 2020-01-01
            effective 2020-01-01
            ```

            ## 3 Replaceable

            Text.

            ## 10 Events and rules

            ```treaty
            event agi {
              declared by OpenAI
              verified by expert-panel
            }
            event delivered {
              declared by Alpha
            }
            event force-majeure {
              declared by Beta
            }
            cloud-exclusivity api-on-azure {
              owner OpenAI
              provider Microsoft
              cloud azure
              products kind = api
            }
            ```
            """;

    static final String ASSUMPTIONS = """
            # Assumptions

            ```treaty
            assumptions for deal
            assume revenue-share-rate = 20% "test"
            assume revenue-share-cap = USD 38 billion "test"
            assume payment-due = 45 days "test"
            assume covers-non-api = yes "test"
            assume silence = decline "test"
            ```
            """;

    @TestFactory
    Stream<DynamicTest> everyExampleLoadsWithoutErrors() throws IOException {
        Path doc = TestAgreements.root().resolve("docs/language.md");
        String text = Files.readString(doc);
        List<DynamicTest> tests = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String block = matcher.group(1);
            int line = (int) text.substring(0, matcher.start()).lines().count() + 1;
            tests.add(DynamicTest.dynamicTest("docs/language.md:" + line, () -> assertLoads(block, line)));
        }
        assertThat(tests).hasSizeGreaterThan(15);
        return tests.stream();
    }

    private static void assertLoads(String block, int line) {
        String first = block.strip().split("\\s+", 2)[0];
        Map<Path, String> texts = new LinkedHashMap<>();
        texts.put(Path.of("harness.treaty.md"), HARNESS);
        texts.put(Path.of("assumptions.treaty.md"), ASSUMPTIONS);
        switch (first) {
            case "agreement" -> {
                texts.clear();
                texts.put(Path.of("example.treaty.md"), "# Example\n\n```treaty\n" + block + "```\n");
            }
            case "amendment", "clarification" -> texts.put(Path.of("example.treaty.md"),
                    "# Example\n\n```treaty\n" + block.replaceAll("(amends|restates|clarifies) \\S+", "$1 deal") + "```\n");
            case "assumptions", "assume" -> texts.put(Path.of("assumptions.treaty.md"), ASSUMPTIONS
                    + (first.equals("assume") ? "\n## 1 More\n\n```treaty\n" + block + "```\n" : ""));
            case "kind", "cloud", "unit" -> texts.put(Path.of("harness.treaty.md"), HARNESS.replace("signed 2020-01-01", block + "signed 2020-01-01"));
            case "replace", "add", "strike" -> texts.put(Path.of("example.treaty.md"),
                    "# Amendment\n\n```treaty\namendment example amends deal\nsigned 2021-01-01\neffective 2021-01-01\n```\n\n"
                            + "## " + (first.equals("add") ? "30" : "3") + " Example\n\n```treaty\n" + block + "```\n");
            default -> texts.put(Path.of("harness.treaty.md"), HARNESS + "\n## 20 Example\n\n```treaty\n" + block + "```\n");
        }
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
        assertThat(loaded.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString))
                .as("example at docs/language.md:" + line).isEmpty();
    }
}
