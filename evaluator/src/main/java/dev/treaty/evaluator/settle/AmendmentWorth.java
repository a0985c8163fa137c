package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueSink;
import dev.treaty.language.Diagnostic;
import dev.treaty.language.Diagnostics;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a change is worth: the same revenue settled under the history with the change and under
 * the history without it. Periods before the change takes effect come out the same (unless it is
 * retroactive, when they differ from its effective date on), because both histories are the same
 * there; caps, tiers and recoupment carry the difference forward from then.
 *
 * <p>Feed the revenue once (it is a {@link RevenueSink}); then {@link #diff()} compares.
 */
public final class AmendmentWorth implements RevenueSink {

    private final List<Document> changes;
    private final SettlementPlan with;
    private final SettlementPlan without;
    private final List<Diagnostic> notes;
    private final java.util.Map<String, dev.treaty.model.Assumption> assumptions;

    private AmendmentWorth(List<Document> changes, SettlementPlan with, SettlementPlan without, List<Diagnostic> notes,
                           java.util.Map<String, dev.treaty.model.Assumption> assumptions) {
        this.changes = changes;
        this.with = with;
        this.without = without;
        this.notes = notes;
        this.assumptions = assumptions;
    }

    /** The changes that joined between two versions: those applied to {@code after} and not to {@code before}. */
    public static List<Document> joining(ConsolidatedAgreement before, ConsolidatedAgreement after) {
        Set<String> earlier = new LinkedHashSet<>();
        before.applied().forEach(d -> earlier.add(d.id()));
        return after.applied().stream().filter(d -> !earlier.contains(d.id())).toList();
    }

    /**
     * Plans the comparison of the history as known with and without {@code changes}, settled
     * through {@code through}.
     */
    public static AmendmentWorth of(AgreementHistory.AsKnown agreement, List<Document> changes, Facts facts, LocalDate through) {
        AgreementHistory history = agreement.history();
        Diagnostics diagnostics = new Diagnostics();
        AgreementHistory reduced = history;
        for (Document change : changes) {
            if (change.kind() == dev.treaty.model.DocumentKind.AGREEMENT) continue;
            reduced = reduced.without(change.id(), diagnostics);
        }
        SettlementPlan with = SettlementPlan.of(SettlementPlan.schedule(agreement), facts, through, Optional.empty());
        SettlementPlan without = SettlementPlan.of(SettlementPlan.schedule(reduced.asKnown(agreement.knownAt())), facts, through,
                Optional.empty());
        return new AmendmentWorth(List.copyOf(changes), with, without, List.copyOf(diagnostics.sorted()),
                agreement.assumptions());
    }

    /** The changes compared. */
    public List<Document> changes() {
        return changes;
    }

    /** What could not be applied once the changes were taken out (a later amendment replacing a clause one of them added). */
    public List<Diagnostic> notes() {
        return notes;
    }

    @Override
    public void accept(RevenueLine line) {
        with.accept(line);
        without.accept(line);
    }

    @Override
    public void retract(RevenueLine line) {
        with.retract(line);
        without.retract(line);
    }

    /** Before: the history without the changes; after: with them. */
    public SettlementDiff diff() {
        return SettlementDiff.of(Settlement.compute(without, assumptions, Optional.empty()),
                Settlement.compute(with, assumptions, Optional.empty()));
    }

    /** Each change's own comparison, for a history's every change at once (the report's impact section). */
    public static List<AmendmentWorth> each(AgreementHistory.AsKnown agreement, Facts facts, LocalDate through) {
        List<AmendmentWorth> all = new ArrayList<>();
        List<ConsolidatedAgreement> versions = agreement.versions();
        for (int i = 1; i < versions.size(); i++) {
            List<Document> joined = joining(versions.get(i - 1), versions.get(i));
            if (!joined.isEmpty()) all.add(of(agreement, joined, facts, through));
        }
        return all;
    }
}
