package dev.treaty.model.time;

import dev.treaty.model.term.Term;
import dev.treaty.model.term.TermKind;
import dev.treaty.model.value.ClauseId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions, clause by clause and term by term. Terms are matched by kind
 * and name across the whole agreement, so a term that a restatement moves to another clause is a
 * change of place, not a strike and an add. Provenance alone is not a change: a restatement that
 * repeats a clause word for word changes nothing.
 */
public final class AgreementDiff {

    /** One attribute whose value differs; an absent value is empty. */
    public record AttributeChange(String attribute, Optional<String> before, Optional<String> after) {
        @Override
        public String toString() {
            return attribute + ": " + before.orElse("—") + " → " + after.orElse("—");
        }
    }

    /** A term added, struck or changed. */
    public record TermChange(Kind kind, TermKind termKind, String name, Optional<TermInForce> before,
                             Optional<TermInForce> after, List<AttributeChange> attributes) {
        public enum Kind { ADDED, STRUCK, CHANGED }

        public String label() {
            return termKind.keyword() + " " + name;
        }
    }

    /** A clause added, struck or changed, with the term changes that sit in it. */
    public record ClauseChange(Kind kind, ClauseId id, String title, Optional<ClauseInForce> before,
                               Optional<ClauseInForce> after, boolean textChanged, List<TermChange> terms) {
        public enum Kind { ADDED, STRUCK, CHANGED }
    }

    private AgreementDiff() {
    }

    public static List<ClauseChange> between(ConsolidatedAgreement from, ConsolidatedAgreement to) {
        Map<String, TermInForce> beforeTerms = index(from);
        Map<String, TermInForce> afterTerms = index(to);
        Map<ClauseId, List<TermChange>> termsByClause = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(beforeTerms.keySet());
        keys.addAll(afterTerms.keySet());
        for (String key : keys) {
            TermInForce before = beforeTerms.get(key);
            TermInForce after = afterTerms.get(key);
            TermChange change = termChange(before, after);
            if (change == null) continue;
            ClauseId clause = (after != null ? after : before).clause().clause().id();
            termsByClause.computeIfAbsent(clause, c -> new ArrayList<>()).add(change);
        }

        Set<ClauseId> clauseIds = new TreeSet<>(from.clauses().keySet());
        clauseIds.addAll(to.clauses().keySet());
        clauseIds.addAll(termsByClause.keySet());
        List<ClauseChange> changes = new ArrayList<>();
        for (ClauseId id : clauseIds) {
            ClauseInForce before = from.clauses().get(id);
            ClauseInForce after = to.clauses().get(id);
            List<TermChange> terms = termsByClause.getOrDefault(id, List.of());
            boolean textChanged = before != null && after != null
                    && (!before.clause().prose().equals(after.clause().prose()) || !before.clause().title().equals(after.clause().title()));
            ClauseChange.Kind kind;
            if (before == null && after != null) kind = ClauseChange.Kind.ADDED;
            else if (before != null && after == null) kind = ClauseChange.Kind.STRUCK;
            else if (textChanged || !terms.isEmpty()) kind = ClauseChange.Kind.CHANGED;
            else continue;
            String title = (after != null ? after : before) != null ? (after != null ? after : before).clause().title() : "";
            changes.add(new ClauseChange(kind, id, title, Optional.ofNullable(before), Optional.ofNullable(after), textChanged, terms));
        }
        return changes;
    }

    private static Map<String, TermInForce> index(ConsolidatedAgreement version) {
        Map<String, TermInForce> terms = new LinkedHashMap<>();
        for (TermInForce term : version.terms()) {
            terms.putIfAbsent(term.term().kind().keyword() + " " + term.term().name(), term);
        }
        return terms;
    }

    private static TermChange termChange(TermInForce before, TermInForce after) {
        if (before == null) {
            Term term = after.term();
            return new TermChange(TermChange.Kind.ADDED, term.kind(), term.name(), Optional.empty(), Optional.of(after), List.of());
        }
        if (after == null) {
            Term term = before.term();
            return new TermChange(TermChange.Kind.STRUCK, term.kind(), term.name(), Optional.of(before), Optional.empty(), List.of());
        }
        Map<String, String> a = before.term().attributes();
        Map<String, String> b = after.term().attributes();
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<AttributeChange> attributes = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                attributes.add(new AttributeChange(name, Optional.ofNullable(a.get(name)), Optional.ofNullable(b.get(name))));
            }
        }
        ClauseId clauseBefore = before.clause().clause().id();
        ClauseId clauseAfter = after.clause().clause().id();
        if (!clauseBefore.equals(clauseAfter)) {
            attributes.add(new AttributeChange("clause", Optional.of(clauseBefore.toString()), Optional.of(clauseAfter.toString())));
        }
        if (!before.term().header().title().equals(after.term().header().title())) {
            attributes.add(new AttributeChange("title", Optional.of(before.term().header().title()), Optional.of(after.term().header().title())));
        }
        if (attributes.isEmpty()) return null;
        return new TermChange(TermChange.Kind.CHANGED, after.term().kind(), after.term().name(), Optional.of(before),
                Optional.of(after), attributes);
    }
}
