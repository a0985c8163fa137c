package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cap over a rolling window, worked by hand: 10% a month, at most USD 100 over the last three
 * months; and, for any revenue, no window of three months is ever paid more than the cap.
 */
class RollingCapTest {

    private static AgreementFolder.Loaded deal() {
        AgreementFolder.Loaded loaded = Fixtures.loadText("""
                # Service

                ```treaty
                agreement deal "Service"
                party Client
                party Vendor
                signed 2026-01-01
                effective 2026-01-01
                ```

                ## 1 Share

                ```treaty
                revenue-share share {
                  payer Vendor
                  payee Client
                  rate 10%
                  period month
                  cap USD 100 over the last 3 months
                  due 30 days after period end
                  currency USD
                }
                ```
                """);
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        return loaded;
    }

    private static Statement settle(List<Integer> months) {
        List<RevenueLine> revenue = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) revenue.add(line(LocalDate.of(2026, 1, 10).plusMonths(m).toString(), "Vendor", "x", months.get(m).toString()));
        return Fixtures.settle(deal(), Facts.NONE, LocalDate.MAX, LocalDate.of(2026, 1, 1).plusMonths(months.size()).minusDays(1), revenue)
                .statements().get(0);
    }

    @Test
    void eachMonthPaysWhatTheLastThreeMonthsLeaveRoomFor() {
        assertThat(settle(List.of(400, 400, 400, 400, 400, 400)).lines()).extracting(l -> l.period() + " " + l.due().amount().toPlainString()
                + " cut " + l.capCut().amount().toPlainString()).containsExactly(
                "2026-01 40.00 cut 0.00", "2026-02 40.00 cut 0.00", "2026-03 20.00 cut 20.00",   // 80 already in Jan–Mar
                "2026-04 40.00 cut 0.00", "2026-05 40.00 cut 0.00", "2026-06 20.00 cut 20.00");  // Feb–Apr 60, Mar–May 60, Apr–Jun 80
        List<String> steps = settle(List.of(400, 400, 400, 400)).lines().stream().map(l -> l.why().because().stream().map(e -> e.text())
                .filter(t -> t.startsWith("rolling cap")).findFirst().orElseThrow()).toList();
        assertThat(steps).containsExactly(
                "rolling cap USD 100 over the last 3 months: USD 0.00 due for the periods ending from 2025-11-01, not reached",
                "rolling cap USD 100 over the last 3 months: USD 40.00 due for the periods ending from 2025-12-01, not reached",
                "rolling cap USD 100 over the last 3 months: USD 80.00 due for the periods ending from 2026-01-01, cut USD 20.00",
                "rolling cap USD 100 over the last 3 months: USD 60.00 due for the periods ending from 2026-02-01, not reached");
    }

    @Property(tries = 200)
    void noWindowOfThreeMonthsIsEverPaidMoreThanTheCap(@ForAll @Size(min = 1, max = 24) List<@IntRange(min = 0, max = 2000) Integer> months) {
        List<BigDecimal> dues = settle(months).lines().stream().map(l -> l.due().amount()).toList();
        for (int end = 0; end < dues.size(); end++) {
            BigDecimal window = BigDecimal.ZERO;
            for (int m = Math.max(0, end - 2); m <= end; m++) window = window.add(dues.get(m));
            assertThat(window).as("the three months ending with month " + (end + 1)).isLessThanOrEqualTo(BigDecimal.valueOf(100));
        }
    }
}
