package dev.treaty.cli;

import dev.treaty.report.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.treaty.app.Decisions;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.Holdings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code treaty commitment}: committed, drawn, remaining, time left, shortfall. */
@Command(name = "commitment", mixinStandardHelpOptions = true, description = "Purchase commitments on a date: committed, drawn by spend, remaining,"
        + " time left, and the shortfall at the window's end.")
final class CommitmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day.")
    LocalDate on;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Holdings.CommitmentPosition> positions;
        try (Workspace workspace = options.open(spec, facts, List.of())) {
            positions = Decisions.commitments(workspace, on);
        }
        if (options.json) {
            ArrayNode array = Json.array();
            for (Holdings.CommitmentPosition p : positions) {
                var node = array.addObject().put("purchaser", p.purchaser()).put("provider", p.provider())
                        .put("currency", p.committed().currency().getCurrencyCode())
                        .put("committed", p.committed().toPlainString()).put("drawn", p.drawn().toPlainString())
                        .put("remaining", p.remaining().toPlainString())
                        .put("windowEnd", p.windowEnd().map(Object::toString).orElse(null)).put("daysLeft", p.daysLeft())
                        .put("shortfallIfNoMoreSpend", p.shortfallIfNoMoreSpend().toPlainString())
                        .put("projectedShortfall", p.projectedShortfall().map(m -> m.toPlainString()).orElse(null));
                node.set("explanation", Json.explanation(p.why()));
            }
            Json.print(out, array);
        } else {
            for (Holdings.CommitmentPosition p : positions) {
                out.println(p.purchaser() + " → " + p.provider() + " on " + on + ": committed " + p.committed() + ", drawn " + p.drawn()
                        + ", remaining " + p.remaining() + p.windowEnd().map(end -> ", " + p.daysLeft() + " days left (through " + end + ")").orElse(""));
                out.println("  shortfall at the window's end if nothing more is spent: " + p.shortfallIfNoMoreSpend()
                        + p.projectedShortfall().map(s -> "; at the run rate so far: " + s).orElse(""));
                if (facts.explain) DecisionText.print(out, p.why(), true);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
