package dev.treaty.lsp;

import dev.treaty.language.SourcePosition;
import dev.treaty.language.TermBlock;
import dev.treaty.language.grammar.TreatyLexer;
import dev.treaty.language.grammar.TreatyParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Semantic tokens for term blocks, from the parse tree itself, so that a keyword used as a name
 * (a party called {@code Provider}) is coloured as a name: term kinds as types, names as
 * variables (declarations marked), {@code $assumptions} as macros, strings, numbers (amounts,
 * rates, dates), operators, comments and the remaining keywords.
 */
final class Highlighting {

    static final List<String> TYPES = List.of("keyword", "type", "variable", "string", "number", "comment", "operator", "macro");
    static final List<String> MODIFIERS = List.of("declaration");
    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, MODIFIERS);

    private record Piece(int line, int start, int length, int type, int modifiers) {
    }

    private Highlighting() {
    }

    static SemanticTokens tokens(FileIndex file) {
        List<Piece> pieces = new ArrayList<>();
        Set<Long> declarations = new HashSet<>();
        file.occurrences().stream().filter(Occurrence::declaration).forEach(o -> declarations.add(key(o.line(), o.start())));
        for (TermBlock block : file.blocks()) {
            if (block.tree() != null) walk(block, block.tree(), declarations, pieces);
            comments(file, block, pieces);
        }
        pieces.sort(Comparator.comparingInt(Piece::line).thenComparingInt(Piece::start));
        List<Integer> data = new ArrayList<>(pieces.size() * 5);
        int line = 0;
        int start = 0;
        for (Piece piece : pieces) {
            int deltaLine = piece.line() - line;
            data.add(deltaLine);
            data.add(deltaLine == 0 ? piece.start() - start : piece.start());
            data.add(piece.length());
            data.add(piece.type());
            data.add(piece.modifiers());
            line = piece.line();
            start = piece.start();
        }
        return new SemanticTokens(data);
    }

    private static long key(int line, int start) {
        return ((long) line << 32) | start;
    }

    private static void walk(TermBlock block, ParseTree tree, Set<Long> declarations, List<Piece> pieces) {
        if (tree instanceof TerminalNode terminal) {
            Token token = terminal.getSymbol();
            if (token.getType() == Token.EOF || token.getTokenIndex() < 0) return;
            int type = typeOf(terminal);
            if (type < 0) return;
            SourcePosition at = block.positionOf(token);
            int line = at.line() - 1;
            int start = at.column() - 1;
            int modifiers = type == 2 && declarations.contains(key(line, start)) ? 1 : 0;
            pieces.add(new Piece(line, start, token.getText().length(), type, modifiers));
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) walk(block, tree.getChild(i), declarations, pieces);
    }

    private static int typeOf(TerminalNode terminal) {
        if (terminal instanceof org.antlr.v4.runtime.tree.ErrorNode) return -1;
        if (terminal.getParent() instanceof TreatyParser.NameContext) return 2;
        if (terminal.getParent() instanceof TreatyParser.TermKindContext) return 1;
        return switch (terminal.getSymbol().getType()) {
            case TreatyLexer.STRING, TreatyLexer.UNTERMINATED_STRING -> 3;
            case TreatyLexer.NUMBER, TreatyLexer.PERCENT, TreatyLexer.DATE, TreatyLexer.CLAUSE_NUMBER -> 4;
            case TreatyLexer.ASSUMPTION_REF -> 7;
            case TreatyLexer.PLUS, TreatyLexer.MINUS, TreatyLexer.STAR, TreatyLexer.SLASH, TreatyLexer.EQ, TreatyLexer.NEQ,
                 TreatyLexer.AND, TreatyLexer.OR, TreatyLexer.NOT, TreatyLexer.IN -> 6;
            case TreatyLexer.LBRACE, TreatyLexer.RBRACE, TreatyLexer.LBRACKET, TreatyLexer.RBRACKET, TreatyLexer.LPAREN,
                 TreatyLexer.RPAREN, TreatyLexer.COMMA, TreatyLexer.COLON, TreatyLexer.SEMI, TreatyLexer.NEWLINE,
                 TreatyLexer.UNEXPECTED -> -1;
            default -> 0;
        };
    }

    /** Comments are skipped by the lexer, so they are found on the block's lines: from {@code //} outside a string. */
    private static void comments(FileIndex file, TermBlock block, List<Piece> pieces) {
        for (int i = 0; i < block.lineCount(); i++) {
            int lineIndex = block.firstLine() - 1 + i;
            String line = file.line(lineIndex);
            boolean inString = false;
            for (int c = Math.min(block.offset(i), line.length()); c < line.length(); c++) {
                char ch = line.charAt(c);
                if (inString && ch == '\\') {
                    c++;                 // an escaped character, perhaps a quote
                    continue;
                }
                if (ch == '"') inString = !inString;
                if (!inString && ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                    pieces.add(new Piece(lineIndex, c, line.length() - c, 5, 0));
                    break;
                }
            }
        }
    }
}
