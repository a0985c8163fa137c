package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.app.Decisions;
import dev.treaty.app.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code treaty stake}: a holder's percentage and its value at the latest valuation. */
@Command(name = "stake", mixinStandardHelpOptions = true, description = "A holder's stake on a date: its percentage after issuances, and its value at the latest valuation.")
final class StakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--holder", required = true, paramLabel = "H", description = "The shareholder.")
    String holder;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day.")
    LocalDate on;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Holdings.StakePosition stake;
        try (Workspace workspace = options.open(spec, facts, java.util.List.of())) {
            stake = Decisions.stake(workspace, holder, on);
        }
        if (options.json) {
            var node = Json.object().put("holder", stake.holder()).put("issuer", stake.issuer())
                    .put("percentage", stake.percentage().points().toPlainString())
                    .put("value", stake.value().map(v -> v.toPlainString()).orElse(null))
                    .put("currency", stake.value().map(v -> v.currency().getCurrencyCode()).orElse(null));
            node.set("explanation", Json.explanation(stake.why()));
            Json.print(out, node);
        } else {
            out.println(stake.holder() + " holds " + stake.percentage() + " of " + stake.issuer() + " on " + on
                    + stake.value().map(v -> ", worth " + v).orElse(""));
            DecisionText.print(out, stake.why(), facts.explain);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
