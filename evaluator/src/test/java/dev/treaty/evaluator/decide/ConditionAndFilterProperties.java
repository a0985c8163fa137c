package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.term.Condition;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.ProductKinds;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions (on events, after {@code until}, {@code if}…) and filters (on revenue lines and
 * products) are two small trees of not / and / or, kept apart on purpose: a condition is decided
 * with an explanation over facts on a date, a filter is matched against a line's fields, and each
 * has atoms the other lacks. This property holds them to one logic: the same shape over the same
 * yes/no atoms gives the same answer in both, that of plain boolean algebra, and prints alike.
 */
class ConditionAndFilterProperties {

    /** A shape of not / and / or over yes/no atoms, with its expected value. */
    sealed interface Shape {
        boolean value();
    }

    record Atom(String name, boolean value) implements Shape {
    }

    record Not(Shape operand) implements Shape {
        public boolean value() {
            return !operand.value();
        }
    }

    record And(Shape left, Shape right) implements Shape {
        public boolean value() {
            return left.value() && right.value();
        }
    }

    record Or(Shape left, Shape right) implements Shape {
        public boolean value() {
            return left.value() || right.value();
        }
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.recursive(
                () -> Arbitraries.of("a", "b", "c").flatMap(name -> Arbitraries.of(true, false).map(value -> (Shape) new Atom(name, value))),
                shape -> Arbitraries.oneOf(
                        shape.map(s -> (Shape) new Not(s)),
                        net.jqwik.api.Combinators.combine(shape, shape).as((l, r) -> (Shape) new And(l, r)),
                        net.jqwik.api.Combinators.combine(shape, shape).as((l, r) -> (Shape) new Or(l, r))),
                0, 6);
    }

    private static Condition condition(Shape shape) {
        return switch (shape) {
            case Atom atom -> new Condition.Assumed(atom.name(), atom.value());
            case Not not -> new Condition.Not(condition(not.operand()));
            case And and -> new Condition.And(condition(and.left()), condition(and.right()));
            case Or or -> new Condition.Or(condition(or.left()), condition(or.right()));
        };
    }

    private static Filter filter(Shape shape) {
        return switch (shape) {
            case Atom atom -> new Filter.Assumed(atom.name(), atom.value());
            case Not not -> new Filter.Not(filter(not.operand()));
            case And and -> new Filter.And(filter(and.left()), filter(and.right()));
            case Or or -> new Filter.Or(filter(or.left()), filter(or.right()));
        };
    }

    @Property
    void conditionsAndFiltersFollowOneLogic(@ForAll("shapes") Shape shape) {
        Condition condition = condition(shape);
        Filter filter = filter(shape);
        boolean decided = Applicability.holds(condition, Map.of(), Facts.NONE, LocalDate.of(2026, 1, 1)).holds();
        boolean matched = filter.matches(field -> null, ProductKinds.NONE);

        assertThat(decided).isEqualTo(shape.value());
        assertThat(matched).isEqualTo(shape.value());
        assertThat(condition.toString()).isEqualTo(filter.toString());
    }
}
