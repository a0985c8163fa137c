package dev.treaty.model.value;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small print of the value types: equality, order, signs, limits and how each prints. */
class ValueContractsTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void moneyEqualityIgnoresTrailingZerosButNotTheCurrency() {
        assertThat(Money.of("10.50", "USD")).isEqualTo(Money.of("10.5", "USD")).hasSameHashCodeAs(Money.of("10.5", "USD"));
        assertThat(Money.of("10", "USD")).isNotEqualTo(Money.of("10", "EUR")).isNotEqualTo(Money.of("11", "USD")).isNotEqualTo("USD 10");
        assertThat(Money.zero(USD)).isEqualTo(Money.of("0", "USD"));
        assertThat(Money.of("10", "USD").hashCode()).isNotEqualTo(Money.of("11", "USD").hashCode());
        assertThat(Money.zero(USD).isZero()).isTrue();
        assertThat(Money.of("0.01", "USD").isZero()).isFalse();
        assertThat(Money.zero(USD).isNegative()).isFalse();
        assertThat(Money.of("-0.01", "USD").isNegative()).isTrue();
        assertThat(Money.of("10", "USD").minus(Money.of("12.5", "USD"))).isEqualTo(Money.of("-2.5", "USD"));
        assertThatThrownBy(() -> Money.of("1", "USD").minus(Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of("2", "USD").compareTo(Money.of("10", "USD"))).isNegative();
    }

    @Test
    void moneyPrintsEveryDigitOfItsScaleAndNoMore() {
        assertThat(Money.of("1234567.891", "USD").toString()).isEqualTo("USD 1,234,567.891");
        assertThat(Money.of("0.125", "USD").toString()).isEqualTo("USD 0.125");
        assertThat(Money.of("0.5", "USD").toString()).isEqualTo("USD 0.5");
        assertThat(Money.of("1E+3", "USD").toString()).isEqualTo("USD 1,000");
        assertThat(Money.of("1E+3", "USD").toPlainString()).isEqualTo("1000");
        assertThat(Money.of("-12.50", "EUR").toPlainString()).isEqualTo("-12.50");
    }

    @Test
    void percentagesCompareByValue() {
        assertThat(Percentage.of("100").isOverHundred()).isFalse();
        assertThat(Percentage.of("0").isNegative()).isFalse();
        assertThat(Percentage.of("-0.001").isNegative()).isTrue();
        assertThat(Percentage.of("20.0")).isEqualTo(Percentage.of("20")).hasSameHashCodeAs(Percentage.of("20"));
        assertThat(Percentage.of("20")).isNotEqualTo(Percentage.of("21")).isNotEqualTo("20%");
        assertThat(Percentage.of("20").hashCode()).isNotEqualTo(Percentage.of("21").hashCode());
        assertThat(Percentage.of("2").compareTo(Percentage.of("10"))).isNegative();
        assertThat(Percentage.of("10").compareTo(Percentage.of("2"))).isPositive();
        assertThat(Percentage.of("10").compareTo(Percentage.of("10.0"))).isZero();
    }

    @Test
    void dateWindowsOverlapWhenTheyShareADay() {
        LocalDate d1 = LocalDate.of(2025, 1, 1);
        LocalDate d2 = LocalDate.of(2025, 6, 30);
        LocalDate d3 = LocalDate.of(2025, 7, 1);
        DateWindow first = DateWindow.between(d1, d2);
        assertThat(first.overlaps(DateWindow.between(d3, null))).isFalse();
        assertThat(DateWindow.between(d3, null).overlaps(first)).isFalse();
        assertThat(first.overlaps(DateWindow.between(null, d1))).isTrue();
        assertThat(DateWindow.between(null, d1).overlaps(first)).isTrue();
        assertThat(first.overlaps(DateWindow.between(null, d1.minusDays(1)))).isFalse();
        assertThat(first.overlaps(DateWindow.between(null, null))).isTrue();
        assertThat(DateWindow.between(null, null).isAlways()).isTrue();
        assertThat(DateWindow.between(d1, null).isAlways()).isFalse();
        assertThat(DateWindow.between(null, d1).isAlways()).isFalse();
        assertThat(DateWindow.between(null, null)).hasToString("always");
        assertThat(DateWindow.between(d1, null)).hasToString("from 2025-01-01");
        assertThat(DateWindow.between(null, d2)).hasToString("through 2025-06-30");
        assertThat(first).hasToString("from 2025-01-01 through 2025-06-30");
    }

    @Test
    void clauseNumbersHaveAtMostEightPartsOfNineDigits() {
        assertThat(ClauseId.isValid("1.2.3.4.5.6.7.8")).isTrue();
        assertThat(ClauseId.isValid("1.2.3.4.5.6.7.8.9")).isFalse();
        assertThat(ClauseId.isValid("123456789")).isTrue();
        assertThat(ClauseId.isValid("1234567890")).isFalse();
        assertThat(ClauseId.isValid("1.1234567890")).isFalse();
        assertThat(ClauseId.isValid("a")).isFalse();
        assertThat(ClauseId.parse("4.2")).isEqualTo(ClauseId.parse("4.2")).hasSameHashCodeAs(ClauseId.parse("4.2"));
        assertThat(ClauseId.parse("4.2").hashCode()).isNotEqualTo(ClauseId.parse("4.3").hashCode());
        assertThat(ClauseId.parse("4.2")).isNotEqualTo(ClauseId.parse("4.3")).hasToString("4.2");
        assertThat(ClauseId.parse("4.2").isWithin(ClauseId.parse("4.2.1"))).isFalse();
        assertThatThrownBy(() -> ClauseId.parse("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsPrintAsAgreementsWriteThem() {
        assertThat(Durations.format(Period.ZERO)).isEqualTo("0 days");
        assertThat(Durations.format(Period.ofDays(1))).isEqualTo("1 day");
        assertThat(Durations.format(Period.ofDays(-1))).isEqualTo("-1 day");
        assertThat(Durations.format(Period.of(1, 6, 0))).isEqualTo("1 year 6 months");
        assertThat(Durations.format(Period.of(2, 1, 30))).isEqualTo("2 years 1 month 30 days");
        assertThat(Durations.format(Period.ofMonths(1))).isEqualTo("1 month");
    }

    @Test
    void wordsKnowYesAndNo() {
        assertThat(new Quantity.OfWord("yes").isYesNo()).isTrue();
        assertThat(new Quantity.OfWord("no").isYesNo()).isTrue();
        assertThat(new Quantity.OfWord("maybe").isYesNo()).isFalse();
        assertThat(new Quantity.OfWord("yes").isYes()).isTrue();
        assertThat(new Quantity.OfWord("no").isYes()).isFalse();
    }
}
