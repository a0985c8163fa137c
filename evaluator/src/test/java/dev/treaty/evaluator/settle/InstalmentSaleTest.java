package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.InstalmentSale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instalment sale worked by hand (USD 12,000 at 12% a year over 12 months, the table any loan
 * calculator gives), and the schedule's invariants on random sales.
 */
class InstalmentSaleTest {

    private static AgreementFolder.Loaded sale(String price, String interest, String instalments) {
        return Fixtures.loadText("""
                # Sale

                ```treaty
                agreement deal "Deal"
                party Alpha
                party Beta
                signed 2026-01-01
                effective 2026-01-01
                ```

                ## 1 Price

                ```treaty
                instalment-sale equipment {
                  payer Beta
                  payee Alpha
                  price %s
                  interest %s per year
                  instalments %s
                  from 2026-01-15
                }
                ```
                """.formatted(price, interest, instalments));
    }

    private static List<String> rows(AgreementFolder.Loaded loaded, LocalDate through) {
        Statement statement = Fixtures.settle(loaded, Facts.NONE, LocalDate.MAX, through, List.of()).statements().get(0);
        return statement.lines().stream().map(l -> l.period() + " " + l.dueDate() + " " + l.base().amount().toPlainString() + " "
                + l.rate() + " = " + l.due().amount().toPlainString()).toList();
    }

    @Test
    void twelveThousandAtTwelvePercentOverTwelveMonths() {
        List<String> rows = rows(sale("USD 12000", "12%", "12 monthly"), LocalDate.of(2027, 12, 31));
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0)).isEqualTo("instalment 1/12 2026-02-15 12000.00 interest USD 120.00 + principal USD 946.19 = 1066.19");
        assertThat(rows.get(1)).isEqualTo("instalment 2/12 2026-03-15 11053.81 interest USD 110.54 + principal USD 955.65 = 1066.19");
        assertThat(rows.get(10)).isEqualTo("instalment 11/12 2026-12-15 2100.76 interest USD 21.01 + principal USD 1,045.18 = 1066.19");
        assertThat(rows.get(11)).isEqualTo("instalment 12/12 2027-01-15 1055.58 interest USD 10.56 + principal USD 1,055.58 = 1066.14");
        Statement statement = Fixtures.settle(sale("USD 12000", "12%", "12 monthly"), Facts.NONE, LocalDate.MAX, LocalDate.of(2027, 12, 31),
                List.of()).statements().get(0);
        assertThat(statement.totalDue().amount()).isEqualByComparingTo("12794.23");
        assertThat(statement.totalBase().amount()).as("the principal paid off").isEqualByComparingTo("12000");
    }

    @Test
    void onlyTheInstalmentsDueByTheLastDaySettledAreShown() {
        assertThat(rows(sale("USD 12000", "12%", "12 monthly"), LocalDate.of(2026, 4, 30))).hasSize(3);
        assertThat(rows(sale("USD 12000", "12%", "12 monthly"), LocalDate.of(2026, 2, 14))).isEmpty();
    }

    @Test
    void aStatementFromALaterDayOrOfAnotherTermLeavesEarlierInstalmentsOut() {
        AgreementFolder.Loaded loaded = sale("USD 12000", "12%", "12 monthly");
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(loaded.histories().get(0).asKnown(LocalDate.MAX)), Facts.NONE,
                LocalDate.of(2026, 6, 30), java.util.Optional.empty());
        Statement fromMay = Settlement.compute(plan, loaded.assumptions(), java.util.Optional.of(LocalDate.of(2026, 5, 1))).statements().get(0);
        assertThat(fromMay.lines()).extracting(StatementLine::period).containsExactly("instalment 4/12", "instalment 5/12");
        // the cumulative figure still counts the instalments before the statement's first day
        assertThat(fromMay.lines().get(0).cumulativeDue().amount()).isEqualByComparingTo("4264.76");
        SettlementPlan other = SettlementPlan.of(SettlementPlan.schedule(loaded.histories().get(0).asKnown(LocalDate.MAX)), Facts.NONE,
                LocalDate.of(2026, 6, 30), java.util.Optional.of("something-else"));
        assertThat(Settlement.compute(other, loaded.assumptions(), java.util.Optional.empty()).statements()).isEmpty();
        String why = dev.treaty.evaluator.explain.ExplanationText.render(fromMay.lines().get(0).why());
        assertThat(why).contains("Beta owes Alpha USD 1,066.19 on 2026-05-15, instalment 4/12 under instalment-sale equipment",
                "balance before it: USD 9,132.95", "interest: 12% a year ÷ 12 of USD 9,132.95 = USD 91.33 (rounded half-even to 2)",
                "principal: USD 974.86 (the level payment less the interest)", "balance after it: USD 8,158.09");
    }

    @Test
    void anAmendmentSignedLaterRestatesTheScheduleOnlyFromItsDay() {
        AgreementFolder.Loaded amended = Fixtures.loadText("""
                # Sale

                ```treaty
                agreement deal "Deal"
                party Alpha
                party Beta
                signed 2026-01-01
                effective 2026-01-01
                ```

                ## 1 Price

                ```treaty
                instalment-sale equipment {
                  payer Beta
                  payee Alpha
                  price USD 1200
                  interest 0% per year
                  instalments 2 monthly
                  from 2026-01-15
                }
                ```
                """);
        assertThat(rows(amended, LocalDate.of(2026, 12, 31))).containsExactly(
                "instalment 1/2 2026-02-15 1200.00 interest USD 0.00 + principal USD 600.00 = 600.00",
                "instalment 2/2 2026-03-15 600.00 interest USD 0.00 + principal USD 600.00 = 600.00");
    }

    @Test
    void withoutInterestThePriceIsSplitEvenlyAndTheLastTakesTheCents() {
        assertThat(rows(sale("USD 1000", "0%", "3 quarterly"), LocalDate.of(2027, 12, 31))).containsExactly(
                "instalment 1/3 2026-04-15 1000.00 interest USD 0.00 + principal USD 333.33 = 333.33",
                "instalment 2/3 2026-07-15 666.67 interest USD 0.00 + principal USD 333.33 = 333.33",
                "instalment 3/3 2026-10-15 333.34 interest USD 0.00 + principal USD 333.34 = 333.34");
    }

    @Property(tries = 200)
    void instalmentsSumToThePrincipalPlusTheInterestToTheCent(@ForAll @LongRange(min = 1, max = 5_000_000_000L) long cents,
                                                              @ForAll @IntRange(min = 0, max = 2500) int basisPoints,
                                                              @ForAll @IntRange(min = 1, max = 120) int count) {
        AgreementFolder.Loaded loaded = sale("USD " + BigDecimal.valueOf(cents, 2).toPlainString(),
                BigDecimal.valueOf(basisPoints, 2).toPlainString() + "%", count + " monthly");
        InstalmentSale sale = (InstalmentSale) loaded.histories().get(0).versions(LocalDate.MAX).get(0).terms().stream()
                .filter(t -> t.term() instanceof InstalmentSale).findFirst().orElseThrow().term();
        List<InstalmentSales.Instalment> schedule = InstalmentSales.schedule(sale);
        assertThat(schedule).hasSize(count);
        BigDecimal principal = schedule.stream().map(i -> i.principal().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal interest = schedule.stream().map(i -> i.interest().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = schedule.stream().map(i -> i.payment().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(principal).isEqualByComparingTo(BigDecimal.valueOf(cents, 2));
        assertThat(paid).isEqualByComparingTo(principal.add(interest));
        assertThat(schedule.get(count - 1).closing().amount()).isZero();
        for (InstalmentSales.Instalment instalment : schedule) {
            assertThat(instalment.principal().amount().signum()).as("no instalment adds to the balance").isGreaterThanOrEqualTo(0);
            assertThat(instalment.opening().minus(instalment.principal())).isEqualTo(instalment.closing());
        }
        // every instalment but the last pays the same; the last differs by no more than the rounding of the others
        BigDecimal level = schedule.get(0).payment().amount();
        for (int k = 0; k < count - 1; k++) {
            if (schedule.get(k).closing().amount().signum() > 0) assertThat(schedule.get(k).payment().amount()).isEqualByComparingTo(level);
        }
    }
}
