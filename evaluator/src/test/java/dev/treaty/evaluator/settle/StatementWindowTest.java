package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement from a date on shows the periods from then, while the earlier ones still count
 * toward caps; and the period cap says in its explanation whether it cut the amount.
 */
class StatementWindowTest {

    private static final String CAPPED_TEXT = """
            # T

            ```treaty
            agreement t
            party A "A"
            party B "B"
            signed 2025-01-01
            effective 2025-01-01
            ```

            ## 1 Share

            ```treaty
            revenue-share s {
              payer A
              payee B
              rate 10%
              period quarter
              cap per period USD 50
              cap total USD 120
              due 30 days after period end
              currency USD
            }
            ```
            """;

    private static final AgreementFolder.Loaded CAPPED = Fixtures.loadText(CAPPED_TEXT);

    private static SettlementResult settle(Optional<LocalDate> from) {
        AgreementHistory history = CAPPED.histories().get(0);
        SettlementPlan plan = SettlementPlan.of(history.versions().stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList(), Facts.NONE, LocalDate.of(2025, 12, 31), Optional.empty());
        List<RevenueLine> lines = List.of(Fixtures.line("2025-01-15", "A", "", "300"), Fixtures.line("2025-04-15", "A", "", "800"),
                Fixtures.line("2025-07-15", "A", "", "700"), Fixtures.line("2025-10-15", "A", "", "200"));
        lines.forEach(plan);
        return Settlement.compute(plan, CAPPED.assumptions(), from);
    }

    @Test
    void earlierPeriodsCountTowardTheCapButAreNotShown() {
        Statement all = settle(Optional.empty()).statements().get(0);
        assertThat(all.lines()).extracting(StatementLine::period).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(all.lines()).extracting(l -> l.due().toPlainString()).containsExactly("30.00", "50.00", "40.00", "0.00");
        Statement fromJuly = settle(Optional.of(LocalDate.of(2025, 7, 1))).statements().get(0);
        assertThat(fromJuly.lines()).extracting(StatementLine::period).containsExactly("2025-Q3", "2025-Q4");
        assertThat(fromJuly.lines()).extracting(l -> l.due().toPlainString()).containsExactly("40.00", "0.00");
        assertThat(fromJuly.totalDue().toPlainString()).isEqualTo("40.00");
        Statement fromMidQuarter = settle(Optional.of(LocalDate.of(2025, 9, 30))).statements().get(0);
        assertThat(fromMidQuarter.lines()).extracting(StatementLine::period).as("a period ending on the day is shown")
                .containsExactly("2025-Q3", "2025-Q4");
    }

    @Test
    void linesReadAndLinesNoTermCountedAreCounted() {
        AgreementHistory history = CAPPED.histories().get(0);
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.fixed(history.versions().get(0), LocalDate.of(2025, 4, 1)), Facts.NONE,
                LocalDate.of(2025, 12, 31), Optional.empty());
        RevenueLine counted = Fixtures.line("2025-04-15", "A", "", "100");
        RevenueLine otherParty = Fixtures.line("2025-04-15", "B", "", "100");
        RevenueLine beforeTheStart = Fixtures.line("2025-03-31", "A", "", "100");
        RevenueLine afterTheEnd = Fixtures.line("2026-01-01", "A", "", "100");
        List.of(counted, otherParty, beforeTheStart, afterTheEnd, counted).forEach(plan);
        plan.retract(counted);
        SettlementResult result = Settlement.compute(plan, CAPPED.assumptions(), Optional.empty());
        assertThat(result.revenueLines()).isEqualTo(4);
        assertThat(result.ignoredLines()).isEqualTo(3);
        assertThat(result.statements().get(0).lines()).extracting(StatementLine::period)
                .as("a version fixed from April: the first period starts then").containsExactly("2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(result.statements().get(0).lines().get(0).base().toPlainString()).isEqualTo("100");
        assertThat(ExplanationText.render(result.statements().get(0).lines().get(0).why()))
                .as("the retracted repeat leaves one line of the file").contains("1 revenue line of test.csv (line 2)");
        plan.retract(otherParty);
        assertThat(Settlement.compute(plan, CAPPED.assumptions(), Optional.empty()).ignoredLines()).isEqualTo(2);
        RevenueLine euros = new RevenueLine(LocalDate.of(2025, 5, 1), "A", "", "", "", "", "", "", 5_000_000, "EUR",
                new dev.treaty.evaluator.facts.FactSource(java.nio.file.Path.of("eur.csv"), 2));
        plan.accept(euros);
        plan.accept(euros);
        plan.retract(euros);
        assertThat(ExplanationText.render(Settlement.compute(plan, CAPPED.assumptions(), Optional.empty()).statements().get(0).lines()
                .get(0).why())).contains("(1 lines in other currencies not counted)");
    }

    @Test
    void nothingAfterTheSettlementsLastDayIsCountedOrStated() {
        AgreementHistory history = CAPPED.histories().get(0);
        SettlementPlan plan = SettlementPlan.of(history.versions().stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList(), Facts.NONE, LocalDate.of(2025, 5, 10), Optional.empty());
        List.of(Fixtures.line("2025-01-15", "A", "", "300"), Fixtures.line("2025-05-10", "A", "", "100"),
                Fixtures.line("2025-05-11", "A", "", "800"), Fixtures.line("2025-08-15", "A", "", "700")).forEach(plan);
        // the quarter the settlement ends in is cut at its last day: the lines after it belong to no piece
        assertThat(plan.pieces()).extracting(p -> p.from() + ".." + p.through() + " " + p.lines())
                .containsExactly("2025-01-01..2025-03-31 1", "2025-04-01..2025-05-10 1");
        assertThat(plan.ignored()).isEqualTo(2);
        Statement statement = Settlement.compute(plan, CAPPED.assumptions(), Optional.empty()).statements().get(0);
        assertThat(statement.lines()).extracting(l -> l.period() + " " + l.due().toPlainString()).containsExactly("2025-Q1 30.00", "2025-Q2 10.00");
    }

    @Test
    void aTotalCapCountsOnlyThePaymentsSinceItsDate() {
        AgreementFolder.Loaded since = Fixtures.loadText(CAPPED_TEXT.replace("cap total USD 120", "cap total USD 120 counting payments since 2025-07-01"));
        AgreementHistory history = since.histories().get(0);
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(history.asKnown(LocalDate.MAX)), Facts.NONE,
                LocalDate.of(2025, 12, 31), Optional.empty());
        List.of(Fixtures.line("2025-01-15", "A", "", "300"), Fixtures.line("2025-04-15", "A", "", "800"),
                Fixtures.line("2025-07-15", "A", "", "700"), Fixtures.line("2025-10-15", "A", "", "900")).forEach(plan);
        Statement statement = Settlement.compute(plan, since.assumptions(), Optional.empty()).statements().get(0);
        // Q1 and Q2 (30 + 50) are not counted: Q3 has the whole 120 of room, Q4 what Q3 left
        assertThat(statement.lines()).extracting(l -> l.due().toPlainString()).containsExactly("30.00", "50.00", "50.00", "50.00");
        assertThat(statement.lines().get(3).capRemaining()).hasValueSatisfying(m -> assertThat(m.toPlainString()).isEqualTo("20.00"));
    }

    @Test
    void aDiffKeepsBeforeAndAfterApart() {
        SettlementResult all = settle(Optional.empty());
        SettlementResult fromJuly = settle(Optional.of(LocalDate.of(2025, 7, 1)));
        SettlementDiff diff = SettlementDiff.of(all, fromJuly);
        SettlementDiff.Row q1 = diff.byTermAndPeriod().get(new SettlementDiff.TermPeriod("s", "2025-Q1"));
        assertThat(q1.before().toPlainString()).isEqualTo("30.00");
        assertThat(q1.after().isZero()).as("not in the later settlement").isTrue();
        assertThat(q1.change().toPlainString()).isEqualTo("-30.00");
        SettlementDiff.Row pair = diff.byParties().get("A → B");
        assertThat(pair.before().toPlainString()).isEqualTo("120.00");
        assertThat(pair.after().toPlainString()).isEqualTo("40.00");
        assertThat(diff.isZero()).isFalse();
        assertThat(SettlementDiff.of(all, all).isZero()).isTrue();
    }

    @Test
    void thePeriodCapSaysWhetherItCut() {
        Statement all = settle(Optional.empty()).statements().get(0);
        assertThat(ExplanationText.render(all.lines().get(0).why())).contains("period cap USD 50: not reached");
        assertThat(ExplanationText.render(all.lines().get(1).why())).contains("period cap USD 50: cut USD 30.00");
        assertThat(ExplanationText.render(all.lines().get(2).why())).contains("period cap USD 50: cut USD 20.00", "room USD 40.00, cut USD 10.00");
    }
}
