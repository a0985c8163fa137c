package dev.treaty.language;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages an author sees for the usual slips inside a term block, each block read alone: a
 * typo of a keyword, a missing value, a stray character, an unclosed string or brace. The golden
 * file is the review of their wording; update it with {@code -Dtreaty.updateGolden=true} and read
 * the diff.
 */
class SyntaxMessagesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/syntax-messages.txt");

    /** Name → the inside of one {@code treaty} block. */
    private static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("typo of a term kind", "revenu-share x \"X\" {\n  rate 10%\n}");
        cases.put("typo of an attribute", "revenue-share x \"X\" {\n  rat 10%\n}");
        cases.put("typo of a statement", "agreemnt t \"T\"");
        cases.put("a word far from any keyword", "revenue-share x \"X\" {\n  zzzzzzzzzz 10%\n}");
        cases.put("missing value", "revenue-share x \"X\" {\n  rate\n}");
        cases.put("missing closing brace", "revenue-share x \"X\" {\n  rate 10%\n");
        cases.put("stray character", "revenue-share x \"X\" {\n  rate 10% @\n}");
        cases.put("unclosed string", "agreement t \"T\n");
        cases.put("number where a date fits", "agreement t \"T\"\nsigned 12");
        cases.put("date where a percentage fits", "revenue-share x \"X\" {\n  rate 2025-01-01\n}");
        cases.put("missing title", "revenue-share x {\n  rate 10%\n}");
        cases.put("two names", "event agi agi2");
        cases.put("closing bracket too many", "revenue-share x \"X\" {\n  rate 10%\n}}");
        cases.put("condition without an event", "revenue-share x \"X\" {\n  until declared\n}");
        cases.put("list not closed", "revenue-share x \"X\" {\n  products [a, b\n}");
        cases.put("keyword as a value", "revenue-share x \"X\" {\n  payer rate\n}");
        cases.put("percent sign alone", "revenue-share x \"X\" {\n  rate %\n}");
        cases.put("unknown top-level word", "hello world");
        cases.put("short word", "revenue-share x \"X\" {\n  ra 10%\n}");
        cases.put("typo with a capital", "revenue-share x \"X\" {\n  Rate 10%\n}");
        return cases;
    }

    @Test
    void theUsualSlipsGetTheseMessages() throws IOException {
        StringBuilder out = new StringBuilder();
        cases().forEach((name, block) -> {
            Diagnostics diagnostics = new Diagnostics();
            LiterateReader.read(Path.of("deal.treaty.md"), "# T\n\n```treaty\n" + block + "\n```\n", diagnostics);
            out.append("== ").append(name).append('\n');
            for (Diagnostic diagnostic : diagnostics.sorted()) {
                out.append(diagnostic.at().line()).append(':').append(diagnostic.at().column()).append(' ')
                        .append(diagnostic.severity()).append(": ").append(diagnostic.message()).append('\n');
            }
        });
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.writeString(GOLDEN, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(GOLDEN));
    }
}
