package dev.treaty.cli;

import dev.treaty.app.Workspace;
import dev.treaty.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty report}: one self-contained HTML file with the agreement, its money and its decisions. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write one self-contained HTML report (no network, printable): the parties and"
        + " terms in force, a timeline of versions and clauses, revenue-share payments against the cap, what each amendment"
        + " changed in money, the release matrix, licences, the stake, the commitment's drawdown and, with --scenario, a"
        + " simulation. Every figure links to its explanation.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--revenue", arity = "1..*", paramLabel = "FILE", description = "Revenue lines (CSV), for the payments and the amendment impact.")
    List<Path> revenue = new ArrayList<>();

    @Option(names = "--through", paramLabel = "DATE", description = "Settle revenue dated through this date (needed with --revenue).")
    LocalDate through;

    @Option(names = "--on", paramLabel = "DATE", description = "The date of the summary, the release matrix, licences and holdings (default: today).")
    LocalDate on;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("report.html");

    @Option(names = "--products", split = ",", paramLabel = "NAME", description = "Rows of the release matrix (default: every product in the events).")
    List<String> products = new ArrayList<>();

    @Option(names = "--clouds", split = ",", paramLabel = "NAME", description = "Columns of the release matrix (default: azure, aws, gcp, oracle and every cloud released on).")
    List<String> clouds = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE", description = "Also simulate this scenario (see 'treaty simulate') and chart it.")
    Path scenario;

    @Option(names = "--runs", paramLabel = "N", description = "Runs of the simulation (default: ${DEFAULT-VALUE}).")
    int runs = 2_000;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--versions", split = ",", paramLabel = "V", description = "Versions the simulation compares (see 'treaty simulate').")
    List<String> versions = new ArrayList<>();

    @Override
    public Integer call() {
        if ((!revenue.isEmpty() || options.db != null) && through == null) throw new BadInputException("--through is needed with --revenue: settle revenue dated through which day?");
        LocalDate date = on != null ? on : LocalDate.now(Clock.systemDefaultZone());
        Path written;
        try (Workspace workspace = options.open(spec, facts, revenue)) {
            written = write(spec, workspace, new Report.Request(Optional.ofNullable(through), date, products, clouds,
                    Optional.ofNullable(scenario), runs, seed, versions), out);
        }
        spec.commandLine().getOut().println("wrote " + written + " (" + String.format("%,d", size(written) / 1024) + " KB); open it in a browser");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Renders the report, with a progress bar for the simulation; writes the file whole or not at all. Used by {@code treaty demo} too. */
    static Path write(CommandSpec spec, Workspace workspace, Report.Request request, Path target) {
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "simulating", "runs");
        String html = Report.render(workspace, request, done -> bar.update(done, request.runs(), done));
        OutputFile.write(target, "the report", out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
        return target;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
