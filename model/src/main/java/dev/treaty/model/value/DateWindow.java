package dev.treaty.model.value;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of days, both ends inclusive; either end may be open. {@code from 2019-07-22 through
 * 2030-12-31} contains both of those days.
 */
public record DateWindow(Optional<LocalDate> from, Optional<LocalDate> through) {

    public static final DateWindow ALWAYS = new DateWindow(Optional.empty(), Optional.empty());

    public DateWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(through, "through");
        if (from.isPresent() && through.isPresent() && from.get().isAfter(through.get())) {
            throw new IllegalArgumentException("from after through: " + from.get() + " > " + through.get());
        }
    }

    public static DateWindow between(LocalDate fromInclusive, LocalDate throughInclusive) {
        return new DateWindow(Optional.ofNullable(fromInclusive), Optional.ofNullable(throughInclusive));
    }

    public boolean contains(LocalDate date) {
        // no lambdas: every decision asks this of every term it weighs
        return (from.isEmpty() || !date.isBefore(from.get())) && (through.isEmpty() || !date.isAfter(through.get()));
    }

    public boolean overlaps(DateWindow other) {
        boolean startsBeforeOtherEnds = from.isEmpty() || other.through.isEmpty() || !from.get().isAfter(other.through.get());
        boolean otherStartsBeforeThisEnds = other.from.isEmpty() || through.isEmpty() || !other.from.get().isAfter(through.get());
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public boolean isAlways() {
        return from.isEmpty() && through.isEmpty();
    }

    /** "from 2019-07-22 through 2030-12-31", "through 2032-12-31", or "always". */
    @Override
    public String toString() {
        if (isAlways()) return "always";
        StringBuilder text = new StringBuilder();
        from.ifPresent(f -> text.append("from ").append(f));
        through.ifPresent(t -> text.append(text.isEmpty() ? "" : " ").append("through ").append(t));
        return text.toString();
    }
}
