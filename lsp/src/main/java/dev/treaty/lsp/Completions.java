package dev.treaty.lsp;

import dev.treaty.language.TermBlock;
import dev.treaty.model.Assumption;
import dev.treaty.model.build.Vocabulary;
import dev.treaty.model.term.TermKind;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completion inside term blocks, by where the cursor is: at the start of a line inside a term,
 * the attributes its kind takes (with how each is written, the required ones first); at the start
 * of a line outside one, the term kinds and statements; after a party role, the parties; after
 * {@code cloud}, the clouds; after {@code $}, the assumptions with their values; elsewhere the
 * folder's names (parties, events, product kinds, clouds, units).
 */
final class Completions {

    private static final List<String> STATEMENTS = List.of("party", "signed", "effective", "event", "kind", "cloud", "unit",
            "assume", "replace", "add", "strike");
    private static final Set<String> ROLES = Set.of("payer", "payee", "licensor", "licensee", "owner", "provider", "holder",
            "grantor", "issuer", "purchaser", "by");
    private static final Set<String> CONDITION_WORDS = Set.of("until", "unless", "after", "if", "not", "and", "or", "(");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR");

    private Completions() {
    }

    static CompletionList complete(TreatyTextDocuments.Request request, Position position) {
        FileIndex file = request.file();
        int line = position.getLine();
        Optional<TermBlock> block = file.blockAt(line);
        if (block.isEmpty()) return new CompletionList(false, List.of());
        String text = file.line(line);
        int cursor = Math.min(position.getCharacter(), text.length());
        int wordStart = Words.startOfWord(text, cursor);
        String prefix = text.substring(wordStart, cursor);
        Range replaced = new Range(new Position(line, wordStart), new Position(line, cursor));
        String before = text.substring(0, wordStart).stripTrailing();
        boolean firstWord = before.isEmpty() || before.endsWith(";") || before.endsWith("{") || before.equals(">");
        Optional<String> enclosing = enclosingKind(file, block.get(), line, wordStart);

        List<CompletionItem> items = new ArrayList<>();
        if (prefix.startsWith("$")) {
            assumptions(request, replaced, items);
        } else if (firstWord && enclosing.isPresent()) {
            attributes(enclosing.get(), replaced, items);
        } else if (firstWord) {
            for (TermKind kind : TermKind.values()) {
                if (kind == TermKind.EVENT) continue;          // a statement, below
                items.add(item(kind.keyword(), CompletionItemKind.Class, "term kind", replaced, kind.keyword() + " "));
            }
            for (String statement : STATEMENTS) items.add(item(statement, CompletionItemKind.Keyword, "statement", replaced, statement + " "));
        } else {
            String previous = lastWord(before);
            Map<String, CompletionItem> names = new LinkedHashMap<>();
            if (ROLES.contains(previous)) {
                names(request, Occurrence.Kind.PARTY, CompletionItemKind.Constant, "party", replaced, names);
            } else if (previous.equals("cloud") || previous.equals("clouds") || previous.equals("[") && before.contains("clouds")) {
                names(request, Occurrence.Kind.CLOUD, CompletionItemKind.EnumMember, "cloud", replaced, names);
            } else if (previous.equals("currency") || previous.equals("in") && before.endsWith("paid in")) {
                CURRENCIES.forEach(c -> names.put(c, item(c, CompletionItemKind.Unit, "currency", replaced, c)));
            } else if (previous.equals("to") && before.endsWith("exception to")) {
                names(request, Occurrence.Kind.TERM, CompletionItemKind.Class, "term", replaced, names);
            } else if (CONDITION_WORDS.contains(previous)) {
                names(request, Occurrence.Kind.EVENT, CompletionItemKind.Event, "event", replaced, names);
            } else {
                names(request, Occurrence.Kind.PARTY, CompletionItemKind.Constant, "party", replaced, names);
                names(request, Occurrence.Kind.EVENT, CompletionItemKind.Event, "event", replaced, names);
                names(request, Occurrence.Kind.KIND, CompletionItemKind.TypeParameter, "product kind", replaced, names);
                names(request, Occurrence.Kind.CLOUD, CompletionItemKind.EnumMember, "cloud", replaced, names);
                names(request, Occurrence.Kind.UNIT, CompletionItemKind.Unit, "unit", replaced, names);
            }
            items.addAll(names.values());
            if (CONDITION_WORDS.contains(previous)) assumptions(request, replaced, items);
        }
        return new CompletionList(false, items);
    }

    /** The kind of the term whose braces hold the cursor, if any (not inside a band or tier list). */
    private static Optional<String> enclosingKind(FileIndex file, TermBlock block, int line, int column) {
        int depth = 0;
        int first = block.firstLine() - 1;
        for (int l = line; l >= first; l--) {
            String text = withoutStringsAndComments(file.line(l));
            int end = l == line ? Math.min(column, text.length()) : text.length();
            for (int i = end - 1; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == '}') depth++;
                if (c == '{') {
                    if (depth == 0) {
                        String word = text.strip().split("\\s+", 2)[0];
                        try {
                            return Optional.of(TermKind.fromKeyword(word).keyword());
                        } catch (IllegalArgumentException e) {
                            return Optional.empty();       // a band, tier or event block
                        }
                    }
                    depth--;
                }
            }
        }
        return Optional.empty();
    }

    private static String withoutStringsAndComments(String line) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') inString = !inString;
            if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') break;
            out.append(inString ? ' ' : c);
        }
        return out.toString();
    }

    private static String lastWord(String before) {
        if (before.endsWith("[") || before.endsWith("(")) return before.substring(before.length() - 1);
        String[] words = before.strip().split("[\\s,]+");
        return words.length == 0 ? "" : words[words.length - 1];
    }

    private static void attributes(String keyword, Range replaced, List<CompletionItem> items) {
        TermKind kind = TermKind.fromKeyword(keyword);
        for (String attribute : Vocabulary.attributes(kind)) {
            boolean required = Vocabulary.isRequired(kind, attribute);
            CompletionItem item = item(attribute, CompletionItemKind.Property, Vocabulary.shape(attribute), replaced,
                    Vocabulary.keyword(attribute) + " ");
            item.setSortText((required ? "0" : "1") + attribute);
            item.setDocumentation(Either.forLeft((required ? "Required in a " : "Optional in a ") + keyword + ". Written: "
                    + Vocabulary.shape(attribute)));
            items.add(item);
        }
    }

    private static void names(TreatyTextDocuments.Request request, Occurrence.Kind kind, CompletionItemKind itemKind, String what,
                              Range replaced, Map<String, CompletionItem> into) {
        for (Occurrence occurrence : request.folder().occurrences()) {
            if (occurrence.kind() != kind || into.containsKey(occurrence.name())) continue;
            if (!occurrence.declaration() && kind != Occurrence.Kind.CLOUD) continue;
            String detail = what + (occurrence.detail().isEmpty() ? "" : " — " + occurrence.detail());
            into.put(occurrence.name(), item(occurrence.name(), itemKind, detail, replaced, occurrence.name()));
        }
    }

    private static void assumptions(TreatyTextDocuments.Request request, Range replaced, List<CompletionItem> items) {
        for (Assumption assumption : request.folder().loaded().assumptions().values()) {
            CompletionItem item = item("$" + assumption.name(), CompletionItemKind.Variable, String.valueOf(assumption.value()), replaced,
                    "$" + assumption.name());
            item.setDocumentation(Either.forLeft(assumption.basis()));
            items.add(item);
        }
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, Range replaced, String insert) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        item.setTextEdit(Either.forLeft(new TextEdit(replaced, insert)));
        return item;
    }
}
