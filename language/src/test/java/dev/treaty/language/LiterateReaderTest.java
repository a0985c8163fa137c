package dev.treaty.language;

import dev.treaty.language.grammar.TreatyParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LiterateReaderTest {

    private static final Path FILE = Path.of("deal.treaty.md");

    private static LiterateDocument read(String text, Diagnostics diagnostics) {
        return LiterateReader.read(FILE, text, diagnostics);
    }

    @Test
    void numberedHeadingsBecomeClausesWithTheirProseAndBlocks() {
        String text = """
                # A deal

                Preamble prose.

                ```treaty
                agreement deal
                ```

                ## 4.2 Revenue share

                The payer pays.

                ```treaty
                event agi
                ```

                ### Notes on 4.2

                Still clause 4.2.

                ## Background

                History, not a clause.
                """;
        Diagnostics diagnostics = new Diagnostics();
        LiterateDocument document = read(text, diagnostics);

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(document.title()).isEqualTo("A deal");
        assertThat(document.preambleProse()).isEqualTo("Preamble prose.");
        assertThat(document.preambleBlocks()).hasSize(1);
        assertThat(document.clauses()).singleElement().satisfies(clause -> {
            assertThat(clause.id()).isEqualTo("4.2");
            assertThat(clause.title()).isEqualTo("Revenue share");
            assertThat(clause.at().line()).isEqualTo(9);
            assertThat(clause.prose()).contains("The payer pays.", "### Notes on 4.2", "Still clause 4.2.");
            assertThat(clause.blocks()).hasSize(1);
        });
        assertThat(document.notes()).contains("## Background", "History, not a clause.");
    }

    @Test
    void tokenPositionsMapBackToTheMarkdownFileEvenWhenTheFenceIsIndented() {
        String text = "# T\n\n## 1 Clause\n\n- item\n\n  ```treaty\n  event   agi\n  ```\n";
        Diagnostics diagnostics = new Diagnostics();
        LiterateDocument document = read(text, diagnostics);

        TermBlock block = document.clauses().get(0).blocks().get(0);
        TreatyParser.EventDeclContext event = (TreatyParser.EventDeclContext) block.tree().statement(0);
        assertThat(block.positionOf(event.name().getStart())).isEqualTo(SourcePosition.of(FILE, 8, 11));
    }

    @Test
    void syntaxErrorsAreCollectedWithFilePositionsAndClauseContext() {
        String text = "# T\n\n## 2 Share\n\n```treaty\nrevenue-share x {\n  rate 20% @\n}\n```\n\n## 3 Other\n\n```treaty\nevent }\n```\n";
        Diagnostics diagnostics = new Diagnostics();
        read(text, diagnostics);

        assertThat(diagnostics.sorted()).extracting(d -> d.at().line() + ":" + d.at().column() + " " + d.context())
                .containsExactly("7:12 clause 2 Share", "14:7 clause 3 Other");
        assertThat(diagnostics.sorted()).allMatch(Diagnostic::isError);
    }

    @Test
    void aTermBlockUnderAnUnnumberedHeadingIsAnError() {
        Diagnostics diagnostics = new Diagnostics();
        read("# T\n\n## Sources\n\n```treaty\nevent agi\n```\n", diagnostics);

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.at().line()).isEqualTo(6);
            assertThat(d.message()).contains("numbered clause heading");
        });
    }

    @Test
    void diagnosticPrinterShowsTheLineAndACaretUnderTheColumn() {
        SourceText source = SourceText.of(FILE, "first\n  rate 120%\n");
        Diagnostic diagnostic = new Diagnostic(Diagnostic.Severity.ERROR, SourcePosition.of(FILE, 2, 8),
                "rate 120% is over 100%", "clause 4.2 Revenue share");

        String printed = new DiagnosticPrinter(java.util.Map.of(FILE, source)).print(diagnostic);

        assertThat(printed).isEqualTo("""
                deal.treaty.md:2:8: error: rate 120% is over 100%
                    2 |   rate 120%
                      |        ^
                  in clause 4.2 Revenue share
                """);
    }
}
