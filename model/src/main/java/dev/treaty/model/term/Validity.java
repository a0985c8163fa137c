package dev.treaty.model.term;

import dev.treaty.model.value.DateWindow;

import java.util.Optional;

/**
 * When a term applies: inside its date window (both ends inclusive), and subject to its
 * conditions on events: it ends {@code until} a condition holds, does not apply while an
 * {@code unless} condition holds, and starts only {@code after} a condition holds.
 */
public record Validity(DateWindow window, Optional<Condition> until, Optional<Condition> unless,
                       Optional<Condition> after) {

    public static final Validity ALWAYS = new Validity(DateWindow.ALWAYS, Optional.empty(), Optional.empty(), Optional.empty());

    void describe(Attributes attributes) {
        window.from().ifPresent(from -> attributes.put("from", from));
        window.through().ifPresent(through -> attributes.put("through", through));
        until.ifPresent(c -> attributes.put("until", c));
        unless.ifPresent(c -> attributes.put("unless", c));
        after.ifPresent(c -> attributes.put("after", c));
    }
}
