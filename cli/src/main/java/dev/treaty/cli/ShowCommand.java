package dev.treaty.cli;

import dev.treaty.report.Json;
import dev.treaty.model.Assumption;
import dev.treaty.app.Workspace;
import dev.treaty.model.Document;
import dev.treaty.model.Party;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.ClauseInForce;
import dev.treaty.model.time.ConsolidatedAgreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code treaty show DIR --on DATE}: the consolidated agreement in force. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "The consolidated agreement in force on a date: every clause with its text,"
        + " its formal terms and where it came from.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The date the agreement is in force (YYYY-MM-DD).")
    LocalDate on;

    @Option(names = "--terms-only", description = "Leave out the clauses' prose.")
    boolean termsOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = options.open(spec, null, java.util.List.of())) {
            ConsolidatedAgreement version = workspace.versionOn(on);
            LocalDate asKnown = options.asKnown == null ? null : workspace.knownAtDay();
            Map<String, Assumption> assumptions = workspace.agreement().assumptions();
            if (options.json) {
                Json.print(out, Json.terms(version, on, asKnown, assumptions));
            } else {
                print(out, version, on, asKnown, assumptions, termsOnly);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, ConsolidatedAgreement version, LocalDate on, LocalDate asKnown,
                      Map<String, Assumption> assumptions, boolean termsOnly) {
        out.println(version.title() + " (" + version.agreementId() + ")");
        out.println("In force on " + on + (asKnown == null ? "" : ", as known on " + asKnown)
                + ": the version " + version.inForce());
        out.println("Parties: " + String.join("; ", version.parties().stream().map(Party::toString).toList()));
        out.println("Documents applied, in signing order:");
        Document restatement = null;
        for (Document document : version.applied()) {
            if (document.kind() == dev.treaty.model.DocumentKind.RESTATEMENT) restatement = document;
        }
        boolean superseded = restatement != null;
        for (Document document : version.applied()) {
            if (document == restatement) superseded = false;
            out.println("  " + document.describe() + (superseded ? ", superseded by " + restatement.id() : "")
                    + "  [" + document.path() + "]");
        }
        TreeSet<String> used = new TreeSet<>();
        version.terms().forEach(t -> used.addAll(t.term().header().assumptions()));
        if (!used.isEmpty()) {
            out.println("Assumptions used (figures and readings the public record lacks):");
            for (String name : used) {
                Assumption assumption = assumptions.get(name);
                out.println("  $" + name + " = " + assumption.value() + "  (" + assumption.basis() + ")");
            }
        }
        for (ClauseInForce clause : version.clauses().values()) {
            out.println();
            out.println("§ " + clause.clause().id() + (clause.clause().title().isEmpty() ? "" : " " + clause.clause().title()));
            out.println("  " + clause.provenance());
            if (!termsOnly && !clause.clause().prose().isEmpty()) {
                out.println();
                clause.clause().prose().lines().forEach(line -> out.println(line.isBlank() ? "" : "    " + line));
            }
            if (clause.clause().terms().isEmpty()) {
                out.println("  (prose only: not formalised)");
            }
            for (Term term : clause.clause().terms()) {
                out.println();
                TermText.print(out, term, assumptions, "  ", on);
            }
        }
    }

}
