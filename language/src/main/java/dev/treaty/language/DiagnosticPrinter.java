package dev.treaty.language;

import java.nio.file.Path;
import java.util.Map;

/**
 * Prints diagnostics the way compilers do:
 *
 * <pre>
 * examples/x.treaty.md:14:8: error: rate 120% is over 100%
 *    14 |   rate 120%
 *       |        ^
 *   in clause 4.2 Revenue share
 * </pre>
 */
public final class DiagnosticPrinter {

    /** A source line longer than this is shown as a window around the column. */
    static final int EXCERPT_CHARS_MAX = 120;

    private final Map<Path, SourceText> sources;

    public DiagnosticPrinter(Map<Path, SourceText> sources) {
        this.sources = Map.copyOf(sources);
    }

    public String print(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder(diagnostic.toString()).append('\n');
        SourceText source = sources.get(diagnostic.at().file());
        if (source != null) {
            int lineNumber = diagnostic.at().line();
            String line = source.line(lineNumber).replace('\t', ' ');
            int caretColumn = Math.min(diagnostic.at().column(), line.length() + 1);
            if (line.length() > EXCERPT_CHARS_MAX) {
                // a window of the line around the caret, marked where it is cut
                int from = Math.max(0, Math.min(caretColumn - 1 - EXCERPT_CHARS_MAX / 2, line.length() - EXCERPT_CHARS_MAX));
                int to = Math.min(line.length(), from + EXCERPT_CHARS_MAX);
                String head = from > 0 ? "…" : "";
                caretColumn = caretColumn - from + head.length();
                line = head + line.substring(from, to) + (to < line.length() ? "…" : "");
            }
            String gutter = String.format("%5d | ", lineNumber);
            out.append(gutter).append(line).append('\n');
            out.append(" ".repeat(gutter.length() - 2)).append("| ")
                    .append(" ".repeat(caretColumn - 1)).append("^\n");
        }
        if (!diagnostic.context().isEmpty()) {
            out.append("  in ").append(diagnostic.context()).append('\n');
        }
        return out.toString();
    }
}
