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
 * and cloud = azure}. Field names are those of {@link #FIELDS}.
 */
public sealed interface Filter {

    /** The fields a filter may test. */
    Set<String> FIELDS = Set.of("product", "kind", "category", "cloud", "region", "segment");

    /** {@code field in [a, b]}, {@code field = a}; negated for {@code not in} and {@code !=}. */
    record In(String field, SortedSet<String> values, boolean negated) implements Filter {
        public In {
            values = new TreeSet<>(values);
        }

        @Override
        public String toString() {
            if (values.size() == 1) return field + (negated ? " != " : " = ") + values.first();
            return field + (negated ? " not in " : " in ") + values;
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

    /** Tests the filter against field values; a missing field has no value and is in no set. */
    default boolean matches(Function<String, String> field) {
        return switch (this) {
            case In in -> {
                String value = field.apply(in.field());
                boolean member = value != null && in.values().contains(value);
                yield member != in.negated();
            }
            case Not not -> !not.operand().matches(field);
            case And and -> and.left().matches(field) && and.right().matches(field);
            case Or or -> or.left().matches(field) || or.right().matches(field);
        };
    }

    /**
     * Whether some line could match both filters. Conservative: answers {@code false} only when
     * both are conjunctions that require disjoint values of one field.
     */
    static boolean mayOverlap(Filter a, Filter b) {
        Map<String, Set<String>> required = new HashMap<>();
        return collectRequired(a, required) && collectRequired(b, required);
    }

    /** Intersects the positive {@code in} sets of a conjunction into {@code required}; false when one empties. */
    private static boolean collectRequired(Filter filter, Map<String, Set<String>> required) {
        switch (filter) {
            case In in when !in.negated() -> {
                Set<String> allowed = required.get(in.field());
                Set<String> next = new HashSet<>(in.values());
                if (allowed != null) next.retainAll(allowed);
                required.put(in.field(), next);
                return !next.isEmpty();
            }
            case And and -> {
                return collectRequired(and.left(), required) && collectRequired(and.right(), required);
            }
            default -> {
                return true;
            }
        }
    }

    /** Calls {@code visitor} with every field this filter tests. */
    default void forEachField(java.util.function.Consumer<In> visitor) {
        switch (this) {
            case In in -> visitor.accept(in);
            case Not not -> not.operand().forEachField(visitor);
            case And and -> {
                and.left().forEachField(visitor);
                and.right().forEachField(visitor);
            }
            case Or or -> {
                or.left().forEachField(visitor);
                or.right().forEachField(visitor);
            }
        }
    }
}
