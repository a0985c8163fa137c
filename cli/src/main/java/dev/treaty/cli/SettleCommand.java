package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.app.Settlements;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.settle.SettlementResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty settle}: statements per accounting period per revenue-share term. */
@Command(name = "settle", mixinStandardHelpOptions = true, description = "Settle revenue shares: a statement per accounting period"
        + " per revenue-share term, split where an amendment, a sunset or an event falls inside a period, with caps, tiers,"
        + " advances, minimum guarantees, due dates and the net position when shares run both ways.")
final class SettleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--revenue", arity = "1..*", paramLabel = "FILE", description = "Revenue lines: CSV, or Parquet with the same"
            + " columns (see docs/facts.md); with --db, the store's revenue is settled too.")
    List<Path> revenue = new java.util.ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "Report periods from this date (earlier periods still count toward caps and tiers).")
    LocalDate from;

    @Option(names = "--through", required = true, paramLabel = "DATE", description = "Settle revenue dated through this date.")
    LocalDate through;

    @Option(names = "--term", paramLabel = "NAME", description = "Only this revenue-share term.")
    String term;

    @Option(names = "--csv", description = "Print the statement lines as CSV.")
    boolean csv;

    enum Engine { stream, pushdown }

    @Option(names = "--engine", paramLabel = "ENGINE", description = "How revenue bases are summed: 'stream' (Treaty reads"
            + " the CSV itself; the default for CSV) or 'pushdown' (DuckDB sums them; always used for Parquet files).")
    Engine engine = Engine.stream;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SettlementResult result;
        try (Workspace workspace = options.open(spec, facts, revenue)) {
            result = Settlements.settle(workspace, new Settlements.Request(through, Optional.ofNullable(from), Optional.ofNullable(term),
                    engine == Engine.pushdown));
        }
        if (options.json) Json.print(out, Json.settlement(result, facts.explain));
        else if (csv) SettlementText.csv(out, result);
        else SettlementText.print(out, result, facts.explain);
        out.flush();
        return ExitCodes.OK;
    }
}
