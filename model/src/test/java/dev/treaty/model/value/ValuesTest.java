package dev.treaty.model.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @Test
    void moneyIsExactAndPrintsGrouped() {
        Money a = Money.of("0.10", "USD");
        Money sum = a.plus(Money.of("0.20", "USD"));
        assertThat(sum).isEqualTo(Money.of("0.3", "USD"));
        assertThat(Money.of("38000000000", "USD").toString()).isEqualTo("USD 38,000,000,000");
        assertThat(Money.of("1234.5", "EUR").rounded(2, RoundingMode.HALF_EVEN).toString()).isEqualTo("EUR 1,234.50");
        assertThat(Money.of("0.125", "USD").rounded(2, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("0.12", "USD"));
    }

    @Test
    void moneyOfDifferentCurrenciesDoesNotAdd() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .hasMessageContaining("currency mismatch");
    }

    @Test
    void clauseIdsOrderByTheirNumbers() {
        assertThat(ClauseId.parse("4.10")).isGreaterThan(ClauseId.parse("4.9"));
        assertThat(ClauseId.parse("10")).isGreaterThan(ClauseId.parse("9.9"));
        assertThat(ClauseId.parse("4.2.1").isWithin(ClauseId.parse("4.2"))).isTrue();
        assertThat(ClauseId.parse("4.20").isWithin(ClauseId.parse("4.2"))).isFalse();
        assertThat(ClauseId.isValid("4.")).isFalse();
    }

    @Test
    void dateWindowsIncludeBothEnds() {
        DateWindow window = DateWindow.between(LocalDate.of(2019, 7, 22), LocalDate.of(2030, 12, 31));
        assertThat(window.contains(LocalDate.of(2030, 12, 31))).isTrue();
        assertThat(window.contains(LocalDate.of(2031, 1, 1))).isFalse();
        assertThat(window.contains(LocalDate.of(2019, 7, 22))).isTrue();
        assertThat(window.overlaps(DateWindow.between(LocalDate.of(2030, 12, 31), null))).isTrue();
        assertThat(window.overlaps(DateWindow.between(LocalDate.of(2031, 1, 1), null))).isFalse();
    }

    @Test
    void percentagesKnowTheirFraction() {
        assertThat(Percentage.of("12.5").fraction()).isEqualByComparingTo(new BigDecimal("0.125"));
        assertThat(Percentage.of("100.01").isOverHundred()).isTrue();
    }
}
