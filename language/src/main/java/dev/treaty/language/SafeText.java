package dev.treaty.language;

/**
 * Text from files and facts made safe to show on a terminal: control characters (but tab, line
 * feed and carriage return), and the invisible characters that reorder or hide text (bidi
 * overrides and isolates, zero-width marks, a byte-order mark inside a line), are shown as
 * {@code \\u202E}. A name in a fact cannot then rewrite what a terminal shows, or hide a word.
 */
public final class SafeText {

    private SafeText() {
    }

    /** Whether {@code c} is shown escaped. */
    public static boolean isUnsafe(char c) {
        if (c == '\t' || c == '\n' || c == '\r') return false;
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return true;
        return c == 0x061c || c == 0x200b || c == 0x200c || c == 0x200d || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
    }

    /** {@code text} with every unsafe character escaped; the same string when there is none. */
    public static String escape(String text) {
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) return text;
        StringBuilder safe = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) safe.append(String.format("\\u%04X", (int) c));
            else safe.append(c);
        }
        return safe.toString();
    }
}
