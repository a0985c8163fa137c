package dev.treaty.report;

import dev.treaty.app.Simulations;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueSink;
import dev.treaty.evaluator.settle.AmendmentWorth;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.simulate.SimulationResult;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The report: one self-contained HTML page with the agreement, its money and its decisions, every
 * figure linked to its explanation. Settles, weighs each amendment and simulates here; the
 * command line writes the page to a file, the service serves it.
 */
public final class Report {

    /**
     * What a report covers.
     *
     * @param through  the last day of revenue settled (needed when the workspace has revenue)
     * @param on       the date of the summary, the release matrix, licences and holdings
     * @param products rows of the release matrix (empty: every product in the events)
     * @param clouds   columns of the release matrix (empty: the usual clouds and every one released on)
     * @param scenario a scenario to simulate and chart, with {@code runs}, {@code seed} and the {@code versions} compared
     */
    public record Request(Optional<LocalDate> through, LocalDate on, List<String> products, List<String> clouds,
                          Optional<Path> scenario, int runs, long seed, List<String> versions) {
        public Request {
            products = List.copyOf(products);
            clouds = List.copyOf(clouds);
            versions = List.copyOf(versions);
        }
    }

    private Report() {
    }

    /** The tests written beside the agreement and what they cover, when it is read from a folder that has some. */
    private static Optional<ReportPage.Tests> tests(Workspace workspace) {
        Optional<Path> folder = workspace.inputs().folder().filter(java.nio.file.Files::isDirectory);
        if (folder.isEmpty()) return Optional.empty();
        try {
            List<dev.treaty.app.testing.AgreementTest> tests = dev.treaty.app.testing.TestReader.read(List.of(folder.get()));
            if (tests.isEmpty()) return Optional.empty();
            dev.treaty.app.testing.TestRunner.Run run = dev.treaty.app.testing.TestRunner.run(tests);
            return Optional.of(new ReportPage.Tests(run, dev.treaty.app.testing.Coverage.of(List.of(folder.get()), run), List.of()));
        } catch (dev.treaty.app.BadRequest unreadable) {
            return Optional.of(new ReportPage.Tests(new dev.treaty.app.testing.TestRunner.Run(List.of()), List.of(), unreadable.details()));
        }
    }

    /** The page's HTML; {@code simulationProgress} hears the simulation's runs done so far. */
    public static String render(Workspace workspace, Request request, LongConsumer simulationProgress) {
        Optional<SettlementResult> settlement = Optional.empty();
        List<ReportPage.Impact> impacts = new ArrayList<>();
        if (workspace.hasRevenue()) {
            LocalDate last = request.through().orElseThrow(() -> new dev.treaty.app.BadRequest(
                    "--through is needed with --revenue: settle revenue dated through which day?"));
            SettlementPlan actual = SettlementPlan.of(SettlementPlan.schedule(workspace.agreement()), workspace.facts(), last, Optional.empty());
            List<AmendmentWorth> worths = AmendmentWorth.each(workspace.agreement(), workspace.facts(), last);
            // one pass over the revenue feeds every plan
            workspace.revenue(new RevenueSink() {
                @Override
                public void accept(RevenueLine line) {
                    actual.accept(line);
                    for (AmendmentWorth worth : worths) worth.accept(line);
                }

                @Override
                public void retract(RevenueLine line) {
                    actual.retract(line);
                    for (AmendmentWorth worth : worths) worth.retract(line);
                }
            });
            settlement = Optional.of(Settlement.compute(actual, workspace.agreement().assumptions(), Optional.empty()));
            for (AmendmentWorth worth : worths) impacts.add(new ReportPage.Impact(worth.changes(), worth.diff()));
        }
        Optional<SimulationResult> simulation = request.scenario().map(file -> Simulations.run(workspace, new Simulations.Request(file,
                request.versions().isEmpty() ? List.of(Simulations.AS_AMENDED) : request.versions(), request.runs(), request.seed()),
                simulationProgress));
        return new ReportPage(workspace, request, settlement, impacts, simulation, tests(workspace)).render();
    }
}
