package dev.treaty.model.term;

import java.util.Optional;

/**
 * A condition on declared events, as written after {@code until}, {@code unless}, {@code after}
 * and {@code if}: {@code agi verified by expert-panel or agi declared}. Atoms may also be yes/no
 * assumptions.
 */
public sealed interface Condition {

    /** {@code agi declared [by OpenAI]}. */
    record Declared(String event, Optional<String> by) implements Condition {
        @Override
        public String toString() {
            return event + " declared" + by.map(b -> " by " + b).orElse("");
        }
    }

    /** {@code agi verified [by expert-panel]}. */
    record Verified(String event, Optional<String> by) implements Condition {
        @Override
        public String toString() {
            return event + " verified" + by.map(b -> " by " + b).orElse("");
        }
    }

    /** {@code provider declines capabilities}: the first-ship exception. */
    record ProviderDeclines() implements Condition {
        @Override
        public String toString() {
            return "provider declines capabilities";
        }
    }

    /**
     * A yes/no assumption ({@code $national-security-carve-out-survives}), resolved when the term
     * was built: a reading of the record that the public text leaves open.
     */
    record Assumed(String name, boolean value) implements Condition {
        @Override
        public String toString() {
            return "$" + name;
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public String toString() {
            return "not " + wrap(operand);
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public String toString() {
            return wrap(left) + " and " + wrap(right);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public String toString() {
            return wrap(left) + " or " + wrap(right);
        }
    }

    private static String wrap(Condition condition) {
        return condition instanceof And || condition instanceof Or ? "(" + condition + ")" : condition.toString();
    }

    /** Calls {@code visitor} on every atomic condition. */
    default void forEachAtom(java.util.function.Consumer<Condition> visitor) {
        switch (this) {
            case Not not -> not.operand().forEachAtom(visitor);
            case And and -> {
                and.left().forEachAtom(visitor);
                and.right().forEachAtom(visitor);
            }
            case Or or -> {
                or.left().forEachAtom(visitor);
                or.right().forEachAtom(visitor);
            }
            default -> visitor.accept(this);
        }
    }
}
