package dev.treaty.language;

import dev.treaty.language.grammar.TreatyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit of the reader, at the limit (read) and one past it (reported where it is broken,
 * and the rest not read), and the smaller rules of reading a file: headings, fences, positions.
 */
class ReaderLimitsTest {

    private static final Path FILE = Path.of("deal.treaty.md");

    private static List<String> problems(String text) {
        Diagnostics diagnostics = new Diagnostics();
        LiterateReader.read(FILE, text, diagnostics);
        return diagnostics.sorted().stream().map(d -> d.at().line() + ":" + d.at().column() + " " + d.severity() + " " + d.message()).toList();
    }

    private static String block(String statement) {
        return "# T\n\n```treaty\n" + statement + "\n```\n";
    }

    @Test
    void quotesAndListsNestUpToTheLimit() {
        int max = Limits.MARKDOWN_NESTING_MAX;
        assertThat(problems("# T\n\n" + ">".repeat(max) + " deep\n")).isEmpty();
        assertThat(problems("# T\n\n" + ">".repeat(max + 1) + " deep\n"))
                .containsExactly("3:33 ERROR quotes and lists nested more than 32 deep (the limit MARKDOWN_NESTING_MAX); the file was not read further");
        assertThat(problems("# T\n\n" + "- ".repeat(max) + "deep\n")).isEmpty();
        assertThat(problems("# T\n\n" + "- ".repeat(max + 1) + "deep\n")).singleElement().asString().startsWith("3:66 ERROR quotes and lists");
        assertThat(problems("# T\n\n" + "* + ".repeat(max / 2) + "> deep\n")).singleElement().asString().startsWith("3:65 ERROR");
        assertThat(problems("# T\n\n" + "1. ".repeat(max) + "deep\n")).isEmpty();
        assertThat(problems("# T\n\n" + "12) ".repeat(max + 1) + "deep\n")).singleElement().asString().startsWith("3:132 ERROR");
        assertThat(problems("# T\n\n" + " \t>".repeat(max + 1) + " deep\n")).singleElement().asString().startsWith("3:99 ERROR");
        // what does not nest: a marker without its space, a number too long or without its dot, text
        assertThat(problems("# T\n\n" + "-".repeat(100) + "\n\n" + "1234567890. ".repeat(40) + "\n\n" + "1 ".repeat(40) + "\n\n"
                + "a > ".repeat(40) + "\n\n" + "1.".repeat(40) + "\n")).isEmpty();
        assertThat(problems("# T\n\n" + "- ".repeat(max) + "\n\nfine\n\n" + ">".repeat(max + 1) + "\n"))
                .singleElement().asString().startsWith("7:33 ERROR");
    }

    @Test
    void aBlockNestsAndChainsUpToTheLimits() {
        int depth = Limits.NESTING_DEPTH_MAX;
        assertThat(problems(block("signed " + "(".repeat(depth) + "1" + ")".repeat(depth)))).isEmpty();
        assertThat(problems(block("signed " + "(".repeat(depth + 1) + "1" + ")".repeat(depth + 1))))
                .containsExactly("4:40 ERROR nested more than 32 deep (the limit NESTING_DEPTH_MAX); the block was not read further");
        assertThat(problems(block("signed " + "[".repeat(depth) + "{")))
                .singleElement().asString().startsWith("4:40 ERROR nested more than 32 deep");
        // closing brackets bring the depth down again, and never below zero
        assertThat(problems(block("signed )))" + ("(".repeat(depth) + ")".repeat(depth)).repeat(3)))).noneMatch(p -> p.contains("NESTING"));
        assertThat(problems(block("x until " + "not ".repeat(depth) + "e declared"))).noneMatch(p -> p.contains("NESTING"));
        assertThat(problems(block("x until " + "not ".repeat(depth + 1) + "e declared")))
                .containsExactly("4:137 ERROR 'not' nested more than 32 deep (the limit NESTING_DEPTH_MAX); the block was not read further");
        assertThat(problems(block("x until " + "not (".repeat(depth / 2) + "not e declared")))
                .singleElement().asString().startsWith("4:89 ERROR 'not' nested");
        assertThat(problems(block("x until " + "not (".repeat(depth / 2) + "e declared" + ")".repeat(depth / 2))))
                .noneMatch(p -> p.contains("NESTING"));
        // a word between nots starts the count again; so does a new line
        assertThat(problems(block("x until " + "not e declared and ".repeat(40) + "e declared"))).noneMatch(p -> p.contains("NESTING"));
        assertThat(problems(block(("x until " + "not ".repeat(depth - 1) + "e declared\n").repeat(3)))).noneMatch(p -> p.contains("NESTING"));
    }

    @Test
    void aStatementHoldsUpToTheOperatorLimit() {
        int max = Limits.OPERATORS_PER_STATEMENT_MAX;
        assertThat(problems(block("signed 1" + " + 1".repeat(max)))).noneMatch(p -> p.contains("operators"));
        assertThat(problems(block("signed 1" + " + 1".repeat(max + 1))))
                .containsExactly("4:1034 ERROR more than 256 operators in one statement (the limit OPERATORS_PER_STATEMENT_MAX); the block was not read further");
        assertThat(problems(block("signed 1" + " - 1 * 2 / 1 and 1 or 1".repeat(max / 5 + 1)))).anyMatch(p -> p.contains("operators"));
        // each statement counts afresh, but inside braces a statement goes on across lines
        assertThat(problems(block(("signed 1" + " + 1".repeat(max) + "\n").repeat(2)))).noneMatch(p -> p.contains("operators"));
        assertThat(problems(block(("signed 1" + " + 1".repeat(max) + ";").repeat(2)))).noneMatch(p -> p.contains("operators"));
        assertThat(problems(block("x {\n  rate 1" + " + 1".repeat(max / 2) + "\n  cap 1" + " + 1".repeat(max / 2 + 1) + "\n}")))
                .anyMatch(p -> p.contains("operators"));
    }

    @Test
    void aCommandLineValueOverTheLimitsIsReportedAndReadAsNothing() {
        Diagnostics diagnostics = new Diagnostics();
        TreatyParser.StandaloneExprContext expr = LiterateReader.parseExpression("(".repeat(40) + "1" + ")".repeat(40), Path.of("--assume"), diagnostics);
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString)
                .containsExactly("--assume:1:33: error: nested more than 32 deep (the limit NESTING_DEPTH_MAX); the block was not read further");
        assertThat(expr.getText()).isEqualTo("0<EOF>");
        Diagnostics fine = new Diagnostics();
        assertThat(LiterateReader.parseExpression("USD 5 + USD 6", Path.of("--assume"), fine).getText()).isEqualTo("USD5+USD6<EOF>");
        assertThat(fine.sorted()).isEmpty();
    }

    @Test
    void clauseNumbersHaveAtMostEightParts() {
        assertThat(problems("# T\n\n## 1.2.3.4.5.6.7.8 Deep\n\nText.\n")).isEmpty();
        for (String prefix : List.of("", "§", "§ ", "Section ", "Clause ")) {
            assertThat(problems("# T\n\n## " + prefix + "1.2.3.4.5.6.7.8.9 Deep\n\nText.\n")).as(prefix)
                    .containsExactly("3:1 ERROR clause number with more than 8 parts (the limit CLAUSE_NUMBER_PARTS_MAX)");
        }
        assertThat(problems("# T\n\n## 1 Clause with dots... in its title. Many. Of. Them. One. Two. Three. Four.\n\nText.\n")).isEmpty();
        Diagnostics diagnostics = new Diagnostics();
        LiterateDocument document = LiterateReader.read(FILE, "# T\n\n## 1 One\n\nA.\n\n## 1.2.3.4.5.6.7.8.9 Deep\n\nB.\n\n## 2 Two\n\nC.\n", diagnostics);
        assertThat(document.clauses()).extracting(SourceClause::id).containsExactly("1", "2");
        assertThat(document.clauses().get(0).prose()).isEqualTo("A.");
    }

    @Test
    void aSecondTitleStartsTheNotes() {
        Diagnostics diagnostics = new Diagnostics();
        LiterateDocument document = LiterateReader.read(FILE, "# T\n\n## 1 One\n\nA.\n\n# Annex\n\nB.\n", diagnostics);
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString)
                .containsExactly("deal.treaty.md:7:1: warning: a second top-level heading 'Annex'; clauses are headings of level 2 or deeper");
        assertThat(document.clauses()).singleElement().satisfies(c -> assertThat(c.prose()).isEqualTo("A."));
        assertThat(document.notes()).contains("B.");
        assertThat(document.title()).isEqualTo("T");
    }

    @ParameterizedTest
    @ValueSource(strings = {"treaty", "treaty extra", " treaty "})
    void aTreatyFenceIsNamedTreaty(String info) {
        Diagnostics diagnostics = new Diagnostics();
        LiterateDocument document = LiterateReader.read(FILE, "# T\n\n```" + info + "\nevent e\n```\n", diagnostics);
        assertThat(document.preambleBlocks()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"treatyx", "python", "", "yaml treaty"})
    void otherFencesAreProse(String info) {
        Diagnostics diagnostics = new Diagnostics();
        LiterateDocument document = LiterateReader.read(FILE, "# T\n\n```" + info + "\nevent e\n```\n", diagnostics);
        assertThat(document.preambleBlocks()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWhole() {
        String text = "# T\n" + "x".repeat(Limits.SOURCE_CHARS_MAX - 4);
        assertThat(text).hasSize(Limits.SOURCE_CHARS_MAX);
        assertThat(problems(text)).isEmpty();
        Diagnostics diagnostics = new Diagnostics();
        LiterateDocument refused = LiterateReader.read(FILE, text + "x", diagnostics);
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString)
                .containsExactly("deal.treaty.md:1:1: error: file is 4194305 characters; the limit is 4194304");
        assertThat(refused.title()).isEmpty();
        assertThat(refused.source().path()).isEqualTo(FILE);
        assertThat(diagnostics.hasErrorIn(FILE)).isTrue();
        assertThat(diagnostics.hasErrorIn(Path.of("other.treaty.md"))).isFalse();
    }

    @Test
    void onlyErrorsCount() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.warning(SourcePosition.of(FILE, 1, 1), "", "a warning");
        assertThat(diagnostics.hasErrors()).isFalse();
        assertThat(diagnostics.hasErrorIn(FILE)).isFalse();
        diagnostics.error(SourcePosition.of(FILE, 2, 1), "", "an error");
        assertThat(diagnostics.hasErrors()).isTrue();
        assertThat(diagnostics.hasErrorIn(FILE)).isTrue();
    }

    @Test
    void positionsSortByFileThenLineThenColumn() {
        SourcePosition a11 = SourcePosition.of(Path.of("a"), 1, 1);
        SourcePosition a12 = SourcePosition.of(Path.of("a"), 1, 2);
        SourcePosition a21 = SourcePosition.of(Path.of("a"), 2, 1);
        SourcePosition b11 = SourcePosition.of(Path.of("b"), 1, 1);
        assertThat(List.of(b11, a21, a12, a11).stream().sorted().toList()).containsExactly(a11, a12, a21, b11);
        assertThat(a12.compareTo(a11)).isPositive();
        assertThat(a11.compareTo(a21)).isNegative();
        assertThat(a11.compareTo(SourcePosition.of(Path.of("a"), 1, 1))).isZero();
    }

    @Test
    void theExcerptOfALongLineIsAWindowAroundTheCaret() {
        String longLine = "a".repeat(100) + "X" + "b".repeat(200);
        SourceText source = SourceText.of(FILE, "first\n" + longLine + "\n\tindented\n");
        DiagnosticPrinter printer = new DiagnosticPrinter(Map.of(FILE, source));
        assertThat(printer.print(new Diagnostic(Diagnostic.Severity.ERROR, SourcePosition.of(FILE, 2, 101), "here", "clause 1")))
                .isEqualTo("deal.treaty.md:2:101: error: here\n"
                        + "    2 | …" + "a".repeat(60) + "X" + "b".repeat(59) + "…\n"
                        + "      | " + " ".repeat(61) + "^\n"
                        + "  in clause 1\n");
        assertThat(printer.print(new Diagnostic(Diagnostic.Severity.ERROR, SourcePosition.of(FILE, 2, 3), "start", "")))
                .isEqualTo("deal.treaty.md:2:3: error: start\n"
                        + "    2 | " + "a".repeat(100) + "X" + "b".repeat(19) + "…\n"
                        + "      |   ^\n");
        assertThat(printer.print(new Diagnostic(Diagnostic.Severity.ERROR, SourcePosition.of(FILE, 2, 300), "end", "")))
                .isEqualTo("deal.treaty.md:2:300: error: end\n"
                        + "    2 | …" + "b".repeat(120) + "\n"
                        + "      | " + " ".repeat(119) + "^\n");
        assertThat(printer.print(new Diagnostic(Diagnostic.Severity.WARNING, SourcePosition.of(FILE, 3, 50), "past the end", "")))
                .isEqualTo("deal.treaty.md:3:50: warning: past the end\n"
                        + "    3 |  indented\n"
                        + "      |          ^\n");
        assertThat(new DiagnosticPrinter(Map.of()).print(new Diagnostic(Diagnostic.Severity.ERROR, SourcePosition.of(FILE, 1, 1), "no source", "")))
                .isEqualTo("deal.treaty.md:1:1: error: no source\n");
        String exact = "c".repeat(DiagnosticPrinter.EXCERPT_CHARS_MAX);
        assertThat(new DiagnosticPrinter(Map.of(FILE, SourceText.of(FILE, exact))).print(
                new Diagnostic(Diagnostic.Severity.ERROR, SourcePosition.of(FILE, 1, 120), "exact", "")))
                .isEqualTo("deal.treaty.md:1:120: error: exact\n    1 | " + exact + "\n      | " + " ".repeat(119) + "^\n");
    }
}
