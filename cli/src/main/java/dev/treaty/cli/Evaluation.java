package dev.treaty.cli;

import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;

/**
 * What an evaluating command starts from: its streams, the loaded agreement folder, the history
 * chosen, and the facts as known. Loading fails the command (exit 2) on any bad input.
 */
record Evaluation(PrintWriter out, PrintWriter err, AgreementFolder.Loaded loaded, AgreementHistory history, Facts facts,
                  FactsOptions options) {

    static Evaluation open(CommandSpec spec, AgreementOptions agreement, FactsOptions facts) {
        PrintWriter err = spec.commandLine().getErr();
        facts.store = agreement.store();
        AgreementFolder.Loaded loaded = agreement.load(err, dev.treaty.store.Store.micros(facts.knownAt()));
        AgreementHistory history = agreement.history(loaded);
        return new Evaluation(spec.commandLine().getOut(), err, loaded, history, facts.facts(err), facts);
    }

    /** The version in force on {@code date} as known at the command's --as-known. */
    ConsolidatedAgreement versionOn(LocalDate date) {
        return Versions.on(history, date, options.knownAtDate());
    }
}
