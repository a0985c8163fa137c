package dev.treaty.language;

import dev.treaty.language.grammar.TreatyLexer;

import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns ANTLR's parser messages into ones a contract author can act on: what was unexpected,
 * what would have fitted there (in the author's words, the keywords grouped: "a term kind such as
 * revenue-share, licence, …"), and the nearest keyword when the word looks like a typo of one.
 * Every keyword is also a name (soft keywords), so where a name fits the list says "a name"
 * instead of every keyword.
 */
final class SyntaxMessages {

    /** Alternatives listed one by one up to this many; more are summarised. */
    private static final int EXPECTED_SHOWN_MAX = 8;
    /** A word this many edits or fewer from a keyword is probably that keyword mistyped. */
    private static final int TYPO_EDITS_MAX = 3;
    private static final Pattern EXPECTING = Pattern.compile("(.*) expecting \\{?(.*?)\\}?$");

    static final List<String> TERM_KINDS = List.of("revenue-share", "licence", "cloud-exclusivity", "first-ship",
            "release-permission", "right-of-first-refusal", "stake", "purchase-commitment", "penalty", "instalment-sale", "computed");
    private static final List<String> STATEMENTS = List.of("agreement", "amendment", "clarification", "assumptions", "party",
            "signed", "effective", "kind", "unit", "cloud", "replace", "add", "strike", "assume", "event");
    static final List<String> ATTRIBUTES = List.of("payer", "payee", "licensor", "licensee", "holder", "issuer", "purchaser",
            "provider", "grantor", "owner", "rate", "tiers", "bands", "base", "products", "period", "from", "through", "cap", "minimum",
            "advance", "due", "instalments", "currency", "rounding", "covers", "excludes", "exclusive", "non-exclusive", "subjects",
            "cloud", "clouds", "segments", "except", "exception", "until", "unless", "after", "if", "withdraws", "response",
            "percentage", "valued", "amount", "subject", "deadline", "price", "interest", "termination", "paid", "escalation");

    private SyntaxMessages() {
    }

    static String rewrite(String message, Token offending) {
        return rewrite(message, offending, List.of());
    }

    /**
     * @param expected the display names of the tokens that would have fitted ("'rate'", "IDENT"),
     *                 from the parser; empty when unknown
     */
    static String rewrite(String message, Token offending, List<String> expected) {
        if (message.startsWith("token recognition error at: ")) {
            return "unexpected character " + message.substring("token recognition error at: ".length());
        }
        if (offending != null && offending.getType() == Token.EOF) {
            return "the block ends too soon: is a closing '}' or ']' missing, or a value?";
        }
        if (offending != null && offending.getType() == TreatyLexer.UNTERMINATED_STRING) {
            return "this string is not closed: a '\"' is missing before the end of the line";
        }
        String found = offending == null ? null : describe(offending);
        List<String> alternatives = new ArrayList<>(expected);
        Matcher expecting = EXPECTING.matcher(message);
        if (alternatives.isEmpty() && expecting.matches()) alternatives.addAll(List.of(expecting.group(2).split(", ")));
        if (message.startsWith("missing ")) {
            return message.replace("NEWLINE", "end of line").replace(" at ", " before ");
        }
        String head = found != null ? "unexpected " + found : expecting.matches() ? expecting.group(1) : message;
        if (alternatives.isEmpty()) return head;
        return head + "; " + fits(alternatives) + typo(offending, alternatives);
    }

    /** What would have fitted, grouped and in words. */
    private static String fits(List<String> alternatives) {
        Set<String> words = new LinkedHashSet<>();
        for (String alternative : alternatives) words.add(friendly(alternative));
        boolean name = words.contains("a name");
        if (name) words.removeIf(SyntaxMessages::isKeyword);     // every keyword is a name too
        List<String> parts = new ArrayList<>();
        if (words.containsAll(TERM_KINDS)) {
            words.removeAll(TERM_KINDS);
            parts.add("a term (" + String.join(", ", TERM_KINDS) + ")");
            List<String> statements = STATEMENTS.stream().filter(words::remove).toList();
            if (!statements.isEmpty()) parts.add("a statement (" + String.join(", ", statements) + ")");
        }
        List<String> attributes = ATTRIBUTES.stream().filter(words::contains).toList();
        if (attributes.size() > EXPECTED_SHOWN_MAX) {
            words.removeAll(attributes);
            parts.add("an attribute (" + String.join(", ", attributes) + ")");
        }
        List<String> rest = new ArrayList<>(words);
        if (rest.size() > EXPECTED_SHOWN_MAX) {
            parts.add(String.join(", ", rest.subList(0, EXPECTED_SHOWN_MAX)) + " or " + (rest.size() - EXPECTED_SHOWN_MAX) + " more");
        } else {
            parts.addAll(rest);
        }
        return "expected " + joinOr(parts);
    }

    private static String joinOr(List<String> parts) {
        if (parts.size() <= 1) return String.join("", parts);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    /** "; did you mean 'revenue-share'?" when the word is a few edits from a keyword that fits. */
    private static String typo(Token offending, List<String> alternatives) {
        if (offending == null || offending.getText() == null) return "";
        String word = offending.getText();
        if (!word.matches("[\\p{L}_][\\p{L}\\p{N}_-]*")) return "";
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String alternative : alternatives) {
            String keyword = friendly(alternative);
            if (keyword.equals(word) || !keyword.matches("[a-z-]+")) continue;
            int distance = distance(word, keyword);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = keyword;
            }
        }
        return best != null && bestDistance <= Math.min(TYPO_EDITS_MAX, Math.max(1, word.length() / 3))
                ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance, for short words only. */
    static int distance(String a, String b) {
        return Spelling.distance(a, b);
    }

    private static boolean isKeyword(String word) {
        return word.matches("[a-z][a-z-]*") && !word.equals("a name");
    }

    /** A token name as a contract author would say it. */
    private static String friendly(String expected) {
        String name = expected.strip();
        if (name.startsWith("'") && name.endsWith("'") && name.length() > 2) {
            String literal = name.substring(1, name.length() - 1);
            return literal.equals("\\n") ? "end of line" : literal.matches("[a-z-]+") ? literal : "'" + literal + "'";
        }
        return switch (name) {
            case "NEWLINE" -> "end of line";
            case "CLAUSE_NUMBER" -> "a clause number";
            case "NUMBER" -> "a number";
            case "DATE" -> "a date";
            case "PERCENT" -> "a percentage";
            case "STRING" -> "a quoted string";
            case "IDENT" -> "a name";
            case "ASSUMPTION_REF" -> "an assumption ($name)";
            case "<EOF>" -> "end of block";
            default -> name.matches("[A-Z][A-Z_]*") ? name.toLowerCase(java.util.Locale.ROOT).replace('_', '-') : name;
        };
    }

    private static String describe(Token token) {
        if (token.getType() == Token.EOF) return "end of block";
        String text = token.getText();
        if (text == null) return "input";
        if (text.equals("\n") || text.equals("\r\n")) return "end of line";
        return "'" + text + "'";
    }
}
