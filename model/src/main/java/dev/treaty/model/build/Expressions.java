package dev.treaty.model.build;

import dev.treaty.language.grammar.TreatyParser;
import dev.treaty.model.Assumption;
import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;
import dev.treaty.model.value.Quantity;
import dev.treaty.model.value.Quantity.OfDate;
import dev.treaty.model.value.Quantity.OfDuration;
import dev.treaty.model.value.Quantity.OfMoney;
import dev.treaty.model.value.Quantity.OfNumber;
import dev.treaty.model.value.Quantity.OfPercentage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates the term language's expressions with their units. The rules, in short: money adds
 * to money of the same currency; money multiplies by a number or a percentage, never by money;
 * a date plus or minus a duration is a date; percentages add and scale. Anything else is
 * reported where it is written, and the expression has no value.
 */
final class Expressions {

    /** Agreements state figures, not astronomy: larger magnitudes are typing mistakes. */
    private static final int DIGITS_MAX = 30;
    private static final MathContext DIVISION = MathContext.DECIMAL128;
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CURRENCY_SHAPE = Pattern.compile("[A-Z]{3}");

    private Expressions() {
    }

    static Optional<Quantity> evaluate(TreatyParser.ExprContext expr, BlockScope scope) {
        if (expr == null || expr.exception != null) return Optional.empty();
        return switch (expr) {
            case TreatyParser.ParenExprContext paren -> evaluate(paren.expr(), scope);
            case TreatyParser.NumberExprContext number -> number(number.NUMBER().getText(), expr, scope).map(OfNumber::new);
            case TreatyParser.PercentExprContext percent -> {
                String text = percent.PERCENT().getText();
                yield number(text.substring(0, text.length() - 1), expr, scope)
                        .map(points -> new OfPercentage(new Percentage(points)));
            }
            case TreatyParser.DateExprContext date -> date(date.DATE().getText(), expr, scope).map(OfDate::new);
            case TreatyParser.MoneyExprContext money -> money(money, scope);
            case TreatyParser.DurationExprContext duration -> duration(duration, scope);
            case TreatyParser.AssumptionExprContext ref -> assumption(ref, scope);
            case TreatyParser.MulExprContext mul -> binary(mul.expr(0), mul.op.getText(), mul.expr(1), expr, scope);
            case TreatyParser.AddExprContext add -> binary(add.expr(0), add.op.getText(), add.expr(1), expr, scope);
            default -> Optional.empty();
        };
    }

    private static Optional<BigDecimal> number(String text, TreatyParser.ExprContext where, BlockScope scope) {
        String digits = text.replace("_", "");
        if (digits.length() > DIGITS_MAX) {
            scope.error(where, "number " + text + " has more than " + DIGITS_MAX + " digits");
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(digits));
    }

    static Optional<LocalDate> date(String text, org.antlr.v4.runtime.ParserRuleContext where, BlockScope scope) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            scope.error(where, "date '" + text + "' must be written YYYY-MM-DD");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, ISO_DATE));
        } catch (DateTimeParseException e) {
            scope.error(where, "'" + text + "' is not a calendar date");
            return Optional.empty();
        }
    }

    private static Optional<Quantity> money(TreatyParser.MoneyExprContext money, BlockScope scope) {
        String code = money.currency.getText();
        Currency currency = currency(code, money, scope);
        Optional<BigDecimal> amount = number(money.NUMBER().getText(), money, scope);
        if (currency == null || amount.isEmpty()) return Optional.empty();
        BigDecimal value = amount.get();
        if (money.magnitude() != null) {
            value = value.multiply(switch (money.magnitude().getText()) {
                case "thousand" -> BigDecimal.TEN.pow(3);
                case "million" -> BigDecimal.TEN.pow(6);
                case "billion" -> BigDecimal.TEN.pow(9);
                default -> BigDecimal.TEN.pow(12);
            });
            value = value.stripTrailingZeros();
            value = value.scale() < 0 ? value.setScale(0) : value;
        }
        return Optional.of(new OfMoney(Money.of(value, currency)));
    }

    static Currency currency(String code, org.antlr.v4.runtime.ParserRuleContext where, BlockScope scope) {
        if (!CURRENCY_SHAPE.matcher(code).matches()) {
            scope.error(where, "'" + code + "' is not a currency code; write money as USD 1000 (ISO 4217 code, then the amount)");
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            scope.error(where, "unknown currency '" + code + "'");
            return null;
        }
    }

    private static Optional<Quantity> duration(TreatyParser.DurationExprContext duration, BlockScope scope) {
        String text = duration.NUMBER().getText().replace("_", "");
        if (text.contains(".") || text.length() > 6) {
            scope.error(duration, "a duration is a whole number of days, weeks, months or years below 1,000,000");
            return Optional.empty();
        }
        int count = Integer.parseInt(text);
        String unit = duration.durationUnit().getText();
        Period period = switch (unit) {
            case "day", "days" -> Period.ofDays(count);
            case "week", "weeks" -> Period.ofWeeks(count);
            case "month", "months" -> Period.ofMonths(count);
            default -> Period.ofYears(count);
        };
        return Optional.of(new OfDuration(period));
    }

    private static Optional<Quantity> assumption(TreatyParser.AssumptionExprContext ref, BlockScope scope) {
        Optional<Assumption> assumption = scope.assumption(ref.ASSUMPTION_REF().getSymbol(), "= …'");
        assumption.ifPresent(used -> scope.assumptionsUsed.add(used.name()));
        return assumption.map(Assumption::value);
    }

    private static Optional<Quantity> binary(TreatyParser.ExprContext leftExpr, String op, TreatyParser.ExprContext rightExpr,
                                             TreatyParser.ExprContext where, BlockScope scope) {
        Optional<Quantity> left = evaluate(leftExpr, scope);
        Optional<Quantity> right = evaluate(rightExpr, scope);
        if (left.isEmpty() || right.isEmpty()) return Optional.empty();
        String operator = op.equals("×") ? "*" : op;
        return combine(left.get(), operator, right.get(), where, scope);
    }

    private static Optional<Quantity> combine(Quantity left, String op, Quantity right,
                                              TreatyParser.ExprContext where, BlockScope scope) {
        String verb = switch (op) {
            case "+" -> "add";
            case "-" -> "subtract";
            case "*" -> "multiply";
            default -> "divide";
        };
        Optional<Quantity> result = switch (op) {
            case "+", "-" -> addOrSubtract(left, op.equals("-"), right);
            case "*" -> multiply(left, right);
            default -> divide(left, right, where, scope);
        };
        if (result.isEmpty() && !(op.equals("/") && isZero(right))) {
            if (left instanceof OfMoney l && right instanceof OfMoney r && !l.money().currency().equals(r.money().currency())) {
                scope.error(where, "cannot " + verb + " " + l.money().currency() + " and " + r.money().currency()
                        + " amounts: agreements state conversions explicitly");
            } else {
                String l = left.typeName();
                String r = right.typeName();
                String phrase = switch (op) {
                    case "+" -> "add " + l + " and " + r;
                    case "-" -> "subtract " + r + " from " + l;
                    case "*" -> "multiply " + l + " by " + r;
                    default -> "divide " + l + " by " + r;
                };
                scope.error(where, "cannot " + phrase + " (" + left + " " + op + " " + right + ")");
            }
        }
        return result;
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

    private static Optional<Quantity> divide(Quantity left, Quantity right, TreatyParser.ExprContext where, BlockScope scope) {
        if (isZero(right)) {
            scope.error(where, "division by zero");
            return Optional.empty();
        }
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
