package dev.treaty.evaluator.settle;

import dev.treaty.model.term.RateSchedule;
import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Marginal tiers at and around their limits, and sums of micro-units beyond a long. */
class TiersAndSumsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final RateSchedule.Tiered TIERS = new RateSchedule.Tiered(RateSchedule.TierBasis.CUMULATIVE, List.of(
            new RateSchedule.Tier(Optional.of(Money.of("50000", "USD")), Percentage.of("10")),
            new RateSchedule.Tier(Optional.of(Money.of("150000", "USD")), Percentage.of("12.5")),
            new RateSchedule.Tier(Optional.empty(), Percentage.of("15"))));

    private static Tiers.Share share(String before, String base) {
        return Tiers.marginal(TIERS, new BigDecimal(before), new BigDecimal(base), USD);
    }

    @Test
    void aBaseIsSharedAcrossTheTiersItSpans() {
        assertThat(share("40000", "20000").amount()).isEqualByComparingTo("2250");      // 10% of 10,000 + 12.5% of 10,000
        assertThat(share("40000", "20000").description())
                .isEqualTo("10% of USD 10,000 + 12.5% of USD 10,000 (cumulative base before: USD 40,000)");
        assertThat(share("0", "200000").amount()).isEqualByComparingTo("25000");        // 5,000 + 12,500 + 7,500
        assertThat(share("0", "50000").amount()).isEqualByComparingTo("5000");           // exactly to the first limit
        assertThat(share("0", "50000").description()).isEqualTo("10% of USD 50,000 (cumulative base before: USD 0)");
        assertThat(share("50000", "1").amount()).isEqualByComparingTo("0.125");          // from the limit on, the next rate
        assertThat(share("150000", "100").amount()).isEqualByComparingTo("15");
    }

    @Test
    void aRefundOrNothingTakesTheRateOfTheTierTheRunningBaseIsIn() {
        assertThat(share("49999", "-100").amount()).isEqualByComparingTo("-10");
        assertThat(share("50000", "-100").amount()).as("at the limit: the next tier").isEqualByComparingTo("-12.5");
        assertThat(share("50000", "-100").description()).isEqualTo("12.5% (tier up to USD 150,000: 12.5%)");
        assertThat(share("150000", "-100").amount()).isEqualByComparingTo("-15");
        assertThat(share("999999", "-100").description()).isEqualTo("15% (tier above: 15%)");
        assertThat(share("10", "0").amount()).isEqualByComparingTo("0");
        assertThat(share("10", "0").description()).isEqualTo("10% (tier up to USD 50,000: 10%)");
        RateSchedule.Tiered capped = new RateSchedule.Tiered(RateSchedule.TierBasis.PER_PERIOD,
                List.of(new RateSchedule.Tier(Optional.of(Money.of("10", "USD")), Percentage.of("5"))));
        assertThat(Tiers.marginal(capped, new BigDecimal("20"), new BigDecimal("-1"), USD).description())
                .as("past the last limit with no 'above': the last tier").isEqualTo("5% (tier up to USD 10: 5%)");
    }

    @Test
    void sumsStayExactPastTheRangeOfALong() {
        ExactSum sum = new ExactSum();
        sum.add(Long.MAX_VALUE);
        sum.add(Long.MAX_VALUE);
        sum.add(1);
        assertThat(sum.value()).isEqualByComparingTo(new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1).add(BigInteger.ONE))
                .movePointLeft(6));

        ExactSum negative = new ExactSum();
        negative.add(Long.MIN_VALUE);
        negative.add(-1);
        negative.add(2);
        assertThat(negative.value()).isEqualByComparingTo(new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE).add(BigInteger.ONE)).movePointLeft(6));

        ExactSum mixed = new ExactSum();
        mixed.add(Long.MAX_VALUE);
        mixed.add(-5);
        mixed.add(5);
        assertThat(mixed.value()).as("no overflow, no spill").isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE).movePointLeft(6));

        ExactSum big = new ExactSum();
        big.add(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN));
        big.add(BigInteger.valueOf(3_000_000));
        assertThat(big.value()).isEqualByComparingTo(new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN)
                .add(BigInteger.valueOf(3_000_000))).movePointLeft(6));

        ExactSum merged = new ExactSum();
        merged.add(1_500_000);
        merged.add(big);
        assertThat(merged.value()).isEqualByComparingTo(big.value().add(new BigDecimal("1.5")));
        assertThat(new ExactSum().value()).isEqualByComparingTo("0");
    }
}
