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
import java.util.Map;
import java.util.TreeMap;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiers and caps that start again each year while statements stay quarterly, worked by hand:
 * tiers "up to USD 100: 10%, above: 20%" per year, a cap of USD 15 per year, the calendar year,
 * a fiscal year from July and the contract year from the term's first day.
 */
class YearlyResetsTest {

    private static AgreementFolder.Loaded deal(String effective, String terms) {
        AgreementFolder.Loaded loaded = Fixtures.loadText("""
                # Marketplace

                ```treaty
                agreement deal "Marketplace"
                party Market
                party Seller
                signed EFFECTIVE
                effective EFFECTIVE
                ```

                ## 1 Fee

                ```treaty
                revenue-share fee {
                  payer Seller
                  payee Market
                  TERMS
                  due 30 days after period end
                  currency USD
                }
                ```
                """.replace("EFFECTIVE", effective).replace("TERMS", terms));
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        return loaded;
    }

    private static final String TIERS = "tiers per year {\n    up to USD 100: 10%\n    above: 20%\n  }";

    private static List<String> rows(AgreementFolder.Loaded loaded, LocalDate through, List<RevenueLine> revenue) {
        Statement statement = Fixtures.settle(loaded, Facts.NONE, LocalDate.MAX, through, revenue).statements().get(0);
        return statement.lines().stream().filter(l -> l.base().amount().signum() != 0)
                .map(l -> l.period() + " " + l.gross().amount().toPlainString() + " " + l.capCut().amount().toPlainString() + " "
                        + l.due().amount().toPlainString()).toList();
    }

    private static final List<RevenueLine> REVENUE = List.of(line("2026-02-01", "Seller", "x", "80"), line("2026-05-01", "Seller", "x", "80"),
            line("2026-08-01", "Seller", "x", "50"), line("2027-02-01", "Seller", "x", "80"));

    @Test
    void tiersPerYearStartAgainInJanuaryWhileStatementsStayQuarterly() {
        assertThat(rows(deal("2026-01-01", TIERS + "\n  period quarter"), LocalDate.of(2027, 3, 31), REVENUE)).containsExactly(
                "2026-Q1 8.00 0.00 8.00",        // 10% of 80
                "2026-Q2 14.00 0.00 14.00",      // 10% of 20, then 20% of 60
                "2026-Q3 10.00 0.00 10.00",      // 20% of 50
                "2027-Q1 8.00 0.00 8.00");       // a new year: 10% again
    }

    @Test
    void aCapPerYearCutsWithinTheYearAndStartsAgainTheNext() {
        assertThat(rows(deal("2026-01-01", TIERS + "\n  period quarter\n  cap per year USD 15"), LocalDate.of(2027, 3, 31), REVENUE))
                .containsExactly("2026-Q1 8.00 0.00 8.00", "2026-Q2 14.00 7.00 7.00", "2026-Q3 10.00 10.00 0.00", "2027-Q1 8.00 0.00 8.00");
        Statement statement = Fixtures.settle(deal("2026-01-01", TIERS + "\n  period quarter\n  cap per year USD 15"), Facts.NONE, LocalDate.MAX,
                LocalDate.of(2027, 3, 31), REVENUE).statements().get(0);
        List<String> steps = statement.lines().stream().map(l -> l.why().because().stream().map(e -> e.text())
                .filter(t -> t.startsWith("year cap")).findFirst().orElse("")).filter(t -> !t.isEmpty()).toList();
        assertThat(steps).containsExactly("year cap USD 15 for 2026: USD 0.00 due before this line, not reached",
                "year cap USD 15 for 2026: USD 8.00 due before this line, cut USD 7.00",
                "year cap USD 15 for 2026: USD 15.00 due before this line, cut USD 10.00",
                "year cap USD 15 for 2026: USD 15.00 due before this line, not reached",        // 2026-Q4, no revenue
                "year cap USD 15 for 2027: USD 0.00 due before this line, not reached");
    }

    @Test
    void aFiscalYearFromJulyResetsInJuly() {
        assertThat(rows(deal("2026-01-01", TIERS + "\n  period fiscal quarter starting July"), LocalDate.of(2027, 3, 31), REVENUE))
                .containsExactly("FY2026-Q3 8.00 0.00 8.00", "FY2026-Q4 14.00 0.00 14.00", "FY2027-Q1 5.00 0.00 5.00", "FY2027-Q3 11.00 0.00 11.00");
    }

    @Test
    void aContractYearRunsFromTheTermsFirstDay() {
        String terms = TIERS.replace("per year", "per contract year") + "\n  period quarter";
        List<RevenueLine> revenue = List.of(line("2026-05-01", "Seller", "x", "80"), line("2027-02-01", "Seller", "x", "80"),
                line("2027-05-01", "Seller", "x", "80"));
        // contract year 1 is April 2026 to March 2027: 2027-Q1 still counts on from 2026-Q2; 2027-Q2 starts year 2
        assertThat(rows(deal("2026-04-01", terms), LocalDate.of(2027, 6, 30), revenue))
                .containsExactly("2026-Q2 8.00 0.00 8.00", "2027-Q1 14.00 0.00 14.00", "2027-Q2 8.00 0.00 8.00");
    }

    /** Within a year, marginal tiers over the running base add up to the tiers of the year's total: nothing carries over. */
    @Property(tries = 200)
    void tiersPerYearNeverCarryOverAYearBoundary(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 400) Integer> quarters) {
        List<RevenueLine> revenue = new ArrayList<>();
        Map<Integer, BigDecimal> perYear = new TreeMap<>();
        for (int q = 0; q < quarters.size(); q++) {
            LocalDate day = LocalDate.of(2026, 1, 15).plusMonths(3L * q);
            revenue.add(line(day.toString(), "Seller", "x", quarters.get(q).toString()));
            perYear.merge(day.getYear(), BigDecimal.valueOf(quarters.get(q)), BigDecimal::add);
        }
        LocalDate through = LocalDate.of(2026, 1, 1).plusMonths(3L * quarters.size()).minusDays(1);
        Statement statement = Fixtures.settle(deal("2026-01-01", TIERS + "\n  period quarter"), Facts.NONE, LocalDate.MAX, through, revenue)
                .statements().get(0);
        Map<Integer, BigDecimal> grossPerYear = new TreeMap<>();
        statement.lines().forEach(l -> grossPerYear.merge(l.from().getYear(), l.gross().amount(), BigDecimal::add));
        perYear.forEach((year, total) -> {
            BigDecimal expected = total.min(BigDecimal.valueOf(100)).multiply(new BigDecimal("0.10"))
                    .add(total.subtract(BigDecimal.valueOf(100)).max(BigDecimal.ZERO).multiply(new BigDecimal("0.20")));
            assertThat(grossPerYear.get(year)).as("year " + year).isEqualByComparingTo(expected);
        });
    }
}
