package dev.treaty.model.format;

import dev.treaty.language.TermFormatter;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ClauseInForce;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code treaty fmt} changes layout, never meaning: formatting each example folder twice gives
 * the same text, and the formatted folder's versions (documents applied, clauses, every term's
 * attributes and parties) and its diagnostics' messages equal the original's. The property
 * scrambles the layout of the flagship's term blocks (indentation, spacing, statements joined
 * with semicolons) and requires the formatter to give back exactly the canonical text.
 */
class FormattingPreservesMeaningTest {

    private static final Path EXAMPLES = Path.of("../examples");

    @Test
    void everyExampleFormatsIdempotentlyAndKeepsItsVersions() throws IOException {
        List<Path> folders;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            folders = listing.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders).hasSizeGreaterThanOrEqualTo(6);
        for (Path folder : folders) {
            Map<Path, String> original = read(folder);
            Map<Path, String> once = format(original);
            assertThat(format(once)).as(folder + " formatted twice").isEqualTo(once);
            assertThat(described(once)).as(folder + " formatted means the same").isEqualTo(described(original));
        }
    }

    @Test
    void aMessyBlockComesOutCanonicalAndMeansTheSame() {
        String messy = TestText.HEADER + """
                ## 1 Terms

                ```treaty
                revenue-share   rs "Share"{ payer Alpha ;payee Beta
                      rate 20%   // the headline rate
                base product in [ chat ,api ]


                from 2025-01-01 ; through 2030-12-31
                  currency USD ; period quarter }
                ```
                """;
        String formatted = TermFormatter.formatDocument(Path.of("a.treaty.md"), messy);
        assertThat(formatted).endsWith("""
                ```treaty
                revenue-share rs "Share" {
                  payer Alpha
                  payee Beta
                  rate 20% // the headline rate
                  base product in [chat, api]

                  from 2025-01-01
                  through 2030-12-31
                  currency USD
                  period quarter
                }
                ```
                """);
        assertThat(described(Map.of(Path.of("a.treaty.md"), formatted)))
                .isEqualTo(described(Map.of(Path.of("a.treaty.md"), messy)));
    }

    @Test
    void aBlockWithASyntaxErrorIsLeftAsItIs() {
        String broken = TestText.HEADER + "## 1 Terms\n\n```treaty\nrevenue-share  rs {  payer Alpha\n  rate 20%%\n}\n```\n";
        assertThat(TermFormatter.formatDocument(Path.of("a.treaty.md"), broken)).isEqualTo(broken);
    }

    @Test
    void aBlockInsideAListKeepsItsIndentationAndTheFileItsLineEndings() {
        String text = (TestText.HEADER + "## 1 Terms\n\n- the share:\n\n  ```treaty\n  revenue-share rs {payer Alpha; payee Beta\n"
                + "   rate 20% ; currency USD;period quarter; from 2025-01-01}\n  ```\n").replace("\n", "\r\n");
        String formatted = TermFormatter.formatDocument(Path.of("a.treaty.md"), text);
        assertThat(formatted).contains("  ```treaty\r\n  revenue-share rs {\r\n    payer Alpha\r\n    payee Beta\r\n    rate 20%\r\n");
        assertThat(formatted.replace("\r\n", "")).doesNotContain("\n");
        assertThat(described(Map.of(Path.of("a.treaty.md"), formatted))).isEqualTo(described(Map.of(Path.of("a.treaty.md"), text)));
    }

    @Property(tries = 60)
    void aScrambledLayoutFormatsBackToTheCanonicalText(@ForAll("seeds") long seed) throws IOException {
        Map<Path, String> original = format(read(EXAMPLES.resolve("microsoft-openai")));
        Random random = new Random(seed);
        Map<Path, String> scrambled = new LinkedHashMap<>();
        original.forEach((path, text) -> scrambled.put(path, scramble(text, random)));
        assertThat(scrambled).isNotEqualTo(original);
        assertThat(format(scrambled)).isEqualTo(original);
        assertThat(described(scrambled)).isEqualTo(described(original));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Re-indents, re-spaces and joins the lines of every term block at random, keeping every word and every blank line. */
    static String scramble(String text, Random random) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        int brackets = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                inBlock = line.strip().equals("```treaty");
                out.add(line);
                brackets = 0;
                continue;
            }
            if (!inBlock || line.isBlank()) {
                out.add(line);
                continue;
            }
            String words = respace(line.strip(), random);
            String indented = " ".repeat(random.nextInt(6)) + (random.nextInt(4) == 0 ? "\t" : "") + words;
            brackets += count(line, '[') - count(line, ']');
            String next = i + 1 < lines.length ? lines[i + 1] : "";
            boolean joinable = brackets == 0 && !line.contains("//") && !next.isBlank() && !next.strip().startsWith("```")
                    && random.nextInt(3) == 0;
            if (joinable) {
                lines[i + 1] = indented + " ;" + " ".repeat(random.nextInt(3)) + next.strip();
                continue;
            }
            out.add(indented + (random.nextBoolean() ? " ".repeat(random.nextInt(3)) : ""));
        }
        return String.join("\n", out);
    }

    /** Doubles some spaces between words, outside strings and comments. */
    private static String respace(String line, Random random) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') inString = !inString;
            if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                out.append(line.substring(i));
                break;
            }
            out.append(c);
            if (!inString && c == ' ' && random.nextInt(3) == 0) out.append(random.nextBoolean() ? " " : "\t");
        }
        return out.toString();
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(ch -> ch == c).count();
    }

    private static Map<Path, String> read(Path folder) throws IOException {
        Map<Path, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(AgreementFolder::isDocument).sorted().toList()) {
                texts.put(file.getFileName(), Files.readString(file));
            }
        }
        return texts;
    }

    private static Map<Path, String> format(Map<Path, String> texts) {
        Map<Path, String> formatted = new LinkedHashMap<>();
        texts.forEach((path, text) -> formatted.put(path, TermFormatter.formatDocument(path, text)));
        return formatted;
    }

    /** What the folder means, with no line or column in it: every version's documents, clauses and terms, and the problems found. */
    static String described(Map<Path, String> texts) {
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
        StringBuilder out = new StringBuilder();
        loaded.diagnostics().forEach(d -> out.append(d.severity().label()).append(": ").append(d.message()).append('\n'));
        loaded.assumptions().values().forEach(a -> out.append("assumption ").append(a.name()).append(" = ").append(a.value()).append('\n'));
        for (AgreementHistory history : loaded.histories()) {
            for (ConsolidatedAgreement version : history.versions()) {
                out.append("== ").append(version.agreementId()).append(' ').append(version.inForce()).append('\n');
                for (Document document : version.applied()) out.append("applied ").append(document.describe()).append('\n');
                out.append("parties ").append(version.parties()).append('\n');
                for (ClauseInForce clause : version.clauses().values()) {
                    out.append(clause.clause().heading()).append(" — ").append(String.valueOf(clause.provenance()).replaceAll(" at \\S+:\\d+", "")).append('\n');
                }
                for (TermInForce inForce : version.terms()) {
                    Term term = inForce.term();
                    out.append("  ").append(term.header().label()).append(" [").append(term.header().title()).append("]\n");
                    term.attributes().forEach((name, value) -> out.append("    ").append(name).append(": ").append(value).append('\n'));
                    term.parties().forEach((role, party) -> out.append("    party ").append(role).append(": ").append(party).append('\n'));
                }
            }
        }
        return out.toString();
    }

    /** A header that every test agreement here starts with. */
    static final class TestText {
        static final String HEADER = dev.treaty.model.TestAgreements.HEADER;
    }
}
