package dev.treaty.model.time;

import dev.treaty.model.Clause;

/** A clause of a consolidated agreement, with where it came from. */
public record ClauseInForce(Clause clause, Provenance provenance) {
}
