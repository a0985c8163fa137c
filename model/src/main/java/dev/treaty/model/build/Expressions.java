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
            case TreatyParser.RevenueExprContext ignored -> {
                scope.error(expr, "'revenue' stands for the period's revenue only in the amount of a computed term");
                yield Optional.empty();
            }
            case TreatyParser.MeasuredExprContext ignored -> {
                scope.error(expr, "'measured' stands for the period's measurement only in the amount of a computed term");
                yield Optional.empty();
            }
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
        dev.treaty.model.value.Arithmetic.Result result = dev.treaty.model.value.Arithmetic.combine(left, op, right);
        result.problem().ifPresent(problem -> scope.error(where, problem));
        return result.value();
    }
}
