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

    /**
     * A word chosen from a vocabulary: {@code yes} or {@code no} for a reading of the record that
     * a term depends on, {@code decline} or {@code support} for what silence means.
     */
    record OfWord(String word) implements Quantity {
        public String typeName() {
            return "a word";
        }

        /** Whether the word is {@code yes} or {@code no}. */
        public boolean isYesNo() {
            return word.equals("yes") || word.equals("no");
        }

        public boolean isYes() {
            return word.equals("yes");
        }

        @Override
        public String toString() {
            return word;
        }
    }
}
