package dev.treaty.language;

import dev.treaty.language.grammar.TreatyLexer;
import dev.treaty.language.grammar.TreatyParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays term blocks out one canonical way: one statement or attribute per line, two spaces per
 * level of braces or brackets, an opening brace at the end of its line and a closing one on a
 * line of its own, single spaces between words (none before {@code , : ) ]} nor after
 * {@code ( [}), at most one blank line in a row, comments kept where they were.
 *
 * <p>Only the layout changes, never a word: a block with a syntax error is left as it is, and
 * every result is lexed again and compared with the original, token by token, before it is used.
 * {@code treaty fmt} and the language server's formatting both call this.
 */
public final class TermFormatter {

    private static final String INDENT = "  ";

    private TermFormatter() {
    }

    /** One block's text laid out canonically, or the text unchanged when it does not parse. */
    public static String formatBlock(String text) {
        if (!parses(text)) return text;
        String formatted = layout(text);
        return sameMeaning(text, formatted) ? formatted : text;
    }

    /**
     * A whole {@code *.treaty.md} file with each of its term blocks formatted; the prose, the
     * fences, each block's indentation (a block inside a list or a quote keeps its prefix) and
     * the file's line endings are kept.
     */
    public static String formatDocument(Path path, String text) {
        LiterateDocument document = LiterateReader.read(path, text, new Diagnostics());
        List<TermBlock> blocks = new ArrayList<>(document.preambleBlocks());
        for (SourceClause clause : document.clauses()) blocks.addAll(clause.blocks());
        if (blocks.isEmpty()) return text;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        blocks.sort((a, b) -> Integer.compare(b.firstLine(), a.firstLine()));   // last first: line numbers stay valid
        for (TermBlock block : blocks) {
            int first = block.firstLine() - 1;
            int count = block.lineCount();
            if (first + count > lines.size()) continue;
            boolean crlf = lines.get(first).endsWith("\r");
            String prefix = stripCr(lines.get(first)).substring(0, Math.min(block.offset(0), stripCr(lines.get(first)).length()));
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < count; i++) {
                String line = stripCr(lines.get(first + i));
                content.append(line, Math.min(block.offset(i), line.length()), line.length()).append('\n');
            }
            String original = content.toString();
            String formatted = formatBlock(original);
            if (formatted.equals(original)) continue;
            List<String> replacement = new ArrayList<>();
            for (String line : formatted.split("\n", -1)) {
                String full = line.isEmpty() ? prefix.stripTrailing() : prefix + line;
                replacement.add(crlf ? full + "\r" : full);
            }
            if (!replacement.isEmpty() && replacement.getLast().strip().isEmpty()) replacement.removeLast();
            List<String> target = lines.subList(first, first + count);
            target.clear();
            target.addAll(replacement);
        }
        return String.join("\n", lines);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean parses(String text) {
        int[] errors = {0};
        BaseErrorListener counting = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
                                    RecognitionException e) {
                errors[0]++;
            }
        };
        TreatyLexer lexer = new TreatyLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(counting);
        TreatyParser parser = new TreatyParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(counting);
        if (!withinNesting(text)) return false;
        parser.block();
        return errors[0] == 0;
    }

    /** The parser recurses per level: a block past the reader's nesting limit is not formatted (the reader reports it). */
    private static boolean withinNesting(String text) {
        int depth = 0;
        int nots = 0;
        for (Token token : tokens(CharStreams.fromString(text))) {
            switch (token.getType()) {
                case TreatyLexer.LPAREN, TreatyLexer.LBRACKET, TreatyLexer.LBRACE -> depth++;
                case TreatyLexer.RPAREN, TreatyLexer.RBRACKET, TreatyLexer.RBRACE -> depth = Math.max(0, depth - 1);
                case TreatyLexer.NOT -> nots++;
                case TreatyLexer.NEWLINE, TreatyLexer.SEMI -> nots = 0;
                default -> {
                }
            }
            if (depth + nots > Limits.NESTING_DEPTH_MAX) return false;
        }
        return true;
    }

    private static List<Token> tokens(CharStream input) {
        TreatyLexer lexer = new TreatyLexer(input);
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) tokens.add(token);
        return tokens;
    }

    /** The comment (from {@code //} to the end of the line) between two tokens, or "" (the lexer skips comments). */
    private static String commentBetween(CharStream input, int from, int to) {
        if (to < from) return "";
        String gap = input.getText(Interval.of(from, to));
        int start = gap.indexOf("//");
        return start < 0 ? "" : gap.substring(start).stripTrailing();
    }

    private static String layout(String text) {
        CharStream input = CharStreams.fromString(text);
        List<Token> tokens = tokens(input);
        Layout out = new Layout();
        int previousStop = -1;
        for (Token token : tokens) {
            String comment = commentBetween(input, previousStop + 1, token.getStartIndex() - 1);
            if (!comment.isEmpty()) out.comment(comment);
            previousStop = token.getStopIndex();
            out.token(token);
        }
        String trailing = commentBetween(input, previousStop + 1, input.size() - 1);
        if (!trailing.isEmpty()) out.comment(trailing);
        return out.text();
    }

    /** The text being laid out, line by line. */
    private static final class Layout {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int depth;
        private int pendingBreaks;        // line ends seen since the last word; 2 or more keeps one blank line
        private Token last;               // the last word written, null at a line's start
        private boolean justOpened;       // the last word was an opening brace

        void token(Token token) {
            int type = token.getType();
            if (type == TreatyLexer.NEWLINE || type == TreatyLexer.SEMI) {
                if (!justOpened) pendingBreaks++;     // no blank line just inside a brace
                last = null;
                return;
            }
            boolean closer = type == TreatyLexer.RBRACE || type == TreatyLexer.RBRACKET || type == TreatyLexer.RPAREN;
            if (type == TreatyLexer.RBRACE) pendingBreaks = line.length() > 0 || pendingBreaks > 0 ? 1 : 0;   // nor just before one
            if (closer) depth = Math.max(0, depth - 1);
            if (pendingBreaks > 0 && (line.length() > 0 || !lines.isEmpty())) breakLine();
            pendingBreaks = 0;
            if (line.length() == 0) {
                line.append(INDENT.repeat(depth));
            } else if (spaceBefore(last, token)) {
                line.append(' ');
            }
            line.append(token.getText());
            last = token;
            if (type == TreatyLexer.LBRACE || type == TreatyLexer.LBRACKET || type == TreatyLexer.LPAREN) depth++;
            justOpened = type == TreatyLexer.LBRACE;
            if (justOpened) pendingBreaks = 1;
        }

        void comment(String comment) {
            if (last != null && line.length() > 0) {
                line.append(' ').append(comment);     // trails the words of its line
                return;
            }
            if (line.length() > 0 || !lines.isEmpty()) breakLine();
            pendingBreaks = 0;
            justOpened = false;
            line.append(INDENT.repeat(depth)).append(comment);
        }

        private void breakLine() {
            lines.add(line.toString());
            line.setLength(0);
            if (pendingBreaks > 1 && !lines.getLast().isEmpty()) lines.add("");
        }

        private static boolean spaceBefore(Token previous, Token token) {
            if (previous == null) return true;
            int before = previous.getType();
            int type = token.getType();
            if (before == TreatyLexer.LPAREN || before == TreatyLexer.LBRACKET) return false;
            return type != TreatyLexer.COMMA && type != TreatyLexer.COLON && type != TreatyLexer.RPAREN
                    && type != TreatyLexer.RBRACKET;
        }

        String text() {
            if (line.length() > 0) lines.add(line.toString());
            while (!lines.isEmpty() && lines.getLast().isBlank()) lines.removeLast();
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }
    }

    /**
     * Whether two texts of a block say the same: the same words in the same order, the same
     * statement breaks (a run of line ends or semicolons is one break; those just inside braces
     * and inside brackets, which the grammar ignores, do not count) and the same comments.
     */
    static boolean sameMeaning(String original, String formatted) {
        return normalized(original).equals(normalized(formatted));
    }

    private static final String OPEN_BRACE = TreatyLexer.LBRACE + ":{";

    private static List<String> normalized(String text) {
        CharStream input = CharStreams.fromString(text);
        List<String> words = new ArrayList<>();
        int brackets = 0;
        int previousStop = -1;
        for (Token token : tokens(input)) {
            String comment = commentBetween(input, previousStop + 1, token.getStartIndex() - 1);
            if (!comment.isEmpty()) words.add(comment);
            previousStop = token.getStopIndex();
            int type = token.getType();
            if (type == TreatyLexer.LBRACKET) brackets++;
            if (type == TreatyLexer.RBRACKET) brackets = Math.max(0, brackets - 1);
            boolean separator = type == TreatyLexer.NEWLINE || type == TreatyLexer.SEMI;
            if (separator) {
                if (brackets > 0 || words.isEmpty() || words.getLast().equals(";") || words.getLast().equals(OPEN_BRACE)) continue;
                words.add(";");
                continue;
            }
            if (type == TreatyLexer.RBRACE && !words.isEmpty() && words.getLast().equals(";")) words.removeLast();
            words.add(type + ":" + token.getText());
        }
        String trailing = commentBetween(input, previousStop + 1, input.size() - 1);
        if (!trailing.isEmpty()) words.add(trailing);
        while (!words.isEmpty() && words.getLast().equals(";")) words.removeLast();
        return words;
    }
}
