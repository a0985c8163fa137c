package dev.treaty.cli;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code treaty demo}: the flagship example's timeline and the terms in force today. */
@Command(name = "demo", description = "Run on the bundled Microsoft–OpenAI example: its timeline and the terms in force.")
final class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "examples/microsoft-openai";

    @Spec
    CommandSpec spec;

    @Option(names = "--on", paramLabel = "DATE", description = "The date to show the terms in force on (default: today).")
    LocalDate on;

    @Option(names = "--examples", paramLabel = "DIR", description = "Where the example lives (default: the Treaty checkout's "
            + EXAMPLE + ").")
    Path example;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = relative(example != null ? example : home().resolve(EXAMPLE));
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("the example folder " + folder + " is missing; run from a Treaty checkout or pass --examples");
        }
        LocalDate today = on != null ? on : LocalDate.now(Clock.systemDefaultZone());
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(folder), Map.of());
        if (loaded.hasErrors()) {
            throw new BadInputException("the bundled example has errors; run 'treaty check " + folder + "'");
        }
        AgreementHistory history = loaded.agreement(java.util.Optional.empty());

        out.println("Treaty demo: " + history.agreement().title() + ", from " + folder);
        out.println("Every figure the public record lacks is a named assumption (see " + folder.resolve("assumptions.treaty.md") + ").");
        out.println();
        out.println("== Timeline ==");
        TimelineCommand.print(out, history, history.versions());
        out.println();
        ConsolidatedAgreement version = history.versionOn(today).orElseThrow();
        out.println("== Terms in force on " + today + " (the version " + version.inForce() + ") ==");
        for (TermInForce term : version.terms()) {
            String status = TermText.status(term.term(), today);
            out.println("  " + TermText.pad(term.clause().clause().id().toString(), 5) + " " + term.term().header().label());
            out.println("        " + TermText.summary(term.term()) + (status.isEmpty() ? "" : "  [" + status + "]"));
        }
        out.println();
        out.println("Next: ./treaty show " + folder + " --on " + today + "    (clauses, provenance, assumptions)");
        out.println("      ./treaty diff " + folder + " --from 2026-04-26 --to 2026-04-27    (what the April 2026 amendment changed)");
        out.flush();
        return ExitCodes.OK;
    }

    /** The folder relative to the working directory when it lies below it, for shorter paths in the output. */
    private static Path relative(Path folder) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : folder;
    }

    /** The Treaty checkout: set by the ./treaty launcher, else the working directory. */
    private static Path home() {
        String home = System.getProperty("treaty.home");
        return home != null ? Path.of(home) : Path.of("");
    }
}
