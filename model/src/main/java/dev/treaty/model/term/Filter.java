package dev.treaty.model.term;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A condition on the fields of a revenue line or a product: {@code kind in [api, stateless-api]
 * and cloud = azure}. Field names are those of {@link #FIELDS}. A {@code kind} test respects the
 * declared {@link ProductKinds}: {@code kind = api} matches a stateless API when
 * {@code stateless-api is api}. A yes/no assumption ({@code $azure-first-covers-non-api}) may
 * stand as an atom, so a reading of the record can widen or narrow a filter.
 */
public sealed interface Filter {

    /** The fields a filter may test. */
    Set<String> FIELDS = Set.of("product", "kind", "category", "cloud", "region", "segment");

    /** {@code field in [a, b]}, {@code field = a}; negated for {@code not in} and {@code !=}. */
    record In(String field, SortedSet<String> values, boolean negated) implements Filter {
        public In {
            field = field.intern();         // compared with the few field names a decision knows, millions of times
            values = new TreeSet<>(values);
        }

        @Override
        public String toString() {
            if (values.size() == 1) return field + (negated ? " != " : " = ") + values.first();
            return field + (negated ? " not in " : " in ") + values;
        }
    }

    /** A yes/no assumption, resolved when the term was built. */
    record Assumed(String name, boolean value) implements Filter {
        @Override
        public String toString() {
            return "$" + name;
        }
    }

    record Not(Filter operand) implements Filter {
        @Override
        public String toString() {
            return "not " + wrap(operand);
        }
    }

    record And(Filter left, Filter right) implements Filter {
        @Override
        public String toString() {
            return wrap(left) + " and " + wrap(right);
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        @Override
        public String toString() {
            return wrap(left) + " or " + wrap(right);
        }
    }

    private static String wrap(Filter filter) {
        return filter instanceof And || filter instanceof Or ? "(" + filter + ")" : filter.toString();
    }

    /**
     * Tests the filter against field values; a missing field has no value and is in no set. A
     * kind is in a set when it or a kind above it is.
     */
    default boolean matches(Function<String, String> field, ProductKinds kinds) {
        // instanceof tests rather than a pattern switch: a gate asks this for every rule of every
        // decision, and the switch's type dispatch cost more than the test itself
        if (this instanceof In in) {
            String value = field.apply(in.field());
            boolean member = value != null && (in.field().equals("kind") ? kinds.isAny(value, in.values())
                    : in.values().contains(value));
            return member != in.negated();
        }
        if (this instanceof Assumed assumed) return assumed.value();
        if (this instanceof Not not) return !not.operand().matches(field, kinds);
        if (this instanceof And and) return and.left().matches(field, kinds) && and.right().matches(field, kinds);
        Or or = (Or) this;
        return or.left().matches(field, kinds) || or.right().matches(field, kinds);
    }

    /**
     * Whether some line could match both filters. Conservative: answers {@code false} only when
     * both are conjunctions that require disjoint values of one field.
     */
    static boolean mayOverlap(Filter a, Filter b, ProductKinds kinds) {
        Map<String, Set<String>> required = new HashMap<>();
        return collectRequired(a, required, kinds) && collectRequired(b, required, kinds);
    }

    /**
     * Intersects the positive {@code in} sets of a conjunction into {@code required}; false when
     * one empties. A kind stands for itself and every kind below it.
     */
    private static boolean collectRequired(Filter filter, Map<String, Set<String>> required, ProductKinds kinds) {
        switch (filter) {
            case Assumed assumed when !assumed.value() -> {
                return false;
            }
            case In in when !in.negated() -> {
                Set<String> allowed = required.get(in.field());
                Set<String> next = new HashSet<>();
                for (String value : in.values()) next.addAll(in.field().equals("kind") ? kinds.descendants(value) : Set.of(value));
                if (allowed != null) next.retainAll(allowed);
                required.put(in.field(), next);
                return !next.isEmpty();
            }
            case And and -> {
                return collectRequired(and.left(), required, kinds) && collectRequired(and.right(), required, kinds);
            }
            default -> {
                return true;
            }
        }
    }
}
