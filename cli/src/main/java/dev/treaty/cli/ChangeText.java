package dev.treaty.cli;

import dev.treaty.model.time.AgreementDiff.ClauseChange;
import dev.treaty.model.time.AgreementDiff.TermChange;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.io.PrintWriter;
import java.util.List;

/** Prints the changes between two versions, for {@code diff} and {@code timeline}. */
final class ChangeText {

    private ChangeText() {
    }

    static void print(PrintWriter out, ConsolidatedAgreement from, List<ClauseChange> changes, ConsolidatedAgreement to,
                      String indent) {
        if (changes.isEmpty()) {
            out.println(indent + "no clause or term changed");
            return;
        }
        for (ClauseChange change : changes) {
            String title = change.title().isEmpty() ? "" : " \"" + change.title() + "\"";
            String what = switch (change.kind()) {
                case ADDED -> "added";
                case STRUCK -> "struck";
                case CHANGED -> change.after().orElseThrow().provenance().documentId().equals(
                        change.before().orElseThrow().provenance().documentId()) ? "changed" : change.after().get().provenance().how().label();
            };
            out.println(indent + "clause " + change.id() + title + ": " + what + " by " + dev.treaty.report.Wording.changedBy(change, from, to)
                    + (change.textChanged() ? " (text changed)" : ""));
            for (TermChange term : change.terms()) {
                switch (term.kind()) {
                    case ADDED -> out.println(indent + "  + " + term.label() + ": added — "
                            + dev.treaty.report.Wording.summary(term.after().orElseThrow().term()));
                    case STRUCK -> out.println(indent + "  - " + term.label() + ": struck");
                    case CHANGED -> {
                        out.println(indent + "  ~ " + term.label() + ":");
                        term.attributes().forEach(a -> out.println(indent + "      " + a));
                    }
                }
            }
        }
    }

    /** The document that made a clause change: the one that set it, or for a strike the one that struck it. */

}
