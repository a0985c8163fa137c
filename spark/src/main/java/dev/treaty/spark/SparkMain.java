package dev.treaty.spark;

import dev.treaty.evaluator.settle.SettlementException;
import dev.treaty.report.StatementCsv;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The Spark job's command line, for spark-submit and for {@code treaty settle --engine spark}:
 * exit 0 with the statements written, 2 when the input is refused (nothing written), 3 when the
 * engine fails. Never 1: 1 means DENIED elsewhere in Treaty, and a settlement is not a decision.
 */
@Command(name = "treaty-spark", mixinStandardHelpOptions = true, version = "treaty-spark 0.1.0",
        description = "Settle an agreement's revenue terms on Apache Spark: the cluster sums the bases, the driver settles.")
public final class SparkMain implements Callable<Integer> {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int FAILED = 3;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of *.treaty.md files (on the driver's filesystem).")
    Path folder;

    @Option(names = "--revenue", required = true, split = ",", paramLabel = "PATH",
            description = "Revenue: Parquet files or folders (partitioned date=…/ folders too), or CSV files; any path Spark reads (file:, hdfs:, s3a:).")
    List<String> revenue = new ArrayList<>();

    @Option(names = "--events", split = ",", paramLabel = "FILE", description = "Events, JSON Lines (on the driver's filesystem).")
    List<Path> events = new ArrayList<>();

    @Option(names = "--through", required = true, paramLabel = "DATE", description = "The last day of revenue settled.")
    LocalDate through;

    @Option(names = "--term", paramLabel = "NAME", description = "Settle only this term.")
    String term;

    @Option(names = "--agreement", paramLabel = "ID", description = "Which agreement, when the folder has several.")
    String agreement;

    @Option(names = "--skip-bad", description = "Report the bad revenue lines and settle without them, instead of refusing the run.")
    boolean skipBad;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not set by spark-submit (default local[*]).")
    String master;

    @Option(names = "--out", paramLabel = "PATH", description = "Write the statement lines here (any filesystem Spark writes) instead of to standard output.")
    String out;

    @Option(names = "--timings", description = "Print where the time went: the driver's planning and settling, and the cluster's scan and shuffle (from Spark's task metrics).")
    boolean timings;

    @Option(names = "--format", paramLabel = "csv|json|text|parquet", description = "csv (default, as treaty settle --csv), json (as treaty settle --json), text (as treaty settle) or parquet (needs --out).")
    String format = "csv";

    private PrintStream stdout;
    private PrintStream stderr;

    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        SparkMain main = new SparkMain();
        main.stdout = stdout;
        main.stderr = stderr;
        CommandLine command = new CommandLine(main);
        command.setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8));
        command.setErr(new PrintWriter(stderr, true, StandardCharsets.UTF_8));
        command.setParameterExceptionHandler((e, ignored) -> {
            stderr.println("treaty-spark: " + e.getMessage());
            return BAD_INPUT;
        });
        command.setExecutionExceptionHandler((e, ignored, parsed) -> {
            stderr.println("treaty-spark: the engine failed: " + SparkSettle.firstLine(e));
            return FAILED;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() {
        if (!List.of("csv", "json", "text", "parquet").contains(format)) {
            stderr.println("treaty-spark: --format is csv, json, text or parquet, not '" + format + "'");
            return BAD_INPUT;
        }
        if (format.equals("parquet") && out == null) {
            stderr.println("treaty-spark: --format parquet writes a folder: name it with --out");
            return BAD_INPUT;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("treaty settle " + folder.getFileName());
        if (master != null) builder.master(master);
        else if (!SparkSessionHolder.hasMaster()) builder.master("local[*]");
        SparkSession spark = builder.getOrCreate();
        StageTimes stages = new StageTimes();
        if (timings) spark.sparkContext().addSparkListener(stages);
        try {
            SparkSettle.Outcome outcome = SparkSettle.settle(spark, new SparkSettle.Request(folder, Optional.ofNullable(agreement), revenue,
                    events, through, Optional.ofNullable(term), skipBad));
            outcome.skipped().forEach(bad -> stderr.println(bad + " (skipped)"));
            if (!outcome.skipped().isEmpty()) stderr.println("skipped " + outcome.skipped().size() + " bad revenue line(s) (the first "
                    + SparkSettle.REPORTED_MAX + " at most are listed)");
            write(spark, outcome);
            if (timings) {
                stderr.printf(java.util.Locale.ROOT, "timings: driver plan %.2f s, cluster %.2f s (scan stages %.2f s of task time reading %,d MB;"
                                + " shuffle write %.2f s, shuffle fetch wait %.2f s), driver settle %.2f s%n", outcome.timings().plan(),
                        outcome.timings().cluster(), stages.scanSeconds(), stages.inputBytes() / 1_000_000, stages.shuffleWriteSeconds(),
                        stages.shuffleWaitSeconds(), outcome.timings().settle());
            }
            stderr.println(outcome.lines() + " revenue lines counted once (" + outcome.repeated() + " repeated lines removed), "
                    + outcome.result().ignoredLines() + " counted by no term");
            return OK;
        } catch (SparkSettle.Refused e) {
            e.problems().forEach(stderr::println);
            stderr.println("treaty-spark: nothing was computed");
            return BAD_INPUT;
        } catch (SettlementException e) {
            stderr.println("treaty-spark: " + e.getMessage() + "; nothing was computed");
            return BAD_INPUT;
        }
    }

    private void write(SparkSession spark, SparkSettle.Outcome outcome) {
        if (format.equals("parquet")) {
            StatementRows.of(spark, outcome.result()).write().mode("errorifexists").parquet(out);
            return;
        }
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            switch (format) {
                case "json" -> dev.treaty.report.Json.print(writer, dev.treaty.report.Json.settlement(outcome.result(), false));
                case "text" -> dev.treaty.report.SettlementText.print(writer, outcome.result(), false);
                default -> StatementCsv.write(writer, outcome.result());
            }
        }
        if (out == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            StatementRows.writeText(spark, out, text.toString());
        }
    }

    /** Task time summed per kind of stage, from Spark's own metrics. */
    static final class StageTimes extends org.apache.spark.scheduler.SparkListener {
        private long scanMillis;
        private long inputBytes;
        private long shuffleWriteNanos;
        private long shuffleWaitMillis;

        @Override
        public synchronized void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted completed) {
            var metrics = completed.stageInfo().taskMetrics();
            if (metrics == null) return;
            if (metrics.inputMetrics().bytesRead() > 0) {
                scanMillis += metrics.executorRunTime();
                inputBytes += metrics.inputMetrics().bytesRead();
            }
            shuffleWriteNanos += metrics.shuffleWriteMetrics().writeTime();
            shuffleWaitMillis += metrics.shuffleReadMetrics().fetchWaitTime();
        }

        synchronized double scanSeconds() {
            return scanMillis / 1e3;
        }

        synchronized long inputBytes() {
            return inputBytes;
        }

        synchronized double shuffleWriteSeconds() {
            return shuffleWriteNanos / 1e9;
        }

        synchronized double shuffleWaitSeconds() {
            return shuffleWaitMillis / 1e3;
        }
    }

    /** Whether spark-submit has already chosen a master for this driver. */
    static final class SparkSessionHolder {
        static boolean hasMaster() {
            return System.getProperty("spark.master") != null;
        }
    }
}
