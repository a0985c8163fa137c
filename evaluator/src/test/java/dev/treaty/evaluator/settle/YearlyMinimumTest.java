package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A minimum guarantee per year, trued up with the year's last statement as a line of its own,
 * worked by hand: 10% of quarterly revenue, at least USD 1,000 a year.
 */
class YearlyMinimumTest {

    private static AgreementFolder.Loaded deal(String effective, String minimum) {
        AgreementFolder.Loaded loaded = Fixtures.loadText("""
                # Brand licence

                ```treaty
                agreement deal "Brand licence"
                party Owner
                party Licensee
                signed EFFECTIVE
                effective EFFECTIVE
                ```

                ## 1 Royalty

                ```treaty
                revenue-share royalty {
                  payer Licensee
                  payee Owner
                  rate 10%
                  period quarter
                  MINIMUM
                  due 30 days after period end
                  currency USD
                }
                ```
                """.replace("EFFECTIVE", effective).replace("MINIMUM", minimum));
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        return loaded;
    }

    private static List<String> rows(AgreementFolder.Loaded loaded, LocalDate through, List<RevenueLine> revenue) {
        Statement statement = Fixtures.settle(loaded, Facts.NONE, LocalDate.MAX, through, revenue).statements().get(0);
        assertThat(statement.totalDue().amount()).isEqualByComparingTo(statement.lines().stream().map(l -> l.due().amount())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        return statement.lines().stream().map(l -> l.period() + " " + l.from() + " " + l.due().amount().toPlainString()
                + (l.minimumTopUp().isZero() ? "" : " true-up") + " due " + l.dueDate()).toList();
    }

    private static final List<RevenueLine> REVENUE = List.of(line("2026-02-01", "Licensee", "x", "2000"), line("2026-05-01", "Licensee", "x", "3000"),
            line("2026-11-01", "Licensee", "x", "1000"), line("2027-02-01", "Licensee", "x", "5000"));

    @Test
    void theYearsShortfallIsALineOfItsOwnWithTheYearsLastStatement() {
        assertThat(rows(deal("2026-01-01", "minimum USD 1000 per year"), LocalDate.of(2027, 6, 30), REVENUE)).containsExactly(
                "2026-Q1 2026-01-01 200.00 due 2026-04-30",
                "2026-Q2 2026-04-01 300.00 due 2026-07-30",
                "2026-Q3 2026-07-01 0.00 due 2026-10-30",
                "2026-Q4 2026-10-01 100.00 due 2027-01-30",
                "2026-Q4 2026-12-31 400.00 true-up due 2027-01-30",      // 1,000 less the 600 of 2026
                "2027-Q1 2027-01-01 500.00 due 2027-04-30",
                "2027-Q2 2027-04-01 0.00 due 2027-07-30");              // 2027 is not over: no true-up yet
    }

    @Test
    void theTrueUpExplainsItselfAndAYearThatMeetsTheMinimumExactlyHasNone() {
        Statement statement = Fixtures.settle(deal("2026-01-01", "minimum USD 1000 per year"), Facts.NONE, LocalDate.MAX,
                LocalDate.of(2026, 12, 31), REVENUE).statements().get(0);
        assertThat(ExplanationTextOf.last(statement)).startsWith("Licensee owes Owner USD 400.00 for 2026: the minimum USD 1,000 per year"
                + " less the USD 600.00 due for its periods, with the statement of 2026-Q4");
        List<RevenueLine> exactly = List.of(line("2026-02-01", "Licensee", "x", "6000"), line("2026-11-01", "Licensee", "x", "4000"));
        assertThat(rows(deal("2026-01-01", "minimum USD 1000 per year"), LocalDate.of(2026, 12, 31), exactly)).noneMatch(r -> r.contains("true-up"));
    }

    /** The top line of a statement's last line's explanation. */
    static final class ExplanationTextOf {
        static String last(Statement statement) {
            return statement.lines().getLast().why().text();
        }
    }

    @Test
    void noTrueUpBeforeTheYearIsOver() {
        assertThat(rows(deal("2026-01-01", "minimum USD 1000 per year"), LocalDate.of(2026, 11, 30), REVENUE))
                .noneMatch(row -> row.contains("true-up"));
    }

    @Test
    void aContractYearMinimumIsTruedUpAtTheAnniversary() {
        List<RevenueLine> revenue = List.of(line("2026-05-01", "Licensee", "x", "2000"), line("2027-02-01", "Licensee", "x", "3000"));
        assertThat(rows(deal("2026-04-01", "minimum USD 1000 per contract year"), LocalDate.of(2027, 3, 31), revenue)).containsExactly(
                "2026-Q2 2026-04-01 200.00 due 2026-07-30",
                "2026-Q3 2026-07-01 0.00 due 2026-10-30",
                "2026-Q4 2026-10-01 0.00 due 2027-01-30",
                "2027-Q1 2027-01-01 300.00 due 2027-04-30",
                "2027-Q1 2027-03-31 500.00 true-up due 2027-04-30");   // contract year 1 ends 31 March 2027
        Statement statement = Fixtures.settle(deal("2026-04-01", "minimum USD 1000 per contract year"), Facts.NONE, LocalDate.MAX,
                LocalDate.of(2027, 3, 31), revenue).statements().get(0);
        assertThat(ExplanationTextOf.last(statement)).contains("for contract year 1: the minimum USD 1,000 per contract year");
    }
}
