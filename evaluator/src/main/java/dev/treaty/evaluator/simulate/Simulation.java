package dev.treaty.evaluator.simulate;

import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.Assumption;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Settles many random revenue paths under one or more schedules of agreement versions. Run
 * {@code i} draws from its own generator, seeded from the simulation's seed and {@code i}, so
 * the result is the same whatever the number of threads and whichever order the runs finish in.
 * Every path is settled by {@link Settlement}, the code that makes the statements.
 */
public final class Simulation {

    /** Agreement versions over time, under a label ("as amended", "msft-openai-2025-10", …). */
    public record Schedule(String label, List<SettlementPlan.VersionSpan> spans) {
    }

    private final Scenario scenario;
    private final List<Schedule> schedules;
    private final Facts facts;
    private final Map<String, Assumption> assumptions;
    private final List<RevenueLine> history;
    private final List<LocalDate> months;
    /** Each schedule cut into pieces with the recorded history summed, once; every run copies it. */
    private final List<SettlementPlan> withHistory;

    /**
     * @param history revenue recorded before the scenario starts (later lines are left out: the
     *                scenario stands in for them)
     */
    public Simulation(Scenario scenario, List<Schedule> schedules, Facts facts, Map<String, Assumption> assumptions,
                      List<RevenueLine> history) {
        this.scenario = scenario;
        this.schedules = List.copyOf(schedules);
        this.facts = facts;
        this.assumptions = assumptions;
        this.history = history.stream().filter(line -> line.date().isBefore(scenario.start())).toList();
        checkAgainstTheAgreement(scenario, this.schedules);
        this.withHistory = this.schedules.stream().map(schedule -> {
            SettlementPlan plan = SettlementPlan.of(schedule.spans(), facts, scenario.through(), Optional.empty());
            this.history.forEach(plan::accept);
            return plan;
        }).toList();
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate month = scenario.start().withDayOfMonth(1); !month.isAfter(scenario.through()); month = month.plusMonths(1)) {
            starts.add(month.isBefore(scenario.start()) ? scenario.start() : month);
        }
        this.months = List.copyOf(starts);
    }

    /**
     * The scenario's party must be a party, and its revenue must be in a currency one of that
     * party's revenue shares settles in: otherwise every figure would print as nothing due.
     */
    private static void checkAgainstTheAgreement(Scenario scenario, List<Schedule> schedules) {
        if (schedules.isEmpty()) return;          // a path without versions (tests of the paths themselves)
        java.util.Set<String> parties = new java.util.TreeSet<>();
        java.util.Set<String> currencies = new java.util.TreeSet<>();
        for (Schedule schedule : schedules) {
            for (SettlementPlan.VersionSpan span : schedule.spans()) {
                span.version().parties().forEach(p -> parties.add(p.shortName()));
                span.version().termsOf(dev.treaty.model.term.RevenueShare.class).stream()
                        .filter(share -> share.payer().equals(scenario.party()))
                        .forEach(share -> currencies.add(share.currency().getCurrencyCode()));
            }
        }
        if (!parties.contains(scenario.party())) {
            throw new ScenarioException(scenario.file() + ": party: '" + scenario.party() + "' is not a party to the agreement ("
                    + String.join(", ", parties) + ")");
        }
        if (currencies.isEmpty()) {
            throw new ScenarioException(scenario.file() + ": party: " + scenario.party() + " pays no revenue share under the versions"
                    + " simulated, so nothing would be due");
        }
        if (!currencies.contains(scenario.currency().getCurrencyCode())) {
            throw new ScenarioException(scenario.file() + ": currency: " + scenario.currency().getCurrencyCode() + ": no revenue share "
                    + scenario.party() + " pays settles in it (they settle in " + String.join(", ", currencies) + ")");
        }
    }

    /** One run's outcome per schedule and term. */
    record Outcome(BigDecimal total, BigDecimal presentValue, LocalDate capReached) {
    }

    /**
     * Runs the simulation.
     *
     * @param progress told the number of runs finished so far, from any thread
     */
    public SimulationResult run(int runs, long seed, IntConsumer progress) {
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1");
        // one slot per run, filled by whichever thread runs it: the order is the runs', not the threads'
        List<List<Map<String, Outcome>>> outcomes = new ArrayList<>(java.util.Collections.nCopies(runs, null));
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, runs).parallel().forEach(run -> {
            outcomes.set(run, runOnce(new SplittableRandom(mix(seed, run))));
            progress.accept(done.incrementAndGet());
        });
        return summarise(outcomes);
    }

    /** The revenue lines of one path: a line per month per slice of the mix. */
    List<RevenueLine> path(SplittableRandom random) {
        List<RevenueLine> lines = new ArrayList<>(months.size() * scenario.mix().size());
        BigDecimal level = scenario.revenue();
        int monthsPerStep = scenario.step() == Scenario.Step.MONTH ? 1 : 3;
        int stepIndex = -1;
        BigDecimal[] stepAmounts = null;
        int monthInStep = 0;
        for (LocalDate month : months) {
            int step = scenario.step() == Scenario.Step.MONTH
                    ? (int) ChronoUnit.MONTHS.between(scenario.start().withDayOfMonth(1), month.withDayOfMonth(1))
                    : (int) ChronoUnit.MONTHS.between(quarterStart(scenario.start()), month.withDayOfMonth(1)) / 3;
            if (step != stepIndex) {
                stepIndex = step;
                level = level.multiply(growthFactor(random), MathContext.DECIMAL64);
                for (Scenario.Shock shock : scenario.shocks()) {
                    if (random.nextDouble() < shock.probability()) {
                        level = level.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(shock.impact())), MathContext.DECIMAL64);
                    }
                }
                stepAmounts = new BigDecimal[scenario.mix().size()];
                for (int s = 0; s < stepAmounts.length; s++) {
                    stepAmounts[s] = level.multiply(scenario.mix().get(s).share()).setScale(2, RoundingMode.HALF_EVEN);
                }
                monthInStep = 0;
            }
            // A step's amount is spread over its months to the cent; the last month takes the remainder.
            for (int s = 0; s < stepAmounts.length; s++) {
                BigDecimal part = stepAmounts[s].divide(BigDecimal.valueOf(monthsPerStep), 2, RoundingMode.DOWN);
                BigDecimal amount = monthInStep == monthsPerStep - 1
                        ? stepAmounts[s].subtract(part.multiply(BigDecimal.valueOf(monthsPerStep - 1)))
                        : part;
                lines.add(line(month, scenario.mix().get(s), amount));
            }
            monthInStep++;
        }
        return lines;
    }

    private static LocalDate quarterStart(LocalDate date) {
        return LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    private BigDecimal growthFactor(SplittableRandom random) {
        Scenario.Growth growth = scenario.growth();
        if (growth.volatility() == 0) return BigDecimal.ONE.add(BigDecimal.valueOf(growth.mean()));
        double z = random.nextGaussian();
        double factor = switch (growth.distribution()) {
            case NORMAL -> 1 + growth.mean() + growth.volatility() * z;
            // the log of the factor is normal, with the mean factor 1 + mean
            case LOGNORMAL -> Math.exp(Math.log1p(growth.mean()) - growth.volatility() * growth.volatility() / 2 + growth.volatility() * z);
        };
        return BigDecimal.valueOf(Math.max(0, factor));
    }

    private RevenueLine line(LocalDate date, Scenario.Slice slice, BigDecimal amount) {
        long micros;
        try {
            micros = amount.movePointRight(6).longValueExact();
        } catch (ArithmeticException e) {
            throw new ScenarioException(scenario.file() + ": growth: a simulated revenue line (" + amount.toPlainString() + " on "
                    + date + ") is beyond what Treaty sums exactly (9.2 trillion per line); lower the growth or the horizon");
        }
        return new RevenueLine(date, scenario.party(), slice.field("product"), slice.field("kind"), slice.field("category"),
                slice.field("cloud"), slice.field("region"), slice.field("segment"), micros, scenario.currency().getCurrencyCode(),
                new FactSource(scenario.file(), 0));
    }

    private List<Map<String, Outcome>> runOnce(SplittableRandom random) {
        List<RevenueLine> path = path(random);
        List<Map<String, Outcome>> bySchedule = new ArrayList<>(schedules.size());
        for (SettlementPlan template : withHistory) {
            SettlementPlan plan = template.copy();
            path.forEach(plan::accept);
            SettlementResult result = Settlement.compute(plan, assumptions, Optional.of(scenario.start()));
            Map<String, Outcome> byTerm = new LinkedHashMap<>();
            for (Statement statement : result.statements()) {
                if (!statement.payer().equals(scenario.party())) continue;
                BigDecimal presentValue = BigDecimal.ZERO;
                LocalDate capReached = null;
                for (StatementLine line : statement.lines()) {
                    presentValue = presentValue.add(discounted(line.due().amount(), line.dueDate()));
                    if (capReached == null && line.capRemaining().map(m -> m.amount().signum() == 0).orElse(false)) {
                        capReached = line.through();
                    }
                }
                byTerm.put(statement.term() + "\u0000" + statement.payer() + "\u0000" + statement.payee(),
                        new Outcome(statement.totalDue().amount(), presentValue, capReached));
            }
            bySchedule.add(byTerm);
        }
        return bySchedule;
    }

    private BigDecimal discounted(BigDecimal amount, LocalDate due) {
        if (scenario.discountRate().signum() == 0 || amount.signum() == 0) return amount;
        double years = ChronoUnit.DAYS.between(scenario.valuationDate(), due) / 365.25;
        double factor = Math.pow(1 + scenario.discountRate().doubleValue(), -years);
        return amount.multiply(BigDecimal.valueOf(factor), MathContext.DECIMAL64);
    }

    private SimulationResult summarise(List<List<Map<String, Outcome>>> outcomes) {
        List<SimulationResult.ScheduleResult> results = new ArrayList<>();
        for (int s = 0; s < schedules.size(); s++) {
            Map<String, List<Outcome>> byTerm = new LinkedHashMap<>();
            for (List<Map<String, Outcome>> run : outcomes) {
                run.get(s).forEach((term, outcome) -> byTerm.computeIfAbsent(term, t -> new ArrayList<>()).add(outcome));
            }
            List<SimulationResult.TermResult> terms = new ArrayList<>();
            byTerm.forEach((key, list) -> {
                String[] parts = key.split("\u0000");
                terms.add(SimulationResult.TermResult.of(parts[0], parts[1], parts[2], scenario.currency(), list, outcomes.size()));
            });
            results.add(new SimulationResult.ScheduleResult(schedules.get(s).label(), terms));
        }
        return new SimulationResult(scenario, outcomes.size(), results);
    }

    /** A well-mixed seed for run {@code run} (a SplittableRandom seeded with consecutive numbers would repeat itself). */
    static long mix(long seed, long run) {
        long z = seed + (run + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
