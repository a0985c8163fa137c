package dev.treaty.model.value;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An amount prints as DecimalFormat's "#,##0" with every digit of its scale would print it: the hand-written grouping changes nothing. */
class MoneyTextProperties {

    @Property(tries = 3000)
    void printsEveryDigitWithThousandsGrouped(@ForAll BigInteger unscaled, @ForAll @IntRange(min = -3, max = 8) int scale) {
        BigDecimal amount = new BigDecimal(unscaled, scale);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, amount.scale()));
        format.setMaximumFractionDigits(Math.max(0, amount.scale()));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        assertThat(Money.of(amount, Currency.getInstance("EUR")).toString()).isEqualTo("EUR " + format.format(amount));
    }
}
