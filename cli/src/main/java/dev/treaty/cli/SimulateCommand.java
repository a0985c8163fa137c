package dev.treaty.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.simulate.Scenario;
import dev.treaty.evaluator.simulate.ScenarioException;
import dev.treaty.evaluator.simulate.Simulation;
import dev.treaty.evaluator.simulate.SimulationResult;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code treaty simulate}: Monte Carlo over revenue paths, settled under one or more agreement versions side by side. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Settle many random revenue paths from a scenario file (YAML) under one or more"
        + " agreement versions side by side: the distribution of total payments, the chance and the date of reaching a cap,"
        + " present values and percentiles. Seeded and deterministic; runs on every core.")
final class SimulateCommand implements Callable<Integer> {

    static final String AS_AMENDED = "as-amended";

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario (YAML; see docs/simulate.md).")
    Path scenario;

    @Option(names = "--runs", paramLabel = "N", description = "How many revenue paths (default: ${DEFAULT-VALUE}).")
    int runs = 10_000;

    @Option(names = "--seed", paramLabel = "S", description = "The random seed; the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--versions", split = ",", paramLabel = "V", description = "Settle under each of these, side by side: '"
            + AS_AMENDED + "' (each version over the days it was in force; the default), the id of a document (the agreement as"
            + " that document left it, applied to every day), or a date (the version in force that day, applied to every day).")
    List<String> versions = List.of(AS_AMENDED);

    @Override
    public Integer call() {
        if (runs < 1 || runs > dev.treaty.language.Limits.SIMULATION_RUNS_MAX) {
            throw new BadInputException("--runs: " + runs + " is not between 1 and " + dev.treaty.language.Limits.SIMULATION_RUNS_MAX
                    + " (the limit SIMULATION_RUNS_MAX)");
        }
        SimulationResult result;
        try (Workspace evaluation = options.open(spec, facts, List.of())) {
            result = simulate(spec, evaluation, scenario, versions, runs, seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) Json.print(out, json(result));
        else print(out, result);
        out.flush();
        return ExitCodes.OK;
    }

    /** Reads the scenario and its history, and runs it; used by the report too. */
    static SimulationResult simulate(CommandSpec spec, Workspace evaluation, Path scenarioFile, List<String> versions, int runs, long seed) {
        Scenario scenario;
        try {
            scenario = Scenario.read(scenarioFile);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage());
        }
        List<Simulation.Schedule> schedules = new ArrayList<>();
        for (String version : versions) schedules.add(schedule(evaluation, version.trim()));
        List<RevenueLine> history = new ArrayList<>();
        scenario.history().ifPresent(file -> {
            RevenueReader.Result read = RevenueReader.read(List.of(file), history::add, RevenueReader.Progress.NONE);
            if (!read.errors().isEmpty()) {
                throw new dev.treaty.app.BadRequest(read.errors().size() + " bad revenue lines in the scenario's history; nothing was"
                        + " simulated", read.errors().stream().limit(50).map(Object::toString).toList());
            }
        });
        Simulation simulation;
        try {
            simulation = new Simulation(scenario, schedules, evaluation.facts(), evaluation.agreement().assumptions(), history);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage());
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "simulating", "runs");
        try {
            return simulation.run(runs, seed, done -> bar.update(done, runs, done));
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static Simulation.Schedule schedule(Workspace workspace, String version) {
        if (version.equals(AS_AMENDED)) {
            return new Simulation.Schedule(AS_AMENDED, SettlementPlan.schedule(workspace.agreement()));
        }
        for (ConsolidatedAgreement candidate : workspace.agreement().versions()) {
            if (candidate.latest().id().equals(version)) {
                return new Simulation.Schedule(version, SettlementPlan.fixed(candidate, LocalDate.of(1900, 1, 1)));
            }
        }
        LocalDate date;
        try {
            date = LocalDate.parse(version);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--versions: '" + version + "' is not " + AS_AMENDED + ", a document id ("
                    + String.join(", ", workspace.agreement().versions().stream().map(v -> v.latest().id()).toList())
                    + ") or a date");
        }
        ConsolidatedAgreement fixed = workspace.versionOn(date);
        return new Simulation.Schedule("as on " + date + " (" + fixed.latest().id() + ")", SettlementPlan.fixed(fixed, LocalDate.of(1900, 1, 1)));
    }

    static void print(PrintWriter out, SimulationResult result) {
        Scenario scenario = result.scenario();
        out.println("simulation: " + scenario.name() + " — " + String.format("%,d", result.runs()) + " runs, " + scenario.party()
                + "'s revenue " + scenario.start() + " to " + scenario.through() + ", payments from " + scenario.start()
                + ", present values at " + scenario.discountRate().movePointRight(2).stripTrailingZeros().toPlainString()
                + "% a year to " + scenario.valuationDate());
        for (SimulationResult.ScheduleResult schedule : result.schedules()) {
            out.println();
            out.println("under " + schedule.label() + ":");
            if (schedule.terms().isEmpty()) out.println("  no revenue-share term of " + scenario.party() + " applies");
            for (SimulationResult.TermResult term : schedule.terms()) {
                String currency = term.currency().getCurrencyCode() + " ";
                out.println("  " + term.term() + " (" + term.payer() + " → " + term.payee() + ")");
                out.println(String.format("    %-14s %22s %22s", "", "total due", "present value"));
                out.println(String.format("    %-14s %22s %22s", "mean", SettlementText.amount(term.mean()),
                        SettlementText.amount(term.meanPresentValue())));
                for (int percent : SimulationResult.PERCENTILES) {
                    out.println(String.format("    %-14s %22s %22s", "p" + percent, SettlementText.amount(term.total(percent)),
                            SettlementText.amount(term.presentValue(percent))));
                }
                out.println("    range " + currency + SettlementText.amount(dev.treaty.model.value.Money.of(term.lowest(), term.currency()))
                        + " to " + currency + SettlementText.amount(dev.treaty.model.value.Money.of(term.highest(), term.currency())));
                if (term.capDates().isEmpty()) {
                    out.println("    the total cap is reached in no run");
                } else {
                    out.println("    the total cap is reached in " + term.capDates().size() + " of " + term.runs() + " runs ("
                            + term.capProbability().movePointRight(2).stripTrailingZeros().toPlainString() + "%): p5 "
                            + term.capDate(5).orElseThrow() + ", median " + term.capDate(50).orElseThrow() + ", p95 "
                            + term.capDate(95).orElseThrow());
                    StringBuilder years = new StringBuilder("    runs reaching it, by year:");
                    term.capByYear().forEach((year, count) -> years.append(" ").append(year).append(": ").append(count));
                    out.println(years);
                }
            }
        }
    }

    static ObjectNode json(SimulationResult result) {
        ObjectNode root = Json.object();
        Scenario scenario = result.scenario();
        root.put("scenario", scenario.name()).put("runs", result.runs()).put("party", scenario.party())
                .put("start", scenario.start().toString()).put("through", scenario.through().toString())
                .put("discountRate", scenario.discountRate().toPlainString()).put("valuationDate", scenario.valuationDate().toString());
        ArrayNode schedules = root.putArray("versions");
        for (SimulationResult.ScheduleResult schedule : result.schedules()) {
            ObjectNode s = schedules.addObject().put("version", schedule.label());
            ArrayNode terms = s.putArray("terms");
            for (SimulationResult.TermResult term : schedule.terms()) {
                ObjectNode t = terms.addObject().put("term", term.term()).put("payer", term.payer()).put("payee", term.payee())
                        .put("currency", term.currency().getCurrencyCode());
                t.put("meanTotal", term.mean().toPlainString()).put("meanPresentValue", term.meanPresentValue().toPlainString());
                ObjectNode totals = t.putObject("totalPercentiles");
                ObjectNode values = t.putObject("presentValuePercentiles");
                for (int percent : SimulationResult.PERCENTILES) {
                    totals.put("p" + percent, term.total(percent).toPlainString());
                    values.put("p" + percent, term.presentValue(percent).toPlainString());
                }
                t.put("lowest", term.lowest().toPlainString()).put("highest", term.highest().toPlainString());
                t.put("capProbability", term.capProbability().toPlainString());
                ObjectNode capDates = t.putObject("capDatePercentiles");
                for (int percent : SimulationResult.PERCENTILES) {
                    capDates.put("p" + percent, term.capDate(percent).map(LocalDate::toString).orElse(null));
                }
                ObjectNode byYear = t.putObject("capReachedByYear");
                term.capByYear().forEach((year, count) -> byYear.put(year.toString(), count));
                ArrayNode histogram = t.putArray("histogram");
                for (long count : term.histogram(20)) histogram.add(count);
            }
        }
        return root;
    }
}
