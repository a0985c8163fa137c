package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Penalties for delay worked by hand: the Skarv turbines of examples/supply-turbines (deadline
 * 30 June 2026, EUR 12,500 a day, force majeure 10–19 July, accepted 18 September, capped at 5% of
 * EUR 15 million, termination after 60 days), as the delay runs and once it is over; and small
 * agreements for what the example does not show.
 */
class PenaltyTest {

    private static final Path SUPPLY = Fixtures.root().resolve("examples/supply-turbines");
    private static final AgreementFolder.Loaded SUPPLY_DEAL = Fixtures.load(SUPPLY);
    private static final Facts SUPPLY_EVENTS = new Facts(EventReader.read(List.of(SUPPLY.resolve("facts/events.jsonl"))).facts());

    private static Penalties.Delay delay(AgreementFolder.Loaded loaded, Facts facts, String term, LocalDate through) {
        return Penalties.count(term, SettlementPlan.schedule(loaded.histories().get(0).asKnown(LocalDate.MAX)), facts, through).orElseThrow();
    }

    private static Statement statement(AgreementFolder.Loaded loaded, Facts facts, String term, LocalDate through) {
        return Fixtures.settle(loaded, facts, LocalDate.MAX, through, List.of()).statements().stream().filter(s -> s.term().equals(term))
                .findFirst().orElseThrow();
    }

    /** An explanation as text, the repository's folder written ROOT. */
    private static String rendered(dev.treaty.evaluator.explain.Explanation why) {
        return ExplanationText.render(why).replace(Fixtures.root().toString(), "ROOT").strip();
    }

    private static Facts events(String... json) {
        List<EventReader.Text> texts = new java.util.ArrayList<>();
        for (String line : json) texts.add(new EventReader.Text(new FactSource(Path.of("e.jsonl"), texts.size() + 1), line));
        EventReader.Result read = EventReader.parse(texts);
        assertThat(read.errors()).isEmpty();
        return new Facts(read.facts());
    }

    @Test
    void onceAcceptedTheDamagesAreOneLineWithTheirArithmetic() {
        Statement statement = statement(SUPPLY_DEAL, SUPPLY_EVENTS, "skarv-late-delivery", LocalDate.of(2026, 12, 31));
        assertThat(statement.kind().keyword()).isEqualTo("penalty");
        assertThat(statement.lines()).hasSize(1);
        StatementLine line = statement.lines().get(0);
        assertThat(List.of(line.period(), line.from().toString(), line.through().toString(), line.rate(), line.gross().toString(),
                line.capCut().toString(), line.due().toString(), line.dueDate().toString(), line.capRemaining().orElseThrow().toString(),
                statement.totalDue().toString(), statement.totalGross().toString())).containsExactly("delay", "2026-07-01", "2026-09-17",
                "EUR 12,500 per day × 69 days (10 suspended)", "EUR 862,500.00", "EUR 112,500.00", "EUR 750,000.00", "2026-10-18",
                "EUR 0.00", "EUR 750,000.00", "EUR 862,500.00");
        assertThat(rendered(line.why())).isEqualTo("""
                Supplier owes Buyer EUR 750,000.00 for 69 days of delay under penalty skarv-late-delivery
                │  · clause 3 "Late delivery of the Skarv order" of norrland-westwind (agreement, signed 2024-12-02, effective 2025-01-01) at ROOT/examples/supply-turbines/2025-01-01-supply-agreement.treaty.md:68
                ├─ deadline 2026-06-30: the delay counts from 2026-07-01
                ├─ 10 days suspended (2026-07-10 to 2026-07-19): unless force-majeure declared
                │  └─ force-majeure declared: yes — declared on 2026-07-10 through 2026-07-19
                │        · declaration fm-2026-07-storm at ROOT/examples/supply-turbines/facts/events.jsonl:1
                ├─ the delay ended on 2026-09-18: until skarv-accepted declared
                │  └─ skarv-accepted declared: yes — declared on 2026-09-18
                │        · declaration skarv-acceptance at ROOT/examples/supply-turbines/facts/events.jsonl:2
                ├─ gross: EUR 12,500 per day × 69 days = EUR 862,500.00
                ├─ cap EUR 750,000.00 (5% of the price EUR 15,000,000): cut EUR 112,500.00
                ├─ termination after 60 days of delay: open to Buyer from 2026-09-09
                └─ due 2026-10-18 (30 days after skarv-accepted declared)""".strip());
    }

    @Test
    void whileTheDelayRunsItAccruesAndNothingIsDue() {
        Penalties.Delay running = delay(SUPPLY_DEAL, SUPPLY_EVENTS, "skarv-late-delivery", LocalDate.of(2026, 8, 15));
        assertThat(List.of(running.firstDay().toString(), running.lastDay().toString(), String.valueOf(running.counted()),
                String.valueOf(running.suspended()), running.gross().toString(), running.cut().toString(), running.owed().toString(),
                running.ended().toString(), running.due().toString(), running.terminableFrom().toString())).containsExactly("2026-07-01",
                "2026-08-15", "36", "10", "EUR 450,000.00", "EUR 0.00", "EUR 450,000.00", "Optional.empty", "Optional.empty", "Optional.empty");
        assertThat(rendered(running.why())).isEqualTo("""
                Supplier owes Buyer EUR 450,000.00 for 36 days of delay under penalty skarv-late-delivery
                │  · clause 3 "Late delivery of the Skarv order" of norrland-westwind (agreement, signed 2024-12-02, effective 2025-01-01) at ROOT/examples/supply-turbines/2025-01-01-supply-agreement.treaty.md:68
                ├─ deadline 2026-06-30: the delay counts from 2026-07-01
                ├─ 10 days suspended (2026-07-10 to 2026-07-19): unless force-majeure declared
                │  └─ force-majeure declared: yes — declared on 2026-07-10 through 2026-07-19
                │        · declaration fm-2026-07-storm at ROOT/examples/supply-turbines/facts/events.jsonl:1
                ├─ gross: EUR 12,500 per day × 36 days = EUR 450,000.00
                ├─ cap EUR 750,000.00 (5% of the price EUR 15,000,000): not reached
                ├─ termination after 60 days of delay: not reached
                └─ the delay is still running on 2026-08-15: nothing is due yet""".strip());
        assertThat(statement(SUPPLY_DEAL, SUPPLY_EVENTS, "skarv-late-delivery", LocalDate.of(2026, 8, 15)).lines()).isEmpty();
    }

    @Test
    void pastSixtyCountedDaysTheBuyerMayTerminateAndTheCapCuts() {
        Penalties.Delay late = delay(SUPPLY_DEAL, SUPPLY_EVENTS, "skarv-late-delivery", LocalDate.of(2026, 9, 10));
        assertThat(List.of(String.valueOf(late.counted()), late.gross().toString(), late.cut().toString(), late.owed().toString(),
                late.terminableFrom().orElseThrow().toString())).containsExactly("62", "EUR 775,000.00", "EUR 25,000.00", "EUR 750,000.00",
                "2026-09-09");
        Penalties.Delay sixty = delay(SUPPLY_DEAL, SUPPLY_EVENTS, "skarv-late-delivery", LocalDate.of(2026, 9, 8));
        assertThat(sixty.counted()).isEqualTo(60);
        assertThat(sixty.terminableFrom()).isEmpty();
    }

    @Test
    void aStatementFromALaterDayOrOfAnotherTermLeavesTheDamagesOut() {
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(SUPPLY_DEAL.histories().get(0).asKnown(LocalDate.MAX)), SUPPLY_EVENTS,
                LocalDate.of(2026, 12, 31), Optional.empty());
        assertThat(Settlement.compute(plan, SUPPLY_DEAL.assumptions(), Optional.of(LocalDate.of(2026, 9, 18))).statements().stream()
                .filter(s -> s.term().equals("skarv-late-delivery")).findFirst().orElseThrow().lines()).isEmpty();
        assertThat(Settlement.compute(plan, SUPPLY_DEAL.assumptions(), Optional.of(LocalDate.of(2026, 9, 17))).statements().stream()
                .filter(s -> s.term().equals("skarv-late-delivery")).findFirst().orElseThrow().lines()).hasSize(1);
        SettlementPlan rebateOnly = SettlementPlan.of(SettlementPlan.schedule(SUPPLY_DEAL.histories().get(0).asKnown(LocalDate.MAX)),
                SUPPLY_EVENTS, LocalDate.of(2026, 12, 31), Optional.of("volume-rebate"));
        assertThat(Settlement.compute(rebateOnly, SUPPLY_DEAL.assumptions(), Optional.empty()).statements()).extracting(Statement::term)
                .containsExactly("volume-rebate");
    }

    private static final AgreementFolder.Loaded AMENDED = Fixtures.loadText("""
            # Works

            ```treaty
            agreement works "Works"
            party Builder
            party Owner
            signed 2026-01-01
            effective 2026-01-01
            ```

            ## 1 Events

            ```treaty
            event handed-over {
              declared by Owner
            }
            event certified {
              declared by Owner
            }
            ```

            ## 2 Delay

            ```treaty
            penalty late {
              payer Builder
              payee Owner
              deadline 2026-06-30
              from 2026-07-05
              until handed-over declared
              rate USD 100 per day
              due 10 days after period end
            }
            ```
            """);

    @Test
    void daysOutsideTheTermsWindowDoNotCountAndItIsDueAfterTheDelayEnds() {
        Facts handedOver = events("{\"id\":\"h\",\"type\":\"declaration\",\"on\":\"2026-07-21\",\"event\":\"handed-over\",\"by\":\"Owner\"}");
        Penalties.Delay delay = delay(AMENDED, handedOver, "late", LocalDate.of(2026, 12, 31));
        // from 5 July (not 1 July) through 20 July: 16 days, uncapped; due 10 days after the handover on 21 July
        assertThat(List.of(delay.firstDay().toString(), delay.lastDay().toString(), String.valueOf(delay.counted()),
                String.valueOf(delay.suspended()), delay.owed().toString(), delay.due().orElseThrow().toString()))
                .containsExactly("2026-07-05", "2026-07-20", "16", "0", "USD 1,600.00", "2026-07-31");
        assertThat(ExplanationText.render(delay.why())).contains("due 2026-07-31 (10 days after the delay ended)").doesNotContain("cap");
    }

    @Test
    void handedOverOnTimeNothingIsOwed() {
        Facts onTime = events("{\"id\":\"h\",\"type\":\"declaration\",\"on\":\"2026-06-20\",\"event\":\"handed-over\",\"by\":\"Owner\"}");
        Penalties.Delay delay = delay(AMENDED, onTime, "late", LocalDate.of(2026, 12, 31));
        assertThat(delay.counted()).isZero();
        assertThat(statement(AMENDED, onTime, "late", LocalDate.of(2026, 12, 31)).lines()).isEmpty();
    }
}
