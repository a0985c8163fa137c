package dev.treaty.model;

import dev.treaty.language.SourcePosition;
import dev.treaty.model.term.Term;
import dev.treaty.model.value.ClauseId;

import java.util.List;

/**
 * A clause: its id and title from the heading, its prose (Markdown, shown as written) and the
 * formal terms of its term blocks. A clause with no terms is prose that is not formalised.
 */
public record Clause(ClauseId id, String title, String prose, List<Term> terms, SourcePosition at) {

    public Clause {
        terms = List.copyOf(terms);
    }

    /** "clause 4.2 Revenue share". */
    public String heading() {
        return "clause " + id + (title.isEmpty() ? "" : " " + title);
    }
}
