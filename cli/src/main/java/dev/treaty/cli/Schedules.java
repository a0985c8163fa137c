package dev.treaty.cli;

import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.value.DateWindow;

import java.time.LocalDate;
import java.util.List;

/** Which version applies to which days, for a settlement. */
final class Schedules {

    private Schedules() {
    }

    /** Every version as known at {@code knownAt}, each over the days it was in force. */
    static List<SettlementPlan.VersionSpan> history(AgreementHistory history, LocalDate knownAt) {
        return history.versions(knownAt).stream().map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList();
    }

    /** One version applied to every day: "what if this version had always been in force". */
    static List<SettlementPlan.VersionSpan> fixed(ConsolidatedAgreement version, LocalDate start) {
        return List.of(new SettlementPlan.VersionSpan(DateWindow.between(start, null), version));
    }
}
