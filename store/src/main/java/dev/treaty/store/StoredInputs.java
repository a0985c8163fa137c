package dev.treaty.store;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agreements and facts as the store knew them at an instant, and a settlement of them. */
public final class StoredInputs {

    private StoredInputs() {
    }

    /** The agreement files recorded by {@code knownAtMicros}, loaded and checked as a folder would be. */
    public static AgreementFolder.Loaded agreements(Store store, long knownAtMicros, Map<String, String> assume) {
        return AgreementFolder.loadTexts(store.agreementTexts(knownAtMicros), assume);
    }

    /** The events recorded by {@code knownAtMicros}; stored events were checked on the way in. */
    public static Facts events(Store store, long knownAtMicros) {
        EventReader.Result result = EventReader.parse(store.events(knownAtMicros));
        if (!result.errors().isEmpty()) {
            throw new StoreException("the stored events do not parse: " + result.errors().get(0) + " (run 'treaty verify')");
        }
        return new Facts(result.facts());
    }

    /** Settles every revenue-share term through {@code through} on the facts recorded by {@code knownAtMicros}. */
    static SettlementResult settle(Store store, String agreementId, long knownAtMicros, LocalDate through) {
        AgreementFolder.Loaded loaded = agreements(store, knownAtMicros, Map.of());
        if (loaded.hasErrors()) throw new StoreException("the stored agreement files have errors: " + loaded.diagnostics().get(0));
        AgreementHistory history;
        try {
            history = loaded.agreement(Optional.ofNullable(agreementId));
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage());
        }
        Facts facts = events(store, knownAtMicros);
        List<SettlementPlan.VersionSpan> schedule = history.versions().stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList();
        SettlementPlan plan = SettlementPlan.of(schedule, facts, through, Optional.empty());
        store.revenue(knownAtMicros, plan);
        return Settlement.compute(plan, loaded.assumptions(), Optional.empty());
    }

    static String agreementId(Store store, String agreementId, long knownAtMicros) {
        AgreementFolder.Loaded loaded = agreements(store, knownAtMicros, Map.of());
        try {
            return loaded.agreement(Optional.ofNullable(agreementId)).id();
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage());
        }
    }
}
