package dev.treaty.lsp;

import java.nio.file.Path;

/**
 * A name where it is declared or used in an agreement folder: {@code party Microsoft}, a term's
 * name, {@code $revenue-share-cap}, a clause number in a heading or after {@code strike}.
 * Lines and columns count from 0, as the protocol does; {@code end} is exclusive.
 *
 * @param detail what the declaration says besides the name (a party's full name, a term's kind and title)
 */
record Occurrence(Kind kind, String name, Path file, int line, int start, int end, boolean declaration, String detail) {

    /** What a name names. {@link #NAME} is a name whose kind only its declaration tells (a filter's value, a currency). */
    enum Kind { PARTY, EVENT, TERM, KIND, CLOUD, UNIT, ASSUMPTION, AGREEMENT, CLAUSE, NAME }

    boolean contains(int line, int character) {
        return this.line == line && character >= start && character <= end;
    }

    /** Whether this occurrence may name what {@code other} names: the same kind, or a name whose kind is open. */
    boolean sameThingAs(Occurrence other) {
        if (!name.equals(other.name)) return false;
        if (kind == other.kind) return true;
        boolean closed = kind == Kind.ASSUMPTION || kind == Kind.CLAUSE || other.kind == Kind.ASSUMPTION || other.kind == Kind.CLAUSE;
        return !closed && (kind == Kind.NAME || other.kind == Kind.NAME);
    }
}
