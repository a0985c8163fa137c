package dev.treaty.lsp;

import dev.treaty.language.SourceClause;
import dev.treaty.language.TermBlock;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

import java.util.ArrayList;
import java.util.List;

/** The outline of a file (its clauses, with their terms inside) and the ranges an editor may fold (term blocks and braces). */
final class Outline {

    private Outline() {
    }

    static List<DocumentSymbol> symbols(FileIndex file) {
        List<DocumentSymbol> symbols = new ArrayList<>();
        List<SourceClause> clauses = file.document().clauses();
        int lastLine = Math.max(0, file.lines().size() - 1);
        int firstClause = clauses.isEmpty() ? lastLine + 1 : clauses.getFirst().at().line() - 1;
        if (!file.documentId().isEmpty() || !file.documentKind().isEmpty()) {
            String name = file.documentKind() + " " + (file.documentId().isEmpty() ? file.target() : file.documentId());
            Range header = new Range(new Position(0, 0), new Position(Math.max(0, firstClause - 1), 0));
            DocumentSymbol document = new DocumentSymbol(name.strip(), SymbolKind.File, header, header, file.document().title());
            document.setChildren(termsBetween(file, 0, firstClause - 1));
            symbols.add(document);
        }
        for (int i = 0; i < clauses.size(); i++) {
            SourceClause clause = clauses.get(i);
            int start = clause.at().line() - 1;
            int end = i + 1 < clauses.size() ? clauses.get(i + 1).at().line() - 2 : lastLine;
            Range range = new Range(new Position(start, 0), new Position(Math.max(start, end), file.line(Math.max(start, end)).length()));
            Range heading = new Range(new Position(start, 0), new Position(start, file.line(start).length()));
            DocumentSymbol symbol = new DocumentSymbol(clause.id() + (clause.title().isEmpty() ? "" : " " + clause.title()),
                    SymbolKind.Namespace, range, heading);
            symbol.setChildren(termsBetween(file, start, end));
            symbols.add(symbol);
        }
        return symbols;
    }

    private static List<DocumentSymbol> termsBetween(FileIndex file, int from, int to) {
        List<DocumentSymbol> terms = new ArrayList<>();
        for (FileIndex.TermSpan term : file.terms()) {
            if (term.startLine() < from || term.startLine() > to) continue;
            Range range = new Range(new Position(term.startLine(), term.startColumn()), new Position(term.endLine(), term.endColumn()));
            Range name = file.occurrences().stream()
                    .filter(o -> o.declaration() && o.line() == term.startLine() && o.name().equals(term.name()))
                    .findFirst().map(Words::range).orElse(range);
            terms.add(new DocumentSymbol(term.kind() + " " + term.name(), term.kind().equals("event") ? SymbolKind.Event : SymbolKind.Struct,
                    range, name, term.title()));
        }
        return terms;
    }

    static List<FoldingRange> folding(FileIndex file) {
        List<FoldingRange> ranges = new ArrayList<>();
        for (TermBlock block : file.blocks()) {
            int fence = block.firstLine() - 2;                       // the ```treaty line, 0-based
            int closing = block.firstLine() - 1 + block.lineCount();  // the closing fence
            if (fence >= 0 && closing > fence) {
                FoldingRange range = new FoldingRange(fence, Math.min(closing, file.lines().size() - 1));
                range.setKind(FoldingRangeKind.Region);
                ranges.add(range);
            }
        }
        for (FileIndex.TermSpan term : file.terms()) {
            if (term.closeBraceLine() > term.openBraceLine()) ranges.add(new FoldingRange(term.openBraceLine(), term.closeBraceLine()));
        }
        return ranges;
    }
}
