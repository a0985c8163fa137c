package dev.treaty.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementDiff;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code treaty diff DIR --from DATE --to DATE}: what changed between the versions in force on two dates. */
@Command(name = "diff", description = "What changed between the versions in force on two dates: clauses added,"
        + " struck or changed, and each term's changed attributes (\"exclusive: yes → no\").")
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "The earlier date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "The later date.")
    LocalDate to;

    @Option(names = "--as-known", paramLabel = "DATE", description = "Only what was signed by this date (default: everything).")
    LocalDate asKnown;

    @Option(names = "--revenue", arity = "1..*", paramLabel = "FILE", description = "Also settle this revenue under both"
            + " versions and show what the change is worth, per period and per party.")
    List<Path> revenue = new ArrayList<>();

    @Option(names = "--events", arity = "1..*", paramLabel = "FILE", description = "Events, for conditions on the revenue shares.")
    List<Path> events = new ArrayList<>();

    @Option(names = "--through", paramLabel = "DATE", description = "Settle revenue dated through this date (default: 2100-12-31).")
    LocalDate through;

    @Option(names = "--skip-bad", description = "Go on without bad fact lines.")
    boolean skipBad;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AgreementFolder.Loaded loaded = options.load(spec.commandLine().getErr());
        AgreementHistory history = options.history(loaded);
        LocalDate knownAt = asKnown == null ? LocalDate.MAX : asKnown;
        ConsolidatedAgreement before = Versions.on(history, from, knownAt);
        ConsolidatedAgreement after = Versions.on(history, to, knownAt);
        List<AgreementDiff.ClauseChange> changes = AgreementDiff.between(before, after);
        MoneyDiff money = revenue.isEmpty() ? null : money(history, before, after, loaded);
        if (options.json) {
            ObjectNode root = Json.object();
            if (money != null) root.set("money", money.json());
            root.put("agreement", history.id());
            root.set("from", side(from, before));
            root.set("to", side(to, after));
            root.set("changes", ChangeText.json(before, changes, after));
            Json.print(out, root);
        } else {
            out.println(history.agreement().title() + " (" + history.id() + "): " + from + " → " + to);
            out.println("  " + from + ": the version " + before.inForce() + ", made by " + before.latest().describe());
            out.println("  " + to + ": the version " + after.inForce() + ", made by " + after.latest().describe());
            out.println();
            ChangeText.print(out, before, changes, after, "");
            if (money != null) {
                out.println();
                out.println("What it is worth: the same revenue settled under the version in force on " + from + " and on " + to);
                money.print(out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private MoneyDiff money(AgreementHistory history, ConsolidatedAgreement before, ConsolidatedAgreement after,
                            AgreementFolder.Loaded loaded) {
        FactsOptions factOptions = new FactsOptions();
        factOptions.events = events;
        factOptions.skipBad = skipBad;
        PrintWriter err = spec.commandLine().getErr();
        var facts = factOptions.facts(err);
        LocalDate last = through != null ? through : LocalDate.of(2100, 12, 31);
        LocalDate start = history.agreement().effective();
        SettlementPlan planBefore = SettlementPlan.of(Schedules.fixed(before, start), facts, last, Optional.empty());
        SettlementPlan planAfter = SettlementPlan.of(Schedules.fixed(after, start), facts, last, Optional.empty());
        factOptions.revenue(revenue, line -> {
            planBefore.accept(line);
            planAfter.accept(line);
        }, err);
        return new MoneyDiff(Settlement.compute(planBefore, loaded.assumptions(), Optional.empty()),
                Settlement.compute(planAfter, loaded.assumptions(), Optional.empty()));
    }

    private static ObjectNode side(LocalDate date, ConsolidatedAgreement version) {
        ObjectNode node = Json.object();
        node.put("date", date.toString());
        node.put("versionFrom", version.inForce().from().map(Object::toString).orElse(null));
        ArrayNode documents = node.putArray("documents");
        for (Document document : version.applied()) documents.add(Json.document(document));
        return node;
    }
}
