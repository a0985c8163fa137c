package dev.treaty.model.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * A typed value of the term language: what an expression evaluates to. The type decides which
 * arithmetic is allowed (money × money is not), see {@code dev.treaty.model.build.Expressions}.
 */
public sealed interface Quantity {

    /** The type's name as error messages print it ("money", "a date"). */
    String typeName();

    record OfMoney(Money money) implements Quantity {
        public String typeName() {
            return "money";
        }

        @Override
        public String toString() {
            return money.toString();
        }
    }

    record OfPercentage(Percentage percentage) implements Quantity {
        public String typeName() {
            return "a percentage";
        }

        @Override
        public String toString() {
            return percentage.toString();
        }
    }

    record OfDate(LocalDate date) implements Quantity {
        public String typeName() {
            return "a date";
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    record OfDuration(Period period) implements Quantity {
        public String typeName() {
            return "a duration";
        }

        @Override
        public String toString() {
            return Durations.format(period);
        }
    }

    record OfNumber(BigDecimal number) implements Quantity {
        public String typeName() {
            return "a number";
        }

        @Override
        public String toString() {
            return number.stripTrailingZeros().toPlainString();
        }
    }
}
