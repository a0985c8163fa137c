package dev.treaty.cli;

import dev.treaty.report.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.Simulations;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.simulate.Scenario;
import dev.treaty.evaluator.simulate.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code treaty simulate}: Monte Carlo over revenue paths, settled under one or more agreement versions side by side. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Settle many random revenue paths from a scenario file (YAML) under one or more"
        + " agreement versions side by side: the distribution of total payments, the chance and the date of reaching a cap,"
        + " present values and percentiles. Seeded and deterministic; runs on every core.")
final class SimulateCommand implements Callable<Integer> {

    static final String AS_AMENDED = Simulations.AS_AMENDED;

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

    /** Runs the simulation with a progress bar on standard error; used by the report too. */
    static SimulationResult simulate(CommandSpec spec, Workspace evaluation, Path scenarioFile, List<String> versions, int runs, long seed) {
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "simulating", "runs");
        return Simulations.run(evaluation, new Simulations.Request(scenarioFile, versions, runs, seed), done -> bar.update(done, runs, done));
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
                out.println(String.format("    %-14s %22s %22s", "mean", dev.treaty.report.Wording.amount(term.mean()),
                        dev.treaty.report.Wording.amount(term.meanPresentValue())));
                for (int percent : SimulationResult.PERCENTILES) {
                    out.println(String.format("    %-14s %22s %22s", "p" + percent, dev.treaty.report.Wording.amount(term.total(percent)),
                            dev.treaty.report.Wording.amount(term.presentValue(percent))));
                }
                out.println("    range " + currency + dev.treaty.report.Wording.amount(dev.treaty.model.value.Money.of(term.lowest(), term.currency()))
                        + " to " + currency + dev.treaty.report.Wording.amount(dev.treaty.model.value.Money.of(term.highest(), term.currency())));
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
