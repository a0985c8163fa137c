package dev.treaty.lsp;

import dev.treaty.language.Spelling;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes for the commonest slips, read off the diagnostics' own words: a misspelt keyword or
 * attribute ("…; did you mean 'licensee'?"), a party that is not one of the agreement's ("payee
 * 'Microsfot' is not a party; the parties are …"), and a term that needs a {@code currency}.
 */
final class QuickFixes {

    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'\\?");
    private static final Pattern NOT_A_PARTY = Pattern.compile("(\\w+) '([^']+)' is not a party; the parties are (.+)$");
    private static final Pattern NEEDS_CURRENCY = Pattern.compile("needs 'currency'");
    private static final Pattern CURRENCY_STATED = Pattern.compile("^\\s*currency\\s+([A-Z]{3})\\b", Pattern.MULTILINE);

    private QuickFixes() {
    }

    static List<CodeAction> actions(TreatyTextDocuments.Request request, CodeActionParams params) {
        List<CodeAction> actions = new ArrayList<>();
        String uri = params.getTextDocument().getUri();
        for (Diagnostic diagnostic : params.getContext().getDiagnostics()) {
            String message = diagnostic.getMessage();
            if (message == null) continue;
            Matcher didYouMean = DID_YOU_MEAN.matcher(message);
            Matcher notAParty = NOT_A_PARTY.matcher(message);
            if (didYouMean.find()) {
                String word = didYouMean.group(1);
                actions.add(action("Change to '" + word + "'", uri, new TextEdit(diagnostic.getRange(), word), diagnostic));
            } else if (notAParty.find()) {
                party(request.file(), diagnostic, notAParty, uri).ifPresent(actions::add);
            } else if (NEEDS_CURRENCY.matcher(message).find()) {
                currency(request, diagnostic, uri).ifPresent(actions::add);
            }
        }
        return actions;
    }

    /** Replaces the wrong name where the term states it with the nearest of the agreement's parties. */
    private static Optional<CodeAction> party(FileIndex file, Diagnostic diagnostic, Matcher matcher, String uri) {
        String wrong = matcher.group(2);
        List<String> parties = List.of(matcher.group(3).split(",\\s*"));
        String nearest = parties.stream().min(Comparator.comparingInt(p -> Spelling.distance(p.toLowerCase(), wrong.toLowerCase()))).orElse(null);
        if (nearest == null) return Optional.empty();
        int from = diagnostic.getRange().getStart().getLine();
        Optional<FileIndex.TermSpan> term = file.termAt(from);
        int to = term.map(FileIndex.TermSpan::endLine).orElse(from);
        return file.occurrences().stream()
                .filter(o -> o.line() >= from && o.line() <= to && o.name().equals(wrong) && o.kind() == Occurrence.Kind.PARTY)
                .findFirst()
                .map(o -> action("Change '" + wrong + "' to '" + nearest + "'", uri, new TextEdit(Words.range(o), nearest), diagnostic));
    }

    /** Adds {@code currency XXX} (the currency the folder already states, else USD) as the term's last attribute. */
    private static Optional<CodeAction> currency(TreatyTextDocuments.Request request, Diagnostic diagnostic, String uri) {
        FileIndex file = request.file();
        Optional<FileIndex.TermSpan> term = file.termAt(diagnostic.getRange().getStart().getLine());
        if (term.isEmpty() || term.get().closeBraceLine() <= term.get().openBraceLine()) return Optional.empty();
        String currency = "USD";
        for (FileIndex other : request.folder().files()) {
            Matcher stated = CURRENCY_STATED.matcher(other.text());
            if (stated.find()) {
                currency = stated.group(1);
                break;
            }
        }
        int close = term.get().closeBraceLine();
        String closing = file.line(close);
        String indent = closing.substring(0, closing.length() - closing.stripLeading().length());
        String attributeIndent = close - 1 > term.get().openBraceLine() ? leading(file.line(close - 1)) : indent + "  ";
        TextEdit edit = new TextEdit(new Range(new Position(close, 0), new Position(close, 0)), attributeIndent + "currency " + currency + "\n");
        return Optional.of(action("Add 'currency " + currency + "'", uri, edit, diagnostic));
    }

    private static String leading(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    private static CodeAction action(String title, String uri, TextEdit edit, Diagnostic diagnostic) {
        CodeAction action = new CodeAction(title);
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setIsPreferred(true);
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
        return action;
    }
}
