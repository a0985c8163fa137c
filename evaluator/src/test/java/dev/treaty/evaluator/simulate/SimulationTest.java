package dev.treaty.evaluator.simulate;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The simulation against cases whose answer is known in closed form. */
class SimulationTest {

    private static AgreementFolder.Loaded agreement(String cap) {
        return Fixtures.loadText("""
                # Simulated

                ```treaty
                agreement s
                party Alpha
                party Beta
                signed 2020-01-01
                effective 2020-01-01
                ```

                ## 1 Share

                ```treaty
                revenue-share share {
                  payer Alpha
                  payee Beta
                  rate 10%%
                  period quarter
                  %s
                  due 30 days after period end
                  currency USD
                }
                ```
                """.formatted(cap));
    }

    @TempDir
    Path dir;

    private Scenario scenario(String growth, String extra) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                party: Alpha
                currency: USD
                start: 2021-01-01
                through: %s
                period: quarter
                revenue: 1000
                growth: %s
                %s
                """.formatted(extra.contains("through-one-quarter") ? "2021-03-31" : "2021-12-31", growth,
                extra.replace("through-one-quarter", "")));
        return Scenario.read(file);
    }

    private static SimulationResult run(AgreementFolder.Loaded loaded, Scenario scenario, int runs, long seed) {
        AgreementHistory history = loaded.histories().get(0);
        List<SettlementPlan.VersionSpan> spans = history.versions().stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList();
        return new Simulation(scenario, List.of(new Simulation.Schedule("as-amended", spans)), Facts.NONE, loaded.assumptions(),
                List.of()).run(runs, seed, done -> { });
    }

    @Test
    void zeroVolatilityGivesTheDeterministicSettlementInEveryPercentile() throws IOException {
        // 1000 × 1.5 per quarter: 1500, 2250, 3375, 5062.50; 10% of the sum is 1218.75.
        SimulationResult result = run(agreement(""), scenario("{mean: 0.5, volatility: 0}", ""), 200, 7);
        SimulationResult.TermResult term = result.schedules().get(0).terms().get(0);
        assertThat(term.mean().amount()).isEqualByComparingTo("1218.75");
        for (int percent : SimulationResult.PERCENTILES) {
            assertThat(term.total(percent).amount()).isEqualByComparingTo("1218.75");
            assertThat(term.presentValue(percent).amount()).isEqualByComparingTo("1218.75");   // no discount rate
        }
        assertThat(term.capDates()).isEmpty();
        assertThat(term.histogram(20)).containsExactly(200);
    }

    @Test
    void aCapIsReachedOnTheSameDayInEveryRunWithoutVolatility() throws IOException {
        // cumulative 150, 375, 712.50: a cap of 500 is reached in the third quarter
        SimulationResult result = run(agreement("cap total USD 500"), scenario("{mean: 0.5, volatility: 0}", ""), 50, 7);
        SimulationResult.TermResult term = result.schedules().get(0).terms().get(0);
        assertThat(term.total(50).amount()).isEqualByComparingTo("500");
        assertThat(term.capProbability()).isEqualByComparingTo("1");
        assertThat(term.capDate(5)).contains(LocalDate.of(2021, 9, 30));
        assertThat(term.capDate(95)).contains(LocalDate.of(2021, 9, 30));
        assertThat(term.capByYear()).containsEntry(2021, 50);
    }

    @Test
    void aCertainShockAppliesEveryPeriod() throws IOException {
        // the level moves by × 1.5 × 0.5 = × 0.75 each quarter, for good: 750, 562.50, 421.88, 316.41; 10% of the sum
        SimulationResult result = run(agreement(""), scenario("{mean: 0.5, volatility: 0}",
                "shocks: [{name: halving, probability: 1, impact: -0.5}]"), 10, 1);
        assertThat(result.schedules().get(0).terms().get(0).total(50).amount()).isEqualByComparingTo("205.08");
    }

    @Test
    void percentilesOfOneNormalPeriodMatchTheNormalQuantiles() throws IOException {
        // one quarter: 10% of 1000 × (1 + g), g ~ N(0.1, 0.2): p5 = 100 × (1.1 − 1.6449 × 0.2), p50 = 110, p95 = 100 × (1.1 + 1.6449 × 0.2)
        SimulationResult result = run(agreement(""), scenario("{distribution: normal, mean: 0.1, volatility: 0.2}",
                "through-one-quarter"), 20_000, 42);
        SimulationResult.TermResult term = result.schedules().get(0).terms().get(0);
        assertThat(term.total(50).amount().doubleValue()).isCloseTo(110.0, within(0.8));
        assertThat(term.total(5).amount().doubleValue()).isCloseTo(77.10, within(1.0));
        assertThat(term.total(95).amount().doubleValue()).isCloseTo(142.90, within(1.0));
        assertThat(term.mean().amount().doubleValue()).isCloseTo(110.0, within(0.5));
    }

    @Test
    void theSameSeedGivesTheSameRunsAndAnotherSeedOthers() throws IOException {
        Scenario scenario = scenario("{mean: 0.05, volatility: 0.3}", "shocks: [{name: s, probability: 0.3, impact: -0.2}]");
        AgreementFolder.Loaded loaded = agreement("cap total USD 700");
        SimulationResult first = run(loaded, scenario, 500, 11);
        SimulationResult again = run(loaded, scenario, 500, 11);
        SimulationResult other = run(loaded, scenario, 500, 12);
        SimulationResult.TermResult a = first.schedules().get(0).terms().get(0);
        SimulationResult.TermResult b = again.schedules().get(0).terms().get(0);
        assertThat(b.totals()).isEqualTo(a.totals());
        assertThat(b.capDates()).isEqualTo(a.capDates());
        assertThat(b.presentValues()).isEqualTo(a.presentValues());
        assertThat(other.schedules().get(0).terms().get(0).totals()).isNotEqualTo(a.totals());
        assertThat(a.totals().stream().distinct().count()).as("volatility spreads the totals").isGreaterThan(100);
    }

    @Test
    void presentValuesDiscountEachPaymentFromItsDueDate() throws IOException {
        // one quarter, 150 due 30 days after 2021-03-31 = 2021-04-30, 119 days after the valuation date, at 10% a year
        SimulationResult result = run(agreement(""), scenario("{mean: 0.5, volatility: 0}",
                "discount-rate: 0.10\nvaluation-date: 2021-01-01\nthrough-one-quarter"), 5, 1);
        double expected = 150 / Math.pow(1.10, 119 / 365.25);
        assertThat(result.schedules().get(0).terms().get(0).presentValue(50).amount().doubleValue()).isCloseTo(expected, within(0.006));
    }

    /**
     * A seed reproduces a published figure in every later version of Treaty: the exact totals of a
     * few runs are pinned here, so a change to the random stream, the growth or the spread of a
     * quarter over its months is seen (change them only on purpose, and say so).
     */
    @Test
    void aSeedReproducesTheSameFiguresExactly() throws IOException {
        Path file = dir.resolve("pinned.yaml");
        Files.writeString(file, """
                party: Alpha
                currency: USD
                start: 2021-02-15
                through: 2021-12-31
                period: quarter
                revenue: 1000
                growth: {distribution: lognormal, mean: 0.1, volatility: 0.3}
                mix: [{share: 0.25, product: a}, {share: 0.75, product: b}]
                shocks: [{name: s, probability: 0.5, impact: -0.2}]
                """);
        AgreementFolder.Loaded loaded = agreement("");
        List<Integer> progress = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AgreementHistory history = loaded.histories().get(0);
        List<SettlementPlan.VersionSpan> spans = history.versions().stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList();
        SimulationResult result = new Simulation(Scenario.read(file), List.of(new Simulation.Schedule("as-amended", spans)), Facts.NONE,
                loaded.assumptions(), List.of()).run(4, 7, progress::add);
        assertThat(progress).containsExactlyInAnyOrder(1, 2, 3, 4);
        SimulationResult.TermResult term = result.schedules().get(0).terms().get(0);
        assertThat(term.totals().stream().map(BigDecimal::toPlainString).toList()).containsExactly(PINNED_LOGNORMAL);

        Files.writeString(file, Files.readString(file).replace("lognormal", "normal").replace("period: quarter", "period: month"));
        SimulationResult monthly = new Simulation(Scenario.read(file), List.of(new Simulation.Schedule("as-amended", spans)), Facts.NONE,
                loaded.assumptions(), List.of()).run(3, 7, done -> { });
        assertThat(monthly.schedules().get(0).terms().get(0).totals().stream().map(BigDecimal::toPlainString).toList())
                .containsExactly(PINNED_NORMAL_MONTHLY);
    }

    private static final String[] PINNED_LOGNORMAL = {"153.38", "255.97", "260.88", "396.55"};
    private static final String[] PINNED_NORMAL_MONTHLY = {"248.18", "612.95", "865.50"};

    @Test
    void badScenariosNameTheFieldAndTheReason() throws IOException {
        Path file = dir.resolve("bad.yaml");
        String base = "party: A\ncurrency: USD\nstart: 2021-01-01\nthrough: 2021-12-31\nrevenue: 10\n";
        Object[][] cases = {
                {base + "growth: {mean: x, volatility: 0}", "growth.mean: expected a number (at most 10^18, with at most 12 decimals), got 'x'"},
                {base + "growth: {mean: 0.1, volatility: -1}", "growth.volatility: must be between 0 and 5.0 (500% per period)"},
                {base.replace("USD", "XYZ") + "growth: {mean: 0, volatility: 0}", "currency: 'XYZ' is not an ISO 4217 currency code"},
                {base + "growth: {mean: 0, volatility: 0}\nmix: [{share: 0.5, product: a}]", "mix: the shares add up to 0.5, not 1"},
                {base + "growth: {mean: 0, volatility: 0}\nmix: [{share: 1, colour: red}]", "mix[0].colour: unknown field"},
                {base + "growth: {mean: 0, volatility: 0}\nshocks: [{probability: 2, impact: 0}]", "shocks[0].probability: must be between 0 and 1"},
                {base + "growth: {mean: 0, volatility: 0}\nspeed: 3", "speed: unknown field"},
                {base.replace("2021-12-31", "2020-12-31") + "growth: {mean: 0, volatility: 0}", "through: 2020-12-31 is not after start"},
                {base + "growth: [oops", "not valid YAML"},
                {"party: A\n", "currency: missing"},
        };
        for (Object[] c : cases) {
            Files.writeString(file, (String) c[0]);
            assertThatThrownBy(() -> Scenario.read(file)).as((String) c[0]).isInstanceOf(ScenarioException.class)
                    .hasMessageStartingWith(file.toString()).hasMessageContaining((String) c[1]);
        }
    }

    @Test
    void monthlyStepsSpreadNothingAndLoseNoCent() throws IOException {
        // quarterly revenue of 1000.01 split over three months must still sum to 1000.01 × 1.0
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "party: Alpha\ncurrency: USD\nstart: 2021-01-01\nthrough: 2021-03-31\nrevenue: 1000.01\n"
                + "growth: {mean: 0, volatility: 0}\n");
        Scenario scenario = Scenario.read(file);
        Simulation simulation = new Simulation(scenario, List.of(), Facts.NONE, java.util.Map.of(), List.of());
        var lines = simulation.path(new java.util.SplittableRandom(1));
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().mapToLong(l -> l.amountMicros()).sum()).isEqualTo(new BigDecimal("1000.01").movePointRight(6).longValueExact());
    }
}
