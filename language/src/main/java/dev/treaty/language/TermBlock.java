package dev.treaty.language;

import dev.treaty.language.grammar.TreatyParser;
import org.antlr.v4.runtime.Token;

import java.nio.file.Path;

/**
 * One {@code ```treaty} fenced block, parsed, with the map from its own lines back to the
 * Markdown file's lines and columns.
 */
public final class TermBlock {

    private final Path file;
    private final int[] fileLines;
    private final int[] columnOffsets;
    private final TreatyParser.BlockContext tree;

    TermBlock(Path file, int[] fileLines, int[] columnOffsets, TreatyParser.BlockContext tree) {
        if (fileLines.length == 0) throw new IllegalArgumentException("a block has at least one line");
        this.file = file;
        this.fileLines = fileLines.clone();
        this.columnOffsets = columnOffsets.clone();
        this.tree = tree;
    }

    /** The parse tree; partial where the block had syntax errors (those are already reported). */
    public TreatyParser.BlockContext tree() {
        return tree;
    }

    /** Where the block's first line sits in the file. */
    public SourcePosition start() {
        return SourcePosition.of(file, fileLines[0], columnOffsets[0] + 1);
    }

    /** The file's line of the block's first content line (the line after the opening fence). */
    public int firstLine() {
        return fileLines[0];
    }

    /** How many lines of the file the block's content takes. */
    public int lineCount() {
        return fileLines.length;
    }

    /** How many characters of the file's line come before the block's own text on its {@code index}th line (0-based). */
    public int offset(int index) {
        return columnOffsets[index];
    }

    /** Where a token of this block sits in the Markdown file. */
    public SourcePosition positionOf(Token token) {
        return positionOf(token.getLine(), token.getCharPositionInLine());
    }

    /** Maps a 1-based block line and 0-based block column to the file. */
    SourcePosition positionOf(int blockLine, int blockColumn) {
        int index = Math.max(0, Math.min(blockLine - 1, fileLines.length - 1));
        return SourcePosition.of(file, fileLines[index], columnOffsets[index] + Math.max(0, blockColumn) + 1);
    }
}
