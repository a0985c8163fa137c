package dev.treaty.report;

/** Escaping for the report: text and attribute values. */
final class Html {

    private Html() {
    }

    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String attr(String text) {
        return text(text).replace("\"", "&quot;");
    }

    /** An id usable in a URL fragment: letters, digits and '-' only. */
    static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9-]+", "-");
    }
}
