package dev.treaty.model.value;

import dev.treaty.model.value.Quantity.OfDate;
import dev.treaty.model.value.Quantity.OfDuration;
import dev.treaty.model.value.Quantity.OfMoney;
import dev.treaty.model.value.Quantity.OfNumber;
import dev.treaty.model.value.Quantity.OfPercentage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The arithmetic of typed values, one rule for the language's constant expressions and for the
 * formulas of computed terms evaluated on facts: money adds to money of its currency, scales by a
 * number or a percentage, divides into a number; a date moves by a duration; anything else is refused
 * with the reason in words.
 */
public final class Arithmetic {

    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private Arithmetic() {
    }

    /** A value, or the problem that kept it from being one. */
    public record Result(Optional<Quantity> value, Optional<String> problem) {
    }

    /** The value of {@code left op right}, or the problem with it in words (units checked: money × money is refused). */
    public static Result combine(Quantity left, String op, Quantity right) {
        String verb = switch (op) {
            case "+" -> "add";
            case "-" -> "subtract";
            case "*" -> "multiply";
            default -> "divide";
        };
        Optional<Quantity> result = switch (op) {
            case "+", "-" -> addOrSubtract(left, op.equals("-"), right);
            case "*" -> multiply(left, right);
            default -> divide(left, right);
        };
        if (op.equals("/") && isZero(right)) return new Result(Optional.empty(), Optional.of("division by zero"));
        if (result.isEmpty()) {
            if (left instanceof OfMoney l && right instanceof OfMoney r && !l.money().currency().equals(r.money().currency())) {
                return new Result(result, Optional.of("cannot " + verb + " " + l.money().currency() + " and " + r.money().currency()
                        + " amounts: agreements state conversions explicitly"));
            } else {
                String l = left.typeName();
                String r = right.typeName();
                String phrase = switch (op) {
                    case "+" -> "add " + l + " and " + r;
                    case "-" -> "subtract " + r + " from " + l;
                    case "*" -> "multiply " + l + " by " + r;
                    default -> "divide " + l + " by " + r;
                };
                return new Result(result, Optional.of("cannot " + phrase + " (" + left + " " + op + " " + right + ")"));
            }
        }
        return new Result(result, Optional.empty());
    }

    private static Optional<Quantity> addOrSubtract(Quantity left, boolean subtract, Quantity right) {
        if (left instanceof OfMoney l && right instanceof OfMoney r && l.money().currency().equals(r.money().currency())) {
            return Optional.of(new OfMoney(subtract ? l.money().minus(r.money()) : l.money().plus(r.money())));
        }
        if (left instanceof OfNumber l && right instanceof OfNumber r) {
            return Optional.of(new OfNumber(subtract ? l.number().subtract(r.number()) : l.number().add(r.number())));
        }
        if (left instanceof OfPercentage l && right instanceof OfPercentage r) {
            BigDecimal points = subtract ? l.percentage().points().subtract(r.percentage().points())
                    : l.percentage().points().add(r.percentage().points());
            return Optional.of(new OfPercentage(new Percentage(points)));
        }
        if (left instanceof OfDate l && right instanceof OfDuration r) {
            return Optional.of(new OfDate(subtract ? l.date().minus(r.period()) : l.date().plus(r.period())));
        }
        if (!subtract && left instanceof OfDuration l && right instanceof OfDate r) {
            return Optional.of(new OfDate(r.date().plus(l.period())));
        }
        if (left instanceof OfDuration l && right instanceof OfDuration r) {
            return Optional.of(new OfDuration(subtract ? l.period().minus(r.period()) : l.period().plus(r.period())));
        }
        return Optional.empty();
    }

    private static Optional<Quantity> multiply(Quantity left, Quantity right) {
        if (left instanceof OfNumber || left instanceof OfPercentage) {
            if (!(right instanceof OfNumber || right instanceof OfPercentage)) {
                return multiply(right, left);       // commutative: scale the right operand
            }
        }
        BigDecimal factor = switch (right) {
            case OfNumber n -> n.number();
            case OfPercentage p -> p.percentage().fraction();
            default -> null;
        };
        if (factor == null) return Optional.empty();
        return switch (left) {
            case OfMoney m -> Optional.of(new OfMoney(m.money().times(factor)));
            case OfNumber n when right instanceof OfNumber -> Optional.of(new OfNumber(n.number().multiply(factor)));
            case OfNumber n -> Optional.of(new OfPercentage(new Percentage(n.number().multiply(((OfPercentage) right).percentage().points()))));
            case OfPercentage p -> Optional.of(new OfPercentage(new Percentage(p.percentage().points().multiply(factor))));
            case OfDuration d when right instanceof OfNumber n && isWhole(n.number()) ->
                    Optional.of(new OfDuration(d.period().multipliedBy(n.number().intValueExact())));
            default -> Optional.empty();
        };
    }

    private static Optional<Quantity> divide(Quantity left, Quantity right) {
        if (isZero(right)) return Optional.empty();
        if (right instanceof OfNumber n) {
            return switch (left) {
                case OfMoney m -> Optional.of(new OfMoney(Money.of(m.money().amount().divide(n.number(), DIVISION), m.money().currency())));
                case OfNumber l -> Optional.of(new OfNumber(l.number().divide(n.number(), DIVISION)));
                case OfPercentage p -> Optional.of(new OfPercentage(new Percentage(p.percentage().points().divide(n.number(), DIVISION))));
                default -> Optional.empty();
            };
        }
        if (left instanceof OfMoney l && right instanceof OfMoney r && l.money().currency().equals(r.money().currency())) {
            return Optional.of(new OfNumber(l.money().amount().divide(r.money().amount(), DIVISION)));
        }
        return Optional.empty();
    }

    private static boolean isZero(Quantity quantity) {
        return switch (quantity) {
            case OfNumber n -> n.number().signum() == 0;
            case OfMoney m -> m.money().isZero();
            case OfPercentage p -> p.percentage().points().signum() == 0;
            default -> false;
        };
    }

    private static boolean isWhole(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0;
    }
}
