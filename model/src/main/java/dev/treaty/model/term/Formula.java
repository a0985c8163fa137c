package dev.treaty.model.term;

import dev.treaty.model.value.Arithmetic;
import dev.treaty.model.value.Quantity;

import java.util.function.Function;

/**
 * The arithmetic of a computed term's amount, over the period's facts and the term's constants:
 * {@code USD 5000 + 2% * revenue}, {@code revenue * (100 - measured availability) / 100}. Its
 * units are checked when the agreement is read, and again, exactly, on the facts.
 */
public sealed interface Formula {

    /** A constant (an amount, a number, a percentage, an assumption's value). */
    record Constant(Quantity value) implements Formula {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** The period's revenue: the payer's revenue lines that the term's {@code base} counts. */
    record Revenue() implements Formula {
        @Override
        public String toString() {
            return "revenue";
        }
    }

    /** The period's measurement of a metric, as a number (99.5 for 99.5%; a quantity in its unit). */
    record Measured(String metric) implements Formula {
        @Override
        public String toString() {
            return "measured " + metric;
        }
    }

    /** {@code left op right}, op one of + - * /. */
    record Binary(String op, Formula left, Formula right) implements Formula {
        @Override
        public String toString() {
            return operand(left, false) + " " + (op.equals("*") ? "×" : op) + " " + operand(right, true);
        }

        private String operand(Formula operand, boolean right) {
            if (!(operand instanceof Binary inner)) return operand.toString();
            boolean weaker = (op.equals("*") || op.equals("/")) && (inner.op.equals("+") || inner.op.equals("-"));
            boolean sameRight = right && (op.equals("-") || op.equals("/")) && precedence(inner.op) == precedence(op);
            return weaker || sameRight ? "(" + inner + ")" : inner.toString();
        }

        private static int precedence(String op) {
            return op.equals("+") || op.equals("-") ? 1 : 2;
        }
    }

    /** Thrown when the facts make the arithmetic impossible (a division by a measured zero). */
    final class Impossible extends RuntimeException {
        public Impossible(String message) {
            super(message);
        }
    }

    /** The value with {@code facts} standing for revenue and measurements. */
    default Quantity evaluate(Function<Formula, Quantity> facts) {
        return switch (this) {
            case Constant constant -> constant.value();
            case Revenue revenue -> facts.apply(revenue);
            case Measured measured -> facts.apply(measured);
            case Binary binary -> {
                Arithmetic.Result result = Arithmetic.combine(binary.left().evaluate(facts), binary.op(), binary.right().evaluate(facts));
                if (result.problem().isPresent()) throw new Impossible(result.problem().get() + " in " + binary);
                yield result.value().orElseThrow();
            }
        };
    }

    /** Every metric the formula measures. */
    default java.util.Set<String> metrics() {
        return switch (this) {
            case Measured measured -> java.util.Set.of(measured.metric());
            case Binary binary -> {
                java.util.Set<String> all = new java.util.TreeSet<>(binary.left().metrics());
                all.addAll(binary.right().metrics());
                yield all;
            }
            default -> java.util.Set.of();
        };
    }
}
