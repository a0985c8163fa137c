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
 * Minimums and caps that rise each contract year, and advances that are or are not recouped,
 * worked by hand: 10% of revenue, quarterly, from 1 April 2025 (so contract years run April to March).
 */
class EscalationAndAdvancesTest {

    private static AgreementFolder.Loaded share(String extra) {
        return Fixtures.loadText("""
                # Deal

                ```treaty
                agreement deal "Deal"
                party Alpha
                party Beta
                signed 2025-04-01
                effective 2025-04-01
                ```

                ## 1 Royalty

                ```treaty
                revenue-share royalty {
                  payer Alpha
                  payee Beta
                  rate 10%
                  period quarter
                  from 2025-04-01
                  due 30 days after period end
                  currency USD
                %s
                }
                ```
                """.replace("%s", extra));
    }

    private static List<String> dues(AgreementFolder.Loaded loaded, LocalDate through, List<dev.treaty.evaluator.facts.RevenueLine> revenue) {
        return Fixtures.settle(loaded, Facts.NONE, LocalDate.MAX, through, revenue).statements().get(0).lines().stream()
                .map(l -> l.period() + " " + l.due().amount().toPlainString()).toList();
    }

    @Test
    void aMinimumPerPeriodRisesEachContractYearCompounded() {
        // no revenue: every quarter pays its minimum; USD 1,000 in contract year 1, 1,100 in year 2, 1,210 in year 3
        List<String> dues = dues(share("  minimum USD 1000 per period\n  escalation 10% per contract year"), LocalDate.of(2027, 6, 30), List.of());
        assertThat(dues).containsExactly("2025-Q2 1000.00", "2025-Q3 1000.00", "2025-Q4 1000.00", "2026-Q1 1000.00",
                "2026-Q2 1100.00", "2026-Q3 1100.00", "2026-Q4 1100.00", "2027-Q1 1100.00", "2027-Q2 1210.00");
    }

    @Test
    void theExplanationSaysWhichContractYearAndByHowMuch() {
        var lines = Fixtures.settle(share("  minimum USD 1000 per period\n  escalation 10% per contract year"), Facts.NONE, LocalDate.MAX,
                LocalDate.of(2027, 6, 30), List.of()).statements().get(0).lines();
        String third = dev.treaty.evaluator.explain.ExplanationText.render(lines.get(8).why());
        assertThat(third).contains("escalation 10% per contract year: 2027-Q2 is in contract year 3, so the amounts stated stand × (1 + 10%)^2,"
                + " rounded half-even to 2", "minimum guarantee USD 1,210.00 per period");
        assertThat(dev.treaty.evaluator.explain.ExplanationText.render(lines.get(3).why())).doesNotContain("escalation")
                .contains("minimum guarantee USD 1,000 per period");
        // without a minimum or a cap to escalate, nothing is said of escalation
        var plain = Fixtures.settle(share("  escalation 10% per contract year"), Facts.NONE, LocalDate.MAX, LocalDate.of(2027, 6, 30),
                List.of(line("2027-05-01", "Alpha", "x", "100"))).statements().get(0).lines();
        assertThat(dev.treaty.evaluator.explain.ExplanationText.render(plain.get(plain.size() - 1).why())).doesNotContain("escalation");
    }

    @Test
    void aCapPerPeriodRisesToo() {
        // USD 50,000 of revenue a quarter owes 5,000, cut to the cap: 3,000 in contract year 1, 3,090 in year 2 (3%)
        var revenue = List.of(line("2026-03-01", "Alpha", "x", "50000"), line("2026-05-01", "Alpha", "x", "50000"));
        assertThat(dues(share("  cap per period USD 3000\n  escalation 3% per contract year"), LocalDate.of(2026, 6, 30), revenue))
                .containsExactly("2025-Q2 0.00", "2025-Q3 0.00", "2025-Q4 0.00", "2026-Q1 3000.00", "2026-Q2 3090.00");
    }

    @Test
    void aYearlyMinimumPerContractYearRisesAndIsTruedUpAtEachYearsEnd() {
        // nothing earned: the true-up is the whole minimum, USD 4,000 for contract year 1 and 4,200 for year 2 (5%)
        List<String> dues = dues(share("  minimum USD 4000 per contract year\n  escalation 5% per contract year"), LocalDate.of(2027, 3, 31),
                List.of());
        assertThat(dues).containsExactly("2025-Q2 0.00", "2025-Q3 0.00", "2025-Q4 0.00", "2026-Q1 0.00", "2026-Q1 4000.00",
                "2026-Q2 0.00", "2026-Q3 0.00", "2026-Q4 0.00", "2027-Q1 0.00", "2027-Q1 4200.00");
    }

    @Test
    void aRecoupableAdvanceIsRecoupedAndANonRecoupableOneIsNot() {
        var revenue = List.of(line("2025-05-01", "Alpha", "x", "30000"), line("2025-08-01", "Alpha", "x", "30000"));
        assertThat(dues(share("  advance USD 4000 recoupable"), LocalDate.of(2025, 9, 30), revenue))
                .containsExactly("2025-Q2 0.00", "2025-Q3 2000.00");
        assertThat(dues(share("  advance USD 4000 non-recoupable"), LocalDate.of(2025, 9, 30), revenue))
                .containsExactly("2025-Q2 3000.00", "2025-Q3 3000.00");
    }
}
