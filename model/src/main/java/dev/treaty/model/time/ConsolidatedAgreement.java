package dev.treaty.model.time;

import dev.treaty.model.Document;
import dev.treaty.model.Party;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.ProductKinds;
import dev.treaty.model.term.Term;
import dev.treaty.model.term.TermKind;
import dev.treaty.model.value.ClauseId;
import dev.treaty.model.value.DateWindow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of an agreement: the base agreement with the amendments applied that are in force
 * over {@code inForce} as known at the timeline's knowledge date.
 *
 * @param agreementId the base agreement's id
 * @param title       the title of the latest document that set it (a restatement may retitle)
 * @param applied     the documents applied, in the order they were applied (signing order)
 * @param inForce     the days this version is in force, both ends inclusive
 * @param kinds       the product kinds declared by the documents known (a vocabulary: timeless)
 * @param clouds      the clouds declared by the documents known, and those this version's terms name
 * @param units       the units of quantity declared by the documents known, with their conversions (timeless, as kinds are)
 */
public record ConsolidatedAgreement(String agreementId, String title, List<Party> parties, List<Document> applied,
                                    SortedMap<ClauseId, ClauseInForce> clauses, DateWindow inForce, List<TermInForce> terms,
                                    Map<String, EventDefinition> events, ProductKinds kinds,
                                    java.util.SortedSet<String> clouds, dev.treaty.model.term.Units units) {

    public ConsolidatedAgreement {
        clouds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(clouds));
        parties = List.copyOf(parties);
        applied = List.copyOf(applied);
        clauses = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(clauses));
        terms = List.copyOf(terms);
        events = java.util.Collections.unmodifiableMap(new TreeMap<>(events));
    }

    /** A version; its terms and events are worked out once, here, since every decision asks for them. */
    public ConsolidatedAgreement(String agreementId, String title, List<Party> parties, List<Document> applied,
                                 SortedMap<ClauseId, ClauseInForce> clauses, DateWindow inForce, ProductKinds kinds,
                                 java.util.Set<String> declaredClouds, dev.treaty.model.term.Units units) {
        this(agreementId, title, parties, applied, clauses, inForce, termsOf(clauses), eventsOf(clauses), kinds,
                cloudsOf(clauses, declaredClouds), units);
    }

    ConsolidatedAgreement withInForce(DateWindow window) {
        return new ConsolidatedAgreement(agreementId, title, parties, applied, clauses, window, terms, events, kinds, clouds, units);
    }

    private static java.util.SortedSet<String> cloudsOf(SortedMap<ClauseId, ClauseInForce> clauses, java.util.Set<String> declared) {
        java.util.SortedSet<String> clouds = new java.util.TreeSet<>(declared);
        for (TermInForce term : termsOf(clauses)) {
            switch (term.term()) {
                case dev.treaty.model.term.CloudExclusivity rule -> clouds.add(rule.cloud());
                case dev.treaty.model.term.FirstShip rule -> clouds.add(rule.cloud());
                case dev.treaty.model.term.ReleasePermission rule -> clouds.addAll(rule.clouds());
                default -> {
                }
            }
        }
        return clouds;
    }

    private static List<TermInForce> termsOf(SortedMap<ClauseId, ClauseInForce> clauses) {
        List<TermInForce> terms = new ArrayList<>();
        for (ClauseInForce clause : clauses.values()) {
            for (Term term : clause.clause().terms()) terms.add(new TermInForce(term, clause));
        }
        return terms;
    }

    private static Map<String, EventDefinition> eventsOf(SortedMap<ClauseId, ClauseInForce> clauses) {
        Map<String, EventDefinition> events = new TreeMap<>();
        for (TermInForce term : termsOf(clauses)) {
            if (term.term() instanceof EventDefinition event) events.putIfAbsent(event.name(), event);
        }
        return events;
    }

    public Optional<TermInForce> term(TermKind kind, String name) {
        for (TermInForce term : terms) {
            if (term.term().kind() == kind && term.term().name().equals(name)) return Optional.of(term);
        }
        return Optional.empty();
    }

    public <T extends Term> List<T> termsOf(Class<T> type) {
        return terms().stream().map(TermInForce::term).filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Party> party(String shortName) {
        for (Party party : parties) if (party.shortName().equals(shortName)) return Optional.of(party);   // every gate asks
        return Optional.empty();
    }

    /** The documents applied in this version that were not in {@code previous} (all of them when there is none). */
    public List<Document> joinedSince(java.util.Optional<ConsolidatedAgreement> previous) {
        return previous.map(p -> applied.stream().filter(d -> !p.applied().contains(d)).toList()).orElse(applied);
    }

    /** The last document applied: the one that made this version. */
    public Document latest() {
        return applied.get(applied.size() - 1);
    }
}
