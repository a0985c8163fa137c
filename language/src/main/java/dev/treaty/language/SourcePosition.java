package dev.treaty.language;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in a source file: 1-based line and column, as editors and compilers print them.
 *
 * @param file   the file, as the user named it (relative paths stay relative)
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePosition(Path file, int line, int column) implements Comparable<SourcePosition> {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 1) throw new IllegalArgumentException("line < 1: " + line);
        if (column < 1) throw new IllegalArgumentException("column < 1: " + column);
    }

    public static SourcePosition of(Path file, int line, int column) {
        return new SourcePosition(file, line, column);
    }

    /** Prints {@code file:line:col}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    /** Prints {@code file:line}, the form used in provenance. */
    public String toLineString() {
        return file + ":" + line;
    }

    @Override
    public int compareTo(SourcePosition other) {
        int byFile = file.toString().compareTo(other.file.toString());
        if (byFile != 0) return byFile;
        if (line != other.line) return Integer.compare(line, other.line);
        return Integer.compare(column, other.column);
    }
}
