package dev.treaty.language;

import dev.treaty.language.grammar.TreatyLexer;
import dev.treaty.language.grammar.TreatyParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code *.treaty.md} file: splits it into clauses at numbered headings and parses each
 * {@code ```treaty} block with the term grammar. Never throws on bad input.
 */
public final class LiterateReader {

    /** "4.2 Revenue share", "§ 4.2 Revenue share", "Section 4.2. Revenue share". */
    private static final Pattern CLAUSE_HEADING =
            Pattern.compile("^(?:§\\s*|Section\\s+|Clause\\s+)?(\\d+(?:\\.\\d+)*)\\.?(?:\\s+(.*))?$");

    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private LiterateReader() {
    }

    public static LiterateDocument read(Path path, String text, Diagnostics diagnostics) {
        SourceText source = SourceText.of(path, text);
        if (text.length() > Limits.SOURCE_CHARS_MAX) {
            diagnostics.error(SourcePosition.of(path, 1, 1), "",
                    "file is " + text.length() + " characters; the limit is " + Limits.SOURCE_CHARS_MAX);
            return new LiterateDocument(source, "", "", List.of(), List.of(), "");
        }
        if (tooDeep(path, text, diagnostics)) return new LiterateDocument(source, "", "", List.of(), List.of(), "");
        return new Reading(source, diagnostics).read(MARKDOWN.parse(text));
    }

    /**
     * Whether a line nests quotes and lists deeper than {@link Limits#MARKDOWN_NESTING_MAX}
     * (reported): checked before the Markdown is parsed, since its parser recurses per level.
     */
    private static boolean tooDeep(Path path, String text, Diagnostics diagnostics) {
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            int depth = 0;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                } else if (c == '>') {
                    depth++;
                    i++;
                } else if ((c == '-' || c == '*' || c == '+') && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                    depth++;
                    i += 2;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < line.length() && j - i < 9 && Character.isDigit(line.charAt(j))) j++;
                    if (j + 1 < line.length() && (line.charAt(j) == '.' || line.charAt(j) == ')') && line.charAt(j + 1) == ' ') {
                        depth++;
                        i = j + 2;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
                if (depth > Limits.MARKDOWN_NESTING_MAX) {
                    diagnostics.error(SourcePosition.of(path, lineNumber, i), "", "quotes and lists nested more than "
                            + Limits.MARKDOWN_NESTING_MAX + " deep (the limit MARKDOWN_NESTING_MAX); the file was not read further");
                    return true;
                }
            }
        }
        return false;
    }

    /** Parses a standalone expression (a command-line value) with the term grammar. */
    public static TreatyParser.StandaloneExprContext parseExpression(String text, Path origin,
                                                                      Diagnostics diagnostics) {
        boolean withinLimits = withinLimits(text, origin, new int[]{1}, new int[]{0}, diagnostics, "");
        TreatyParser parser = parser(withinLimits ? text : "0", origin, new int[]{1}, new int[]{0}, diagnostics, "");
        return parser.standaloneExpr();
    }

    /**
     * Lexes a block (the lexer does not recurse) and checks, statement by statement, its nesting
     * ({@link Limits#NESTING_DEPTH_MAX}) and its operators ({@link Limits#OPERATORS_PER_STATEMENT_MAX})
     * before the parser, which recurses per level, sees it. Reports the first breach at its token.
     */
    private static boolean withinLimits(String text, Path file, int[] fileLines, int[] offsets, Diagnostics diagnostics, String context) {
        TreatyLexer lexer = new TreatyLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        int depth = 0;
        int nots = 0;
        int operators = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            String problem = null;
            switch (token.getType()) {
                case TreatyLexer.LPAREN, TreatyLexer.LBRACKET, TreatyLexer.LBRACE -> {
                    if (++depth + nots > Limits.NESTING_DEPTH_MAX) problem = "nested more than " + Limits.NESTING_DEPTH_MAX
                            + " deep (the limit NESTING_DEPTH_MAX)";
                }
                case TreatyLexer.RPAREN, TreatyLexer.RBRACKET, TreatyLexer.RBRACE -> depth = Math.max(0, depth - 1);
                case TreatyLexer.NOT -> {
                    if (++nots + depth > Limits.NESTING_DEPTH_MAX) problem = "'not' nested more than " + Limits.NESTING_DEPTH_MAX
                            + " deep (the limit NESTING_DEPTH_MAX)";
                    operators++;
                }
                case TreatyLexer.PLUS, TreatyLexer.MINUS, TreatyLexer.STAR, TreatyLexer.SLASH, TreatyLexer.AND, TreatyLexer.OR -> operators++;
                case TreatyLexer.NEWLINE, TreatyLexer.SEMI -> {
                    if (depth == 0) operators = 0;     // a new statement (inside braces, a new attribute)
                    nots = 0;
                }
                default -> nots = token.getType() == TreatyLexer.LPAREN ? nots : 0;
            }
            if (problem == null && operators > Limits.OPERATORS_PER_STATEMENT_MAX) {
                problem = "more than " + Limits.OPERATORS_PER_STATEMENT_MAX + " operators in one statement (the limit OPERATORS_PER_STATEMENT_MAX)";
            }
            if (problem != null) {
                int index = Math.max(0, Math.min(token.getLine() - 1, fileLines.length - 1));
                diagnostics.error(SourcePosition.of(file, fileLines[index], offsets[index] + token.getCharPositionInLine() + 1), context,
                        problem + "; the block was not read further");
                return false;
            }
        }
        return true;
    }

    /**
     * The position map for a value given on the command line, which is one line of its own;
     * positions in it print as {@code origin:1:col}. Its block tree is empty.
     */
    public static TermBlock expressionBlock(Path origin) {
        return new TermBlock(origin, new int[]{1}, new int[]{0}, null);
    }

    private static TreatyParser parser(String text, Path file, int[] fileLines, int[] offsets,
                                       Diagnostics diagnostics, String context) {
        TreatyLexer lexer = new TreatyLexer(CharStreams.fromString(text));
        TreatyParser parser = new TreatyParser(new CommonTokenStream(lexer));
        CollectingListener listener = new CollectingListener(file, fileLines, offsets, diagnostics, context);
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        return parser;
    }

    /** The dots in the number a heading starts with ("1.2.3 Title" has two). */
    private static int dots(String heading) {
        int dots = 0;
        int start = heading.startsWith("§") ? 1 : heading.startsWith("Section ") ? 8 : heading.startsWith("Clause ") ? 7 : 0;
        for (int i = start; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if (c == '.') dots++;
            else if (!Character.isDigit(c) && !(c == ' ' && i == start)) break;
        }
        return dots;
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final SourceText source;
        private final Diagnostics diagnostics;
        private String title = "";
        private final List<String> preambleProse = new ArrayList<>();
        private final List<TermBlock> preambleBlocks = new ArrayList<>();
        private final List<SourceClause> clauses = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private OpenClause clause;       // the clause being read, if any
        private boolean inNotes;         // under an unnumbered heading that closed the clause

        Reading(SourceText source, Diagnostics diagnostics) {
            this.source = source;
            this.diagnostics = diagnostics;
        }

        LiterateDocument read(Node document) {
            for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Heading heading) {
                    heading(heading);
                } else if (node instanceof FencedCodeBlock code && isTreaty(code)) {
                    block(code);
                } else if (node instanceof FencedCodeBlock code && isTest(code)) {
                    // expected answers beside the clause, read by treaty test: not the clause's words
                } else {
                    prose(node);
                    nestedBlocks(node);
                }
            }
            closeClause();
            return new LiterateDocument(source, title, String.join("\n\n", preambleProse),
                    preambleBlocks, clauses, String.join("\n\n", notes));
        }

        /** Term blocks inside lists or quotes count too; their text also stays in the prose around them. */
        private void nestedBlocks(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof FencedCodeBlock code && isTreaty(code)) block(code);
                else nestedBlocks(child);
            }
        }

        private void heading(Heading heading) {
            String text = textOf(heading).strip();
            SourcePosition at = positionOf(heading);
            if (heading.getLevel() == 1) {
                closeClause();
                if (title.isEmpty() && clauses.isEmpty()) {
                    title = text;
                } else {
                    diagnostics.warning(at, "", "a second top-level heading '" + text
                            + "'; clauses are headings of level 2 or deeper");
                    inNotes = true;
                }
                return;
            }
            if (dots(text) >= Limits.CLAUSE_NUMBER_PARTS_MAX) {
                // checked before the pattern, which recurses per part
                closeClause();
                diagnostics.error(at, "", "clause number with more than " + Limits.CLAUSE_NUMBER_PARTS_MAX
                        + " parts (the limit CLAUSE_NUMBER_PARTS_MAX)");
                inNotes = true;
                return;
            }
            Matcher numbered = CLAUSE_HEADING.matcher(text);
            if (numbered.matches()) {
                closeClause();
                String clauseTitle = numbered.group(2) == null ? "" : numbered.group(2).strip();
                clause = new OpenClause(numbered.group(1), clauseTitle, heading.getLevel(), at);
                inNotes = false;
            } else if (clause != null && heading.getLevel() > clause.level) {
                clause.prose.add(sourceOf(heading));      // a sub-heading inside the clause's text
            } else {
                closeClause();
                inNotes = true;
                notes.add(sourceOf(heading));
            }
        }

        private void block(FencedCodeBlock code) {
            String context = clause != null ? clause.heading() : "";
            List<SourceSpan> spans = code.getSourceSpans();
            String literal = code.getLiteral();
            String[] lines = literal.split("\n", -1);
            int count = Math.max(1, literal.endsWith("\n") ? lines.length - 1 : lines.length);
            int[] fileLines = new int[count];
            int[] offsets = new int[count];
            int firstContentLine = spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 2;
            for (int i = 0; i < count; i++) {
                fileLines[i] = firstContentLine + i;
                String raw = source.line(fileLines[i]);
                String content = i < lines.length ? lines[i] : "";
                offsets[i] = raw.endsWith(content) ? raw.length() - content.length() : 0;
            }
            // a block nested or chained beyond the limits is reported and read as empty: the parser recurses per level
            boolean withinLimits = withinLimits(literal, source.path(), fileLines, offsets, diagnostics, context);
            TreatyParser parser = parser(withinLimits ? literal : "", source.path(), fileLines, offsets, diagnostics, context);
            TermBlock block = new TermBlock(source.path(), fileLines, offsets, parser.block());
            if (clause != null) {
                clause.blocks.add(block);
            } else if (inNotes) {
                diagnostics.error(block.start(), "", "a term block must sit under a numbered clause"
                        + " heading such as '## 4.2 Revenue share', or before the first heading");
            } else {
                preambleBlocks.add(block);
            }
        }

        private void prose(Node node) {
            String text = sourceOf(node);
            if (clause != null) {
                clause.prose.add(text);
            } else if (inNotes) {
                notes.add(text);
            } else {
                preambleProse.add(text);
            }
        }

        private void closeClause() {
            if (clause != null) {
                clauses.add(new SourceClause(clause.id, clause.title, clause.level, clause.at,
                        String.join("\n\n", clause.prose), clause.blocks));
                clause = null;
            }
        }

        private SourcePosition positionOf(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans.isEmpty()) return SourcePosition.of(source.path(), 1, 1);
            SourceSpan first = spans.get(0);
            return SourcePosition.of(source.path(), first.getLineIndex() + 1, first.getColumnIndex() + 1);
        }

        /** The node's own lines of the file, as written (prose stays Markdown). */
        private String sourceOf(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans.isEmpty()) return "";
            int first = spans.get(0).getLineIndex() + 1;
            int last = spans.get(spans.size() - 1).getLineIndex() + 1;
            StringBuilder text = new StringBuilder();
            for (int line = first; line <= last; line++) {
                if (line > first) text.append('\n');
                text.append(source.line(line));
            }
            return text.toString().strip();
        }
    }

    private static final class OpenClause {
        final String id;
        final String title;
        final int level;
        final SourcePosition at;
        final List<String> prose = new ArrayList<>();
        final List<TermBlock> blocks = new ArrayList<>();

        OpenClause(String id, String title, int level, SourcePosition at) {
            this.id = id;
            this.title = title;
            this.level = level;
            this.at = at;
        }

        String heading() {
            return "clause " + id + (title.isEmpty() ? "" : " " + title);
        }
    }

    private static boolean isTest(FencedCodeBlock code) {
        return code.getInfo() != null && code.getInfo().strip().equals("treaty-test");
    }

    private static boolean isTreaty(FencedCodeBlock code) {
        String info = code.getInfo() == null ? "" : code.getInfo().strip();
        return info.equals("treaty") || info.startsWith("treaty ");
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) text.append(t.getLiteral());
            else if (child instanceof Code c) text.append(c.getLiteral());
            else text.append(textOf(child));
        }
        return text.toString();
    }

    private static boolean startsAttribute(int previous) {
        return previous == dev.treaty.language.grammar.TreatyLexer.NEWLINE || previous == dev.treaty.language.grammar.TreatyLexer.SEMI
                || previous == dev.treaty.language.grammar.TreatyLexer.LBRACE;
    }

    /** Turns ANTLR's syntax errors into diagnostics at file positions. */
    private static final class CollectingListener extends BaseErrorListener {
        private final Path file;
        private final int[] fileLines;
        private final int[] offsets;
        private final Diagnostics diagnostics;
        private final String context;

        CollectingListener(Path file, int[] fileLines, int[] offsets, Diagnostics diagnostics, String context) {
            this.file = file;
            this.fileLines = fileLines;
            this.offsets = offsets;
            this.diagnostics = diagnostics;
            this.context = context;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            int index = Math.max(0, Math.min(line - 1, fileLines.length - 1));
            SourcePosition at = SourcePosition.of(file, fileLines[index],
                    offsets[index] + Math.max(0, charPositionInLine) + 1);
            java.util.List<String> expected = new java.util.ArrayList<>();
            if (recognizer instanceof org.antlr.v4.runtime.Parser parser) {
                try {
                    var vocabulary = parser.getVocabulary();
                    for (int type : parser.getExpectedTokens().toList()) {
                        if (type != Token.EOF) expected.add(vocabulary.getDisplayName(type));
                    }
                    // inside a term's braces a word where an attribute may start: any attribute fits there
                    if (parser.getContext() instanceof dev.treaty.language.grammar.TreatyParser.TermContext && expected.contains("'}'")
                            && offendingSymbol instanceof Token word && word.getTokenIndex() > 0
                            && startsAttribute(parser.getTokenStream().get(word.getTokenIndex() - 1).getType())) {
                        SyntaxMessages.ATTRIBUTES.forEach(a -> expected.add("'" + a + "'"));
                    }
                } catch (RuntimeException unknown) {
                    // the parser cannot say what it expected here; the message says what was unexpected
                }
            }
            diagnostics.error(at, context, SyntaxMessages.rewrite(msg, offendingSymbol instanceof Token t ? t : null, expected));
        }
    }
}
