package dev.treaty.lsp;

import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations with the language server over pipes, on a copy of the flagship and on broken
 * copies of it: initialize, didOpen, didChange, hover, definition, references, completion,
 * documentSymbol, formatting, code actions and shutdown, every answer compared with a golden
 * JSON file under {@code src/test/resources/golden/} (regenerate with
 * {@code -Dtreaty.updateGolden=true} and review the diff). Today is fixed at 2026-06-01.
 */
class ConversationGoldenTest {

    private static final Path FLAGSHIP = Path.of("../examples/microsoft-openai");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String AGREEMENT = "2019-07-22-agreement.treaty.md";
    private static final String RESTATED = "2025-10-28-definitive-agreement.treaty.md";
    private static final String AMENDMENT = "2026-04-27-amendment.treaty.md";
    private static final int FILES = 7;

    @Test
    void theFlagship(@TempDir Path folder) throws IOException {
        copyFlagship(folder);
        Map<String, String> answers = new LinkedHashMap<>();
        try (LspSession lsp = new LspSession(folder, "2026-06-01")) {
            long before = lsp.publications();
            lsp.open(AMENDMENT);
            lsp.awaitPublications(before, FILES);
            for (String file : List.of(AGREEMENT, RESTATED, AMENDMENT, "assumptions.treaty.md")) {
                assertThat(lsp.diagnostics(file).getDiagnostics()).as(file).isEmpty();
            }
            var text = lsp.server.getTextDocumentService();
            TextDocumentIdentifier amendment = lsp.document(AMENDMENT);

            answers.put("hover on a term in an amendment (today and when the amendment takes effect)", lsp.json(LspSession.await(
                    text.hover(new HoverParams(amendment, lsp.at(AMENDMENT, "openai-to-microsoft", 0, 3))))));
            answers.put("hover on an assumption", lsp.json(LspSession.await(
                    text.hover(new HoverParams(amendment, lsp.at(AMENDMENT, "$revenue-share-cap", 0, 2))))));
            answers.put("hover on a clause number in an amendment: the clause it replaces", lsp.json(LspSession.await(
                    text.hover(new HoverParams(amendment, lsp.at(AMENDMENT, "## 6.1", 0, 4))))));
            answers.put("hover on a party", lsp.json(LspSession.await(
                    text.hover(new HoverParams(amendment, lsp.at(AMENDMENT, "payee Microsoft", 0, 8))))));
            answers.put("definition of a clause number in an amendment: the agreement's clause", lsp.json(LspSession.await(
                    text.definition(new DefinitionParams(amendment, lsp.at(AMENDMENT, "## 3.1", 0, 4))))));
            answers.put("definition of a party", lsp.json(LspSession.await(
                    text.definition(new DefinitionParams(amendment, lsp.at(AMENDMENT, "payee Microsoft", 0, 8))))));
            answers.put("definition of an assumption", lsp.json(LspSession.await(
                    text.definition(new DefinitionParams(amendment, lsp.at(AMENDMENT, "$revenue-share-cap", 0, 2))))));
            answers.put("definition of the amended agreement", lsp.json(LspSession.await(
                    text.definition(new DefinitionParams(amendment, lsp.at(AMENDMENT, "amends msft-openai", 0, 9))))));
            answers.put("references of an assumption", lsp.json(LspSession.await(text.references(
                    new ReferenceParams(amendment, lsp.at(AMENDMENT, "$payment-due", 0, 2), new ReferenceContext(true))))));
            answers.put("references of clause 6.1", lsp.json(LspSession.await(text.references(
                    new ReferenceParams(amendment, lsp.at(AMENDMENT, "## 6.1", 0, 3), new ReferenceContext(true))))));
            answers.put("references of a term", lsp.json(LspSession.await(text.references(
                    new ReferenceParams(amendment, lsp.at(AMENDMENT, "openai-to-microsoft", 0, 1), new ReferenceContext(true))))));
            answers.put("document symbols", lsp.json(LspSession.await(text.documentSymbol(new DocumentSymbolParams(amendment)))));
            answers.put("folding ranges", lsp.json(LspSession.await(text.foldingRange(new FoldingRangeRequestParams(amendment)))));
            assertThat(LspSession.await(text.semanticTokensFull(new SemanticTokensParams(amendment))).getData()).hasSizeGreaterThan(500);

            // typing: a new empty line inside the revenue share, then the start of a role and of an assumption
            String original = Files.readString(folder.resolve(AMENDMENT));
            Position payer = lsp.at(AMENDMENT, "  payer OpenAI", 0, 0);
            List<String> lines = new java.util.ArrayList<>(original.lines().toList());
            lines.add(payer.getLine(), "  ");
            lines.add(payer.getLine() + 1, "  payee Mi");
            lines.add(payer.getLine() + 2, "  cap total $rev");
            lsp.change(AMENDMENT, String.join("\n", lines) + "\n");
            answers.put("completion at the start of a line in a revenue share: its attributes",
                    labels(LspSession.await(text.completion(new CompletionParams(amendment, new Position(payer.getLine(), 2))))));
            answers.put("completion after a role: the parties",
                    labels(LspSession.await(text.completion(new CompletionParams(amendment, new Position(payer.getLine() + 1, 10))))));
            answers.put("completion after $: the assumptions",
                    labels(LspSession.await(text.completion(new CompletionParams(amendment, new Position(payer.getLine() + 2, 17))))));
            answers.put("completion at the start of a line outside a term",
                    labels(LspSession.await(text.completion(new CompletionParams(amendment, new Position(lsp.at(AMENDMENT, "replace", 0, 0).getLine(), 0))))));

            // a messy block is formatted back; the rest of the file is left alone
            String messy = original.replace("  payer OpenAI\n  payee Microsoft\n", "payer   OpenAI ;payee Microsoft\n");
            lsp.change(AMENDMENT, messy);
            answers.put("formatting a messy term", lsp.json(LspSession.await(text.formatting(
                    new DocumentFormattingParams(amendment, new FormattingOptions(2, true))))));

            // a misspelt party: the diagnostic, then the quick fix
            lsp.change(AMENDMENT, original.replace("  payee Microsoft\n", "  payee Microsfot\n"));
            lsp.awaitDiagnostics(AMENDMENT);
            PublishDiagnosticsParams typo = lsp.diagnostics(AMENDMENT);
            answers.put("diagnostics of a misspelt party", lsp.json(typo));
            answers.put("quick fix for the misspelt party", lsp.json(LspSession.await(text.codeAction(
                    new CodeActionParams(amendment, typo.getDiagnostics().getFirst().getRange(), new CodeActionContext(typo.getDiagnostics()))))));
            assertThat(lsp.shutdown()).isZero();
        }
        compare("conversation-flagship.json", answers);
    }

    @Test
    void brokenCopiesOfTheFlagship(@TempDir Path folder) throws IOException {
        copyFlagship(folder);
        Map<String, String> answers = new LinkedHashMap<>();
        try (LspSession lsp = new LspSession(folder, "2026-06-01")) {
            long before = lsp.publications();
            lsp.open(AMENDMENT);
            lsp.awaitPublications(before, FILES);
            var text = lsp.server.getTextDocumentService();
            String original = Files.readString(folder.resolve(AMENDMENT));

            // an unsaved buffer is in no folder: no answers, and the server goes on
            text.didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentItem("untitled:Untitled-1", "markdown", 1, original)));
            assertThat(LspSession.await(text.hover(new HoverParams(new TextDocumentIdentifier("untitled:Untitled-1"), new Position(0, 0)))))
                    .isNull();

            // an amendment that strikes a clause the agreement does not have: reported where the strike is
            lsp.change(AMENDMENT, original.replace("## 3.2 Non-API products", "## 3.9 Non-API products"));
            lsp.awaitDiagnostics(AMENDMENT);
            answers.put("an amendment striking a clause that does not exist", lsp.json(lsp.diagnostics(AMENDMENT)));

            // a misspelt attribute: the diagnostic says what was meant, and the quick fix writes it
            lsp.change(AMENDMENT, original.replace("  payee Microsoft\n", "  payees Microsoft\n"));
            lsp.awaitDiagnostics(AMENDMENT);
            PublishDiagnosticsParams misspelt = lsp.diagnostics(AMENDMENT);
            answers.put("a misspelt attribute", lsp.json(misspelt));
            answers.put("quick fix for the misspelt attribute", lsp.json(LspSession.await(text.codeAction(new CodeActionParams(
                    lsp.document(AMENDMENT), misspelt.getDiagnostics().getFirst().getRange(), new CodeActionContext(misspelt.getDiagnostics()))))));

            // a revenue share whose amounts state no currency: the quick fix adds the folder's
            String noCurrency = original.replace("  cap total $revenue-share-cap counting payments since $cap-counts-from\n", "")
                    .replace("  currency USD\n", "");
            lsp.change(AMENDMENT, noCurrency);
            lsp.awaitDiagnostics(AMENDMENT);
            PublishDiagnosticsParams missing = lsp.diagnostics(AMENDMENT);
            answers.put("a term with no currency", lsp.json(missing));
            answers.put("quick fix adding the currency", lsp.json(LspSession.await(text.codeAction(new CodeActionParams(
                    lsp.document(AMENDMENT), missing.getDiagnostics().getFirst().getRange(), new CodeActionContext(missing.getDiagnostics()))))));

            // a syntax error: the hover and the outline still answer from what could be read
            lsp.change(AMENDMENT, original.replace("  rate $revenue-share-rate\n", "  rate $revenue-share-rate %%\n"));
            lsp.awaitDiagnostics(AMENDMENT);
            answers.put("a syntax error", lsp.json(lsp.diagnostics(AMENDMENT)));
            answers.put("symbols of the file with the syntax error", lsp.json(LspSession.await(
                    text.documentSymbol(new DocumentSymbolParams(lsp.document(AMENDMENT))))));

            // fixed again: every file's diagnostics are cleared
            lsp.change(AMENDMENT, original);
            lsp.awaitDiagnostics(AMENDMENT);
            assertThat(lsp.diagnostics(AMENDMENT).getDiagnostics()).isEmpty();
            assertThat(lsp.shutdown()).isZero();
        }
        compare("conversation-broken.json", answers);
    }

    private static String labels(org.eclipse.lsp4j.jsonrpc.messages.Either<List<CompletionItem>, org.eclipse.lsp4j.CompletionList> answer) {
        List<CompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
        StringBuilder out = new StringBuilder();
        items.stream().sorted(java.util.Comparator.comparing(i -> i.getSortText() == null ? i.getLabel() : i.getSortText()))
                .forEach(i -> out.append(i.getLabel()).append(" — ").append(i.getDetail()).append('\n'));
        return out.toString();
    }

    private static void copyFlagship(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(FLAGSHIP)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".treaty.md")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
    }

    private static void compare(String name, Map<String, String> answers) throws IOException {
        StringBuilder out = new StringBuilder();
        answers.forEach((step, answer) -> out.append("### ").append(step).append('\n').append(answer.strip()).append("\n\n"));
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
    }
}
