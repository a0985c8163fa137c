package dev.treaty.app;

import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.simulate.Scenario;
import dev.treaty.evaluator.simulate.ScenarioException;
import dev.treaty.evaluator.simulate.Simulation;
import dev.treaty.evaluator.simulate.SimulationResult;
import dev.treaty.language.Limits;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** Monte Carlo simulation of a scenario's revenue paths, settled under one or more versions of the agreement. */
public final class Simulations {

    /** Each version over the days it was in force: the agreement as amended. */
    public static final String AS_AMENDED = "as-amended";

    /**
     * What to simulate.
     *
     * @param versions {@link #AS_AMENDED}, a document id (the agreement as that document left it, on
     *                 every day) or a date (the version in force that day, on every day)
     */
    public record Request(Path scenario, List<String> versions, int runs, long seed) {
        public Request {
            versions = List.copyOf(versions);
        }
    }

    private Simulations() {
    }

    /** Reads the scenario and its history, and runs it; {@code progress} hears the runs done so far. */
    public static SimulationResult run(Workspace workspace, Request request, LongConsumer progress) {
        if (request.runs() < 1 || request.runs() > Limits.SIMULATION_RUNS_MAX) {
            throw new BadRequest("--runs: " + request.runs() + " is not between 1 and " + Limits.SIMULATION_RUNS_MAX
                    + " (the limit SIMULATION_RUNS_MAX)");
        }
        try {
            Scenario scenario = Scenario.read(request.scenario());
            List<Simulation.Schedule> schedules = new ArrayList<>();
            for (String version : request.versions()) schedules.add(schedule(workspace, version.trim()));
            List<RevenueLine> history = new ArrayList<>();
            scenario.history().ifPresent(file -> {
                RevenueReader.Result read = RevenueReader.read(List.of(file), history::add, RevenueReader.Progress.NONE);
                if (!read.errors().isEmpty()) {
                    throw new BadRequest(read.errors().size() + " bad revenue lines in the scenario's history; nothing was"
                            + " simulated", read.errors().stream().limit(50).map(Object::toString).toList());
                }
            });
            Simulation simulation = new Simulation(scenario, schedules, workspace.facts(), workspace.agreement().assumptions(), history);
            return simulation.run(request.runs(), request.seed(), progress::accept);
        } catch (ScenarioException e) {
            throw new BadRequest(e.getMessage());
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
            throw new BadRequest("--versions: '" + version + "' is not " + AS_AMENDED + ", a document id ("
                    + String.join(", ", workspace.agreement().versions().stream().map(v -> v.latest().id()).toList())
                    + ") or a date");
        }
        ConsolidatedAgreement fixed = workspace.versionOn(date);
        return new Simulation.Schedule("as on " + date + " (" + fixed.latest().id() + ")", SettlementPlan.fixed(fixed, LocalDate.of(1900, 1, 1)));
    }
}
