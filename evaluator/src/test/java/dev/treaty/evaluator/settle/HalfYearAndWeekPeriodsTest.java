package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Half-year and weekly statements, worked by hand: 10% of each period's revenue, due 45 days after
 * the period ends. A fiscal half-year starting in July; an ISO week that spans a year's end.
 */
class HalfYearAndWeekPeriodsTest {

    private static AgreementFolder.Loaded share(String period) {
        return Fixtures.loadText("""
                # Deal

                ```treaty
                agreement deal "Deal"
                party Alpha
                party Beta
                signed 2026-01-01
                effective 2026-01-01
                ```

                ## 1 Share

                ```treaty
                revenue-share share {
                  payer Alpha
                  payee Beta
                  rate 10%
                  period %s
                  due 45 days after period end
                  currency USD
                }
                ```
                """.replace("%s", period));
    }

    private static List<String> rows(AgreementFolder.Loaded loaded, LocalDate through, List<dev.treaty.evaluator.facts.RevenueLine> revenue) {
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        Statement statement = Fixtures.settle(loaded, Facts.NONE, LocalDate.MAX, through, revenue).statements().get(0);
        return statement.lines().stream().map(l -> l.period() + " " + l.from() + ".." + l.through() + " " + l.base().amount().toPlainString()
                + " " + l.due().amount().toPlainString() + " " + l.dueDate()).toList();
    }

    @Test
    void halfYearsFromJanuaryAndFiscalHalfYearsFromJuly() {
        List<dev.treaty.evaluator.facts.RevenueLine> revenue = List.of(line("2026-03-15", "Alpha", "x", "1000"),
                line("2026-08-01", "Alpha", "x", "2000"), line("2027-02-10", "Alpha", "x", "4000"));
        assertThat(rows(share("half-year"), LocalDate.of(2027, 6, 30), revenue)).containsExactly(
                "2026-H1 2026-01-01..2026-06-30 1000 100.00 2026-08-14",
                "2026-H2 2026-07-01..2026-12-31 2000 200.00 2027-02-14",
                "2027-H1 2027-01-01..2027-06-30 4000 400.00 2027-08-14");
        assertThat(rows(share("fiscal half-year starting July"), LocalDate.of(2027, 6, 30), revenue)).containsExactly(
                "FY2026-H2 2026-01-01..2026-06-30 1000 100.00 2026-08-14",
                "FY2027-H1 2026-07-01..2026-12-31 2000 200.00 2027-02-14",
                "FY2027-H2 2027-01-01..2027-06-30 4000 400.00 2027-08-14");
    }

    @Test
    void aWeekSpansTheYearsEnd() {
        List<dev.treaty.evaluator.facts.RevenueLine> revenue = List.of(line("2026-12-27", "Alpha", "x", "70"),
                line("2026-12-31", "Alpha", "x", "500"), line("2027-01-03", "Alpha", "x", "500"), line("2027-01-04", "Alpha", "x", "30"));
        assertThat(rows(share("week"), LocalDate.of(2027, 1, 10), revenue)).startsWith(
                "2026-W01 2026-01-01..2026-01-04 0 0.00 2026-02-18").contains(
                "2026-W52 2026-12-21..2026-12-27 70 7.00 2027-02-10",
                "2026-W53 2026-12-28..2027-01-03 1000 100.00 2027-02-17",
                "2027-W01 2027-01-04..2027-01-10 30 3.00 2027-02-24");
    }
}
