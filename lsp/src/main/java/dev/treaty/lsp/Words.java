package dev.treaty.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Where words start and end on a line of an agreement, as the term grammar spells names, numbers and references. */
final class Words {

    private Words() {
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == '.' || c == '%';
    }

    /** The end (exclusive) of the word starting at {@code start}; one character on when none starts there. */
    static int endOfWord(String line, int start) {
        if (start >= line.length()) return start;
        int end = start;
        if (line.charAt(end) == '"') {
            end = line.indexOf('"', start + 1);
            return end < 0 ? line.length() : end + 1;
        }
        while (end < line.length() && isWordChar(line.charAt(end))) end++;
        return end == start ? start + 1 : end;
    }

    /** The start of the word that ends at {@code end} (exclusive). */
    static int startOfWord(String line, int end) {
        int start = Math.min(end, line.length());
        while (start > 0 && isWordChar(line.charAt(start - 1))) start--;
        return start;
    }

    static Range range(Occurrence occurrence) {
        return new Range(new Position(occurrence.line(), occurrence.start()), new Position(occurrence.line(), occurrence.end()));
    }

    /** One edit that turns {@code before} into {@code after}, replacing only the lines between their common beginning and end. */
    static org.eclipse.lsp4j.TextEdit changedLines(String before, String after) {
        String[] old = before.split("\n", -1);
        String[] now = after.split("\n", -1);
        int head = 0;
        while (head < old.length && head < now.length && old[head].equals(now[head])) head++;
        int tail = 0;
        while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail].equals(now[now.length - 1 - tail])) tail++;
        StringBuilder replacement = new StringBuilder();
        for (int i = head; i < now.length - tail; i++) replacement.append(now[i]).append('\n');
        return new org.eclipse.lsp4j.TextEdit(new Range(new Position(head, 0), new Position(old.length - tail, 0)), replacement.toString());
    }
}
