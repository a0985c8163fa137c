package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.report.SettlementText;
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

    enum Engine { stream, pushdown, spark }

    @Option(names = "--engine", paramLabel = "ENGINE", description = "How revenue bases are summed: 'stream' (Treaty reads"
            + " the CSV itself; the default for CSV), 'pushdown' (DuckDB sums them; always used for Parquet files) or 'spark'"
            + " (Apache Spark sums them, in local mode or on the cluster --master names; see docs/scale.md).")
    Engine engine = Engine.stream;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, local[N] or spark://HOST:PORT"
            + " (default local[*]).")
    String master;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (engine == Engine.spark) return spark(out);
        if (master != null) throw new dev.treaty.app.BadRequest("--master is for --engine spark");
        SettlementResult result;
        try (Workspace workspace = options.open(spec, facts, revenue)) {
            result = Settlements.settle(workspace, new Settlements.Request(through, Optional.ofNullable(from), Optional.ofNullable(term),
                    engine == Engine.pushdown));
        }
        if (options.json) Json.print(out, Json.settlement(result, facts.explain));
        else if (csv) dev.treaty.report.StatementCsv.write(out, result);
        else SettlementText.print(out, result, facts.explain);
        out.flush();
        return ExitCodes.OK;
    }

    /** The same settlement on Spark: files only (the job reads no store), everything as recorded in them. */
    private int spark(PrintWriter out) {
        List<String> unsupported = new java.util.ArrayList<>();
        if (options.db != null) unsupported.add("--db");
        if (options.asKnown != null) unsupported.add("--as-known");
        if (options.asRecorded != null) unsupported.add("--as-recorded");
        if (!options.assume.isEmpty()) unsupported.add("--assume");
        if (from != null) unsupported.add("--from");
        if (facts.explain) unsupported.add("--explain");
        if (facts.strict) unsupported.add("--strict");
        if (!unsupported.isEmpty()) {
            throw new dev.treaty.app.BadRequest("--engine spark settles the files as they are: " + String.join(", ", unsupported)
                    + (unsupported.size() == 1 ? " is" : " are") + " not supported with it (use --engine stream or pushdown)");
        }
        if (options.folder == null) throw new dev.treaty.app.BadRequest("--engine spark needs the agreement folder (DIR)");
        if (revenue.isEmpty()) throw new dev.treaty.app.BadRequest("name the revenue: --revenue FILE (Parquet or CSV)");
        return SparkEngine.run(new SparkEngine.Job(options.folder, revenue, facts.events, through, term, options.agreement, facts.skipBad,
                master, options.json ? "json" : csv ? "csv" : "text"), out, spec.commandLine().getErr());
    }
}
