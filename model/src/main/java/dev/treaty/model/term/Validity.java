package dev.treaty.model.term;

import dev.treaty.model.value.DateWindow;

import java.util.Optional;

/**
 * When a term applies: inside its date window (both ends inclusive), and subject to its
 * conditions: it ends {@code until} a condition holds, does not apply while an {@code unless}
 * condition holds, starts only {@code after} a condition holds, and applies only while an
 * {@code if} condition holds (typically a yes/no reading of the record, an assumption).
 */
public record Validity(DateWindow window, Optional<Condition> until, Optional<Condition> unless,
                       Optional<Condition> after, Optional<Condition> onlyIf) {

    public static final Validity ALWAYS = new Validity(DateWindow.ALWAYS, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** Every condition of the validity, in the order they are written. */
    public java.util.List<Condition> conditions() {
        return java.util.stream.Stream.of(until, unless, after, onlyIf).flatMap(Optional::stream).toList();
    }

    void describe(Attributes attributes) {
        window.from().ifPresent(from -> attributes.put("from", from));
        window.through().ifPresent(through -> attributes.put("through", through));
        until.ifPresent(c -> attributes.put("until", c));
        unless.ifPresent(c -> attributes.put("unless", c));
        after.ifPresent(c -> attributes.put("after", c));
        onlyIf.ifPresent(c -> attributes.put("if", c));
    }
}
