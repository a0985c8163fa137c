package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.RateSchedule;
import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Band rates, worked by hand: the band a period's whole volume falls in sets one rate for all of
 * it; bounds are inclusive ("from", "to") or exclusive ("over", "below") as written; a volume in a
 * gap between bands is refused, naming the table.
 */
class BandRatesTest {

    private static AgreementFolder.Loaded deal(String bands, String amendment) {
        java.util.Map<java.nio.file.Path, String> texts = new java.util.LinkedHashMap<>();
        texts.put(java.nio.file.Path.of("deal.treaty.md"), """
                # Supply

                ```treaty
                agreement deal "Supply"
                party Buyer
                party Seller
                signed 2026-01-01
                effective 2026-01-01
                ```

                ## 1 Volume rebate

                ```treaty
                revenue-share rebate {
                  payer Seller
                  payee Buyer
                  BANDS
                  period quarter
                  due 30 days after period end
                  currency USD
                }
                ```
                """.replace("BANDS", bands));
        if (amendment != null) texts.put(java.nio.file.Path.of("amendment.treaty.md"), amendment);
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, java.util.Map.of());
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        return loaded;
    }

    private static final String TABLE = """
            bands per period {
                from USD 0 to USD 10000: 5%
                over USD 10000 below USD 50000: 7%
                from USD 50000: 9%
              }""";

    private static List<String> rows(AgreementFolder.Loaded loaded, LocalDate through, List<RevenueLine> revenue) {
        Statement statement = Fixtures.settle(loaded, Facts.NONE, LocalDate.MAX, through, revenue).statements().get(0);
        return statement.lines().stream().map(l -> l.period() + " " + l.from() + " " + l.base().amount().toPlainString() + " "
                + l.due().amount().toPlainString()).toList();
    }

    @Test
    void theBandOfThePeriodsVolumeSetsTheRateForAllOfItWithBoundsAsWritten() {
        List<RevenueLine> revenue = List.of(line("2026-02-01", "Seller", "x", "8000"), line("2026-05-01", "Seller", "x", "10000"),
                line("2026-08-01", "Seller", "x", "10000.01"), line("2026-08-02", "Seller", "x", "19999.99"),
                line("2026-11-01", "Seller", "x", "50000"));
        assertThat(rows(deal(TABLE, null), LocalDate.of(2026, 12, 31), revenue)).containsExactly(
                "2026-Q1 2026-01-01 8000 400.00",           // 5% band
                "2026-Q2 2026-04-01 10000 500.00",          // 10,000 is 'to USD 10000': still 5%
                "2026-Q3 2026-07-01 30000 2100.00",         // 7% of the whole 30,000
                "2026-Q4 2026-10-01 50000 4500.00");        // 'from USD 50000': 9%
    }

    @Test
    void cumulativeBandsCountTheVolumeOfTheTermsLifeThroughThePeriod() {
        String cumulative = TABLE.replace("bands per period", "bands cumulative");
        List<RevenueLine> revenue = List.of(line("2026-02-01", "Seller", "x", "8000"), line("2026-05-01", "Seller", "x", "8000"),
                line("2026-08-01", "Seller", "x", "40000"));
        assertThat(rows(deal(cumulative, null), LocalDate.of(2026, 9, 30), revenue)).containsExactly(
                "2026-Q1 2026-01-01 8000 400.00",           // 8,000 so far: 5%
                "2026-Q2 2026-04-01 8000 560.00",           // 16,000 so far: 7%
                "2026-Q3 2026-07-01 40000 3600.00");        // 56,000 so far: 9%
    }

    @Test
    void aQuarterSplitByAnAmendmentTakesItsBandFromTheWholeQuartersVolume() {
        String amendment = """
                # Amendment

                ```treaty
                amendment deal-2 "New rates" amends deal
                signed 2026-05-15
                effective 2026-05-15
                ```

                ## 1 Volume rebate

                ```treaty
                replace

                revenue-share rebate {
                  payer Seller
                  payee Buyer
                  bands per period {
                    from USD 0 to USD 10000: 6%
                    over USD 10000: 10%
                  }
                  period quarter
                  due 30 days after period end
                  currency USD
                }
                ```
                """;
        List<RevenueLine> revenue = List.of(line("2026-04-10", "Seller", "x", "6000"), line("2026-06-10", "Seller", "x", "6000"));
        // each piece at the rate of its own version's table for the quarter's 12,000: 7% before the amendment, 10% after
        assertThat(rows(deal(TABLE, amendment), LocalDate.of(2026, 6, 30), revenue)).containsExactly(
                "2026-Q1 2026-01-01 0 0.00",
                "2026-Q2 2026-04-01 6000 420.00",
                "2026-Q2 2026-05-15 6000 600.00");
    }

    @Test
    void aVolumeInAGapBetweenBandsIsRefusedNamingTheTable() {
        String gap = """
                bands per period {
                    from USD 0 to USD 1000: 5%
                    over USD 2000: 7%
                  }""";
        assertThatThrownBy(() -> rows(deal(gap, null), LocalDate.of(2026, 3, 31), List.of(line("2026-02-01", "Seller", "x", "1500"))))
                .isInstanceOf(SettlementException.class)
                .hasMessage("revenue-share rebate (clause 1): a volume of USD 1,500 in 2026-Q1 falls in no band of its table per period"
                        + " {from USD 0 to USD 1,000: 5%; over USD 2,000: 7%}");
    }

    /** With rates rising band by band, what is due never falls as the volume rises. */
    @Property
    void aBandRateIsMonotoneInTheBandTable(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 100_000) Integer> widths,
                                           @ForAll @IntRange(min = 0, max = 600_000) int a, @ForAll @IntRange(min = 0, max = 600_000) int b) {
        List<RateSchedule.Band> bands = new ArrayList<>();
        long lower = 0;
        for (int i = 0; i < widths.size(); i++) {
            boolean last = i == widths.size() - 1;
            long upper = lower + widths.get(i);
            bands.add(new RateSchedule.Band(Money.of(BigDecimal.valueOf(lower), java.util.Currency.getInstance("USD")), i == 0,
                    last ? Optional.empty() : Optional.of(Money.of(BigDecimal.valueOf(upper), java.util.Currency.getInstance("USD"))), true,
                    new Percentage(BigDecimal.valueOf(i + 1))));
            lower = upper;
        }
        RateSchedule.Banded table = new RateSchedule.Banded(RateSchedule.TierBasis.PER_PERIOD, bands);
        BigDecimal low = BigDecimal.valueOf(Math.min(a, b));
        BigDecimal high = BigDecimal.valueOf(Math.max(a, b));
        BigDecimal dueLow = low.multiply(table.bandOf(low).orElseThrow().rate().fraction());
        BigDecimal dueHigh = high.multiply(table.bandOf(high).orElseThrow().rate().fraction());
        assertThat(dueHigh).isGreaterThanOrEqualTo(dueLow);
        assertThat(bands.stream().filter(band -> band.holds(high)).count()).as("one band holds each volume").isEqualTo(1);
    }
}
