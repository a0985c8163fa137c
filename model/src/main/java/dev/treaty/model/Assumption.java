package dev.treaty.model;

import dev.treaty.language.SourcePosition;
import dev.treaty.model.value.Quantity;

/**
 * A figure the public record lacks, named and labelled with its basis, so that every number
 * derived from it can say so; the command line may override it ({@code --assume name=value}).
 */
public record Assumption(String name, Quantity value, String basis, SourcePosition at, boolean overridden) {

    @Override
    public String toString() {
        return "$" + name + " = " + value + " (" + basis + ")";
    }
}
