package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.app.Obligations;
import dev.treaty.app.Workspace;
import dev.treaty.model.Party;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code treaty obligations}: what each party must do, and what lapses soon. */
@Command(name = "obligations", mixinStandardHelpOptions = true, description = "For each party on a date: payments outstanding and"
        + " upcoming, capability requests and offers under a right of first refusal awaiting its answer (with the deadline and"
        + " what silence means), commitments, and rights that lapse within a year.")
final class ObligationsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day.")
    LocalDate on;

    @Option(names = "--revenue", arity = "1..*", paramLabel = "FILE", description = "Revenue lines, for the payments due.")
    List<Path> revenue = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Obligations.Result result;
        try (Workspace workspace = options.open(spec, facts, revenue)) {
            result = Obligations.on(workspace, on);
        }
        if (options.json) {
            Json.print(out, Json.obligations(result));
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Obligations on " + on + " under " + result.version().agreementId() + " (the version " + result.version().inForce() + ")");
        result.byParty().forEach((Party party, List<Obligations.Item> items) -> {
            out.println();
            out.println(party);
            if (items.isEmpty()) out.println("  nothing due, pending or lapsing");
            for (Obligations.Item item : items) {
                out.println("  " + item.text());
                if (facts.explain) item.citations().forEach(c -> out.println("      · " + c));
            }
        });
        if (!result.withPayments()) out.println("\n(payments are listed when --revenue is given)");
        out.flush();
        return ExitCodes.OK;
    }
}
