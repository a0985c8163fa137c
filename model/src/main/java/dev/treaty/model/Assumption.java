package dev.treaty.model;

import dev.treaty.language.SourcePosition;
import dev.treaty.model.value.Quantity;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A figure or a reading the public record lacks, named and labelled with its basis, so that every
 * answer derived from it can say so; the command line may override it ({@code --assume name=value}).
 *
 * @param publicSince the day the figure became public (a press report, a filing); asked as known
 *                    before it, an answer says the figure was not known then and that it used
 *                    this one anyway. Empty when the figure is a pure assumption.
 */
public record Assumption(String name, Quantity value, String basis, SourcePosition at, boolean overridden,
                         Optional<LocalDate> publicSince) {

    public Assumption(String name, Quantity value, String basis, SourcePosition at, boolean overridden) {
        this(name, value, basis, at, overridden, Optional.empty());
    }

    /** Whether the figure was public on {@code knownAt} (always, when it has no public date). */
    public boolean isPublicOn(LocalDate knownAt) {
        return publicSince.map(since -> !knownAt.isBefore(since)).orElse(true);
    }

    /**
     * The assumption as it stood on {@code knownAt}: unchanged if its figure was public by then;
     * otherwise its basis says the figure was not yet public and is used for want of another.
     */
    public Assumption asKnownOn(LocalDate knownAt) {
        if (isPublicOn(knownAt)) return this;
        return new Assumption(name, value, basis + "; not yet public as known on " + knownAt + " (public since "
                + publicSince.orElseThrow() + "): the later figure is used for want of another", at, overridden, publicSince);
    }

    @Override
    public String toString() {
        return "$" + name + " = " + value + " (" + basis + ")";
    }
}
