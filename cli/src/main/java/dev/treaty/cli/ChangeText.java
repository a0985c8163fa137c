package dev.treaty.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.model.ClauseOperation;
import dev.treaty.model.Document;
import dev.treaty.model.DocumentKind;
import dev.treaty.model.time.AgreementDiff;
import dev.treaty.model.time.AgreementDiff.ClauseChange;
import dev.treaty.model.time.AgreementDiff.TermChange;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

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
            out.println(indent + "clause " + change.id() + title + ": " + what + " by " + by(change, from, to)
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
    static String by(ClauseChange change, ConsolidatedAgreement from, ConsolidatedAgreement to) {
        if (change.after().isPresent()) return change.after().get().provenance().documentId();
        List<Document> newer = to.applied().subList(Math.min(from.applied().size(), to.applied().size()), to.applied().size());
        for (Document document : newer.reversed()) {
            if (document.kind() == DocumentKind.RESTATEMENT) return document.id();
            for (ClauseOperation operation : document.operations()) {
                if (operation.kind() == ClauseOperation.Kind.STRIKE && change.id().isWithin(operation.target())) return document.id();
            }
        }
        return to.latest().id();
    }

    static ArrayNode json(ConsolidatedAgreement from, List<ClauseChange> changes, ConsolidatedAgreement to) {
        ArrayNode array = Json.array();
        for (ClauseChange change : changes) {
            ObjectNode node = array.addObject();
            node.put("clause", change.id().toString());
            node.put("title", change.title());
            node.put("change", change.kind().name().toLowerCase(Locale.ROOT));
            node.put("by", by(change, from, to));
            node.put("textChanged", change.textChanged());
            ArrayNode terms = node.putArray("terms");
            for (TermChange term : change.terms()) {
                ObjectNode t = terms.addObject();
                t.put("kind", term.termKind().keyword());
                t.put("name", term.name());
                t.put("change", term.kind().name().toLowerCase(Locale.ROOT));
                ArrayNode attributes = t.putArray("attributes");
                for (AgreementDiff.AttributeChange a : term.attributes()) {
                    ObjectNode attribute = attributes.addObject();
                    attribute.put("attribute", a.attribute());
                    attribute.put("before", a.before().orElse(null));
                    attribute.put("after", a.after().orElse(null));
                }
            }
        }
        return array;
    }
}
