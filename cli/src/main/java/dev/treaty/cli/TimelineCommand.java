package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.app.Workspace;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementDiff;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code treaty timeline DIR}: the versions over time and what each changed. */
@Command(name = "timeline", mixinStandardHelpOptions = true, description = "The agreement's versions over time: when each took effect, when it was"
        + " signed, and what it changed, clause by clause and term by term.")
final class TimelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AgreementHistory history;
        List<ConsolidatedAgreement> versions;
        try (Workspace workspace = options.open(spec, null, List.of())) {
            history = workspace.history();
            versions = workspace.agreement().versions();
        }
        if (options.json) {
            Json.print(out, Json.timeline(history, versions));
        } else {
            print(out, history, versions);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, AgreementHistory history, List<ConsolidatedAgreement> versions) {
        out.println(history.agreement().title() + " (" + history.id() + ")");
        ConsolidatedAgreement previous = null;
        for (ConsolidatedAgreement version : versions) {
            out.println();
            LocalDate from = version.inForce().from().orElseThrow();
            out.println(from + "  " + version.inForce());
            for (Document document : version.joinedSince(java.util.Optional.ofNullable(previous))) {
                out.println("  " + document.kind().label() + " " + document.id() + " \"" + document.title() + "\", signed "
                        + document.signed() + (document.isRetroactive() ? ", effective " + document.effective() + " (retroactive)" : "")
                        + "  [" + document.path() + "]");
            }
            if (previous == null) {
                out.println("  clauses: " + String.join(", ", version.clauses().keySet().stream().map(Object::toString).toList()));
                version.terms().forEach(t -> out.println("    " + t.clause().clause().id() + "  " + t.term().header().label()
                        + ": " + dev.treaty.report.Wording.summary(t.term())));
            } else {
                ChangeText.print(out, previous, AgreementDiff.between(previous, version), version, "  ");
            }
            previous = version;
        }
    }

}
