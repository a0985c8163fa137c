package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.report.SettlementText;
import dev.treaty.app.Changes;
import dev.treaty.app.Workspace;
import dev.treaty.model.Document;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty diff DIR --from DATE --to DATE}: what changed between the versions in force on two dates. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "What changed between the versions in force on two dates:"
        + " clauses added, struck or changed, and each term's changed attributes (\"exclusive: yes → no\"). With --revenue, what"
        + " the change is worth: the same revenue settled under the history with and without the documents that joined.")
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "The earlier date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "The later date.")
    LocalDate to;

    @Option(names = "--revenue", arity = "1..*", paramLabel = "FILE", description = "Also settle this revenue under the history"
            + " with and without the change, and show what it is worth, per period and per party.")
    List<Path> revenue = new ArrayList<>();

    @Option(names = "--through", paramLabel = "DATE", description = "Settle revenue dated through this date (default: 2100-12-31).")
    LocalDate through;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Changes.Result result;
        String title;
        String id;
        try (Workspace workspace = options.open(spec, facts, revenue)) {
            boolean money = !revenue.isEmpty() || (options.db != null && through != null);
            result = Changes.between(workspace, from, to, money ? Optional.of(through != null ? through : LocalDate.of(2100, 12, 31))
                    : Optional.empty());
            title = workspace.history().agreement().title();
            id = workspace.history().id();
        }
        if (options.json) {
            Json.print(out, Json.changes(id, from, to, result));
        } else {
            out.println(title + " (" + id + "): " + from + " → " + to);
            out.println("  " + from + ": the version " + result.before().inForce() + ", made by " + result.before().latest().describe());
            out.println("  " + to + ": the version " + result.after().inForce() + ", made by " + result.after().latest().describe());
            out.println();
            ChangeText.print(out, result.before(), result.changes(), result.after(), "");
            result.worth().ifPresent(worth -> {
                out.println();
                out.println("What it is worth: the same revenue settled under the history with and without "
                        + String.join(", ", result.joined().stream().map(Document::id).toList())
                        + (result.joined().isEmpty() ? "(no document joined between the dates)" : ""));
                SettlementText.diff(out, worth);
                result.notes().forEach(note -> out.println("  note: " + note));
            });
        }
        out.flush();
        return ExitCodes.OK;
    }

}
