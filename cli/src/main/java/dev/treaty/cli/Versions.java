package dev.treaty.cli;

import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.time.LocalDate;

/** The version in force for a command, or a clear refusal. */
final class Versions {

    private Versions() {
    }

    static ConsolidatedAgreement on(AgreementHistory history, LocalDate date, LocalDate knownAt) {
        return history.versionOn(date, knownAt).orElseThrow(() -> new BadInputException(history.id() + " is not in force on "
                + date + (knownAt.equals(LocalDate.MAX) ? "" : " as known on " + knownAt) + ": it takes effect on "
                + history.agreement().effective() + " and was signed on " + history.agreement().signed()));
    }
}
