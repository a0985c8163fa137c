package dev.treaty.evaluator.explain;

import dev.treaty.evaluator.facts.Fact;
import dev.treaty.model.Assumption;
import dev.treaty.model.time.TermInForce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of a derivation: a statement, what it cites, and the steps it rests on.
 *
 * @param text       the statement, in words a finance or legal reader follows
 * @param references the clauses, facts and assumptions it cites
 * @param because    the steps it rests on, in order
 */
public record Explanation(String text, List<Reference> references, List<Explanation> because) {

    public Explanation {
        references = List.copyOf(references);
        because = List.copyOf(because);
    }

    /** The explanation of a decision made silently: citing or adding to it changes nothing. */
    public static final Explanation NONE = new Explanation("", List.of(), List.of());

    public static Explanation of(String text) {
        return new Explanation(text, List.of(), List.of());
    }

    public Explanation cite(Reference reference) {
        if (this == NONE) return this;
        List<Reference> all = new ArrayList<>(references);
        all.add(reference);
        return new Explanation(text, all, because);
    }

    public Explanation cite(List<? extends Reference> more) {
        if (this == NONE) return this;
        List<Reference> all = new ArrayList<>(references);
        all.addAll(more);
        return new Explanation(text, all, because);
    }

    /** Cites what {@code reference} makes, made only when the explanation is written: a silent decision makes none. */
    public Explanation cite(java.util.function.Supplier<? extends Reference> reference) {
        return this == NONE ? this : cite(reference.get());
    }

    /** Cites what {@code references} makes, made only when the explanation is written. */
    public Explanation citeAll(java.util.function.Supplier<? extends List<? extends Reference>> references) {
        return this == NONE ? this : cite(references.get());
    }

    public Explanation because(Explanation step) {
        if (this == NONE) return this;
        List<Explanation> all = new ArrayList<>(because);
        all.add(step);
        return new Explanation(text, references, all);
    }

    public Explanation because(List<Explanation> steps) {
        if (this == NONE) return this;
        List<Explanation> all = new ArrayList<>(because);
        all.addAll(steps);
        return new Explanation(text, references, all);
    }

    /** Every reference in the tree, depth first. */
    public List<Reference> allReferences() {
        List<Reference> all = new ArrayList<>(references);
        because.forEach(step -> all.addAll(step.allReferences()));
        return all;
    }

    /** What an explanation cites. */
    public sealed interface Reference {

        /** A clause of the version in force, and the document that set it. */
        record Clause(String clause, String title, String document, String documentKind, String file, int line,
                      LocalDate signed, LocalDate effective) implements Reference {
            @Override
            public String toString() {
                return "clause " + clause + (title.isEmpty() ? "" : " \"" + title + "\"") + " of " + document + " ("
                        + documentKind + ", signed " + signed + ", effective " + effective + ") at " + file + ":" + line;
            }
        }

        /** An event fact. */
        record FactRef(String id, String type, String file, long line) implements Reference {
            @Override
            public String toString() {
                return type + " " + id + " at " + file + ":" + line;
            }
        }

        /** Revenue lines of one file that made up a base. */
        record Lines(String file, long count, long firstLine, long lastLine) implements Reference {
            @Override
            public String toString() {
                return count + " revenue line" + (count == 1 ? "" : "s") + " of " + file
                        + (count == 0 || firstLine == 0 ? "" : firstLine == lastLine ? " (line " + firstLine + ")"
                        : " (lines " + firstLine + "–" + lastLine + ")");
            }
        }

        /** A named assumption standing in for a figure the record lacks. */
        record AssumptionRef(String name, String value, String basis) implements Reference {
            @Override
            public String toString() {
                return "assumption $" + name + " = " + value + " (" + basis + ")";
            }
        }

        static Clause clause(TermInForce term) {
            var clause = term.clause();
            var provenance = clause.provenance();
            return new Clause(clause.clause().id().toString(), clause.clause().title(), provenance.documentId(),
                    provenance.documentKind().label(), provenance.at().file().toString(), term.term().header().at().line(),
                    provenance.signed(), provenance.effective());
        }

        static FactRef fact(Fact fact) {
            String type = switch (fact) {
                case Fact.Product p -> "product";
                case Fact.Release r -> "release";
                case Fact.CapabilityRequest r -> "capability-request";
                case Fact.CapabilityResponse r -> "capability-response";
                case Fact.Offer o -> "offer";
                case Fact.OfferResponse o -> "offer-response";
                case Fact.Declaration d -> "declaration";
                case Fact.Verification v -> "verification";
                case Fact.Valuation v -> "valuation";
                case Fact.Issuance i -> "issuance";
                case Fact.Spend s -> "spend";
                case Fact.Payment p -> "payment";
                case Fact.Measurement m -> "measurement";
                case Fact.FxRate r -> "fx-rate";
            };
            return new FactRef(fact.id(), type, fact.meta().source().file().toString(), fact.meta().source().line());
        }

        /** The assumptions behind a term's figures. */
        static List<AssumptionRef> assumptions(TermInForce term, Map<String, Assumption> assumptions) {
            return assumptions(term.term().header().assumptions().stream().map(assumptions::get)
                    .filter(java.util.Objects::nonNull).toList());
        }

        static List<AssumptionRef> assumptions(List<Assumption> assumptions) {
            return assumptions.stream().map(a -> new AssumptionRef(a.name(), a.value().toString(), a.basis())).toList();
        }
    }
}
