package dev.treaty.app;

import dev.treaty.evaluator.settle.AmendmentWorth;
import dev.treaty.evaluator.settle.SettlementDiff;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementDiff;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What changed between the versions in force on two dates, and what the change is worth in money. */
public final class Changes {

    /**
     * The versions on both dates, what changed clause by clause, and, when revenue was settled,
     * what the changes that joined between them are worth.
     *
     * @param joined the documents applied on {@code to} and not on {@code from}
     */
    public record Result(LocalDate from, LocalDate to, ConsolidatedAgreement before, ConsolidatedAgreement after,
                         List<AgreementDiff.ClauseChange> changes, List<Document> joined, Optional<SettlementDiff> worth,
                         List<String> notes) {
    }

    private Changes() {
    }

    /**
     * Compares the versions in force on {@code from} and {@code to}; with {@code settleThrough},
     * also settles the revenue under the history with and without the changes that joined.
     */
    public static Result between(Workspace workspace, LocalDate from, LocalDate to, Optional<LocalDate> settleThrough) {
        ConsolidatedAgreement before = workspace.versionOn(from);
        ConsolidatedAgreement after = workspace.versionOn(to);
        List<Document> joined = AmendmentWorth.joining(before, after);
        Optional<SettlementDiff> worth = Optional.empty();
        List<String> notes = List.of();
        if (settleThrough.isPresent()) {
            AmendmentWorth comparison = AmendmentWorth.of(workspace.agreement(), joined, workspace.facts(), settleThrough.get());
            workspace.revenue(comparison);
            worth = Optional.of(comparison.diff());
            notes = comparison.notes().stream().map(Object::toString).toList();
        }
        return new Result(from, to, before, after, AgreementDiff.between(before, after), joined, worth, notes);
    }
}
