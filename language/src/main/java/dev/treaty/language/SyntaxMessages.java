package dev.treaty.language;

import org.antlr.v4.runtime.Token;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns ANTLR's parser messages into ones a contract author can act on. ANTLR lists every token
 * it could have accepted ("expecting {'agreement', 'amendment', ...}"), which after soft keywords
 * is most of the language; past a handful of alternatives we say only what was unexpected.
 */
final class SyntaxMessages {

    private static final int EXPECTED_SHOWN_MAX = 4;
    private static final Pattern EXPECTING = Pattern.compile("(.*) expecting \\{?(.*?)\\}?$");

    private SyntaxMessages() {
    }

    static String rewrite(String message, Token offending) {
        if (message.startsWith("token recognition error at: ")) {
            return "unexpected character " + message.substring("token recognition error at: ".length());
        }
        if (offending != null && offending.getType() == Token.EOF) {
            return "the block ends too soon: is a closing '}' or ']' missing, or a value?";
        }
        String found = offending == null ? null : describe(offending);
        Matcher expecting = EXPECTING.matcher(message);
        if (expecting.matches()) {
            String[] alternatives = expecting.group(2).split(", ");
            String head = found != null ? "unexpected " + found : expecting.group(1);
            if (alternatives.length <= EXPECTED_SHOWN_MAX) {
                return head + "; expected " + friendly(String.join(" or ", alternatives));
            }
            return head;
        }
        if (message.startsWith("no viable alternative") || message.startsWith("extraneous input")
                || message.startsWith("mismatched input")) {
            return found != null ? "unexpected " + found : message;
        }
        if (message.startsWith("missing ")) {
            return message.replace("NEWLINE", "end of line").replace(" at ", " before ");
        }
        return message;
    }

    /** Token names as a contract author would say them. */
    private static String friendly(String expected) {
        return expected.replace("'\\n'", "end of line").replace("NEWLINE", "end of line")
                .replace("CLAUSE_NUMBER", "a clause number").replace("NUMBER", "a number").replace("DATE", "a date")
                .replace("PERCENT", "a percentage").replace("STRING", "a quoted string").replace("IDENT", "a name")
                .replace("ASSUMPTION_REF", "an assumption ($name)").replace("<EOF>", "end of block");
    }

    private static String describe(Token token) {
        if (token.getType() == Token.EOF) return "end of block";
        String text = token.getText();
        if (text == null) return "input";
        if (text.equals("\n") || text.equals("\r\n")) return "end of line";
        return "'" + text + "'";
    }
}
