package dev.treaty.model.value;

import dev.treaty.language.Limits;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A clause number such as {@code 4.2}. Ordered by its numeric parts, so 4.10 comes after 4.9
 * and 10 after 9.
 */
public final class ClauseId implements Comparable<ClauseId> {

    private static final Pattern SHAPE = Pattern.compile("\\d+(\\.\\d+)*");
    /** Clause numbers deeper than this are not plausible in a real document. */

    private final int[] parts;

    private ClauseId(int[] parts) {
        this.parts = parts;
    }

    /** Returns whether {@code text} is a well-formed clause id. */
    public static boolean isValid(String text) {
        if (!SHAPE.matcher(text).matches()) return false;
        String[] pieces = text.split("\\.");
        if (pieces.length > Limits.CLAUSE_NUMBER_PARTS_MAX) return false;
        for (String piece : pieces) {
            if (piece.length() > 9) return false;
        }
        return true;
    }

    public static ClauseId parse(String text) {
        if (!isValid(text)) throw new IllegalArgumentException("not a clause id: " + text);
        return new ClauseId(Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    /** Whether this clause is {@code other} or one of its sub-clauses (4.2.1 is within 4.2). */
    public boolean isWithin(ClauseId other) {
        if (parts.length < other.parts.length) return false;
        for (int i = 0; i < other.parts.length; i++) {
            if (parts[i] != other.parts[i]) return false;
        }
        return true;
    }

    @Override
    public int compareTo(ClauseId other) {
        return Arrays.compare(parts, other.parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClauseId c && Arrays.equals(parts, c.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return Arrays.stream(parts).mapToObj(Integer::toString).collect(Collectors.joining("."));
    }
}
