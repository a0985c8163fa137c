package dev.treaty.model.time;

import dev.treaty.model.term.Term;

/** A term of a consolidated agreement, with the clause that states it and where that came from. */
public record TermInForce(Term term, ClauseInForce clause) {

    public Provenance provenance() {
        return clause.provenance();
    }
}
