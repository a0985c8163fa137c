package dev.treaty.model;

import dev.treaty.language.SourcePosition;
import dev.treaty.model.value.ClauseId;

import java.util.Optional;

/**
 * What an amendment does to one clause: replace it with, or add, {@code clause}; or strike the
 * clause {@code target} with its sub-clauses.
 */
public record ClauseOperation(Kind kind, ClauseId target, Optional<Clause> clause, SourcePosition at) {

    public enum Kind { REPLACE, ADD, STRIKE }

    public ClauseOperation {
        if ((kind == Kind.STRIKE) == clause.isPresent()) {
            throw new IllegalArgumentException(kind + " with clause present: " + clause.isPresent());
        }
    }
}
