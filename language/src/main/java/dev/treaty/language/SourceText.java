package dev.treaty.language;

import java.nio.file.Path;
import java.util.List;

/**
 * The text of one source file split into lines, kept so that diagnostics can print the line
 * they point at with a caret under the column.
 */
public record SourceText(Path path, String text, List<String> lines) {

    public SourceText {
        lines = List.copyOf(lines);
    }

    public static SourceText of(Path path, String text) {
        return new SourceText(path, text, List.of(text.split("\r?\n", -1)));
    }

    /** The 1-based line, or an empty string past the end. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
