package dev.treaty.model.term;

import dev.treaty.language.SourcePosition;

import java.util.List;
import java.util.Objects;

/**
 * What every term has: its kind, its name (unique among the terms of its kind in a version), an
 * optional title, where it is written, and the named assumptions its values came from.
 */
public record TermHeader(TermKind kind, String name, String title, SourcePosition at, List<String> assumptions) {

    public TermHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        title = title == null ? "" : title;
        assumptions = List.copyOf(assumptions);
    }

    /** "licence microsoft-ip". */
    public String label() {
        return kind.keyword() + " " + name;
    }
}
