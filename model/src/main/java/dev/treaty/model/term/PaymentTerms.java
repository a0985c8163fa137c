package dev.treaty.model.term;

import java.util.Optional;

/**
 * When a period's amount is paid: {@code dueDays} after the period ends, either at once or in
 * equal instalments.
 */
public record PaymentTerms(int dueDays, Optional<Instalments> instalments) {

    /** Equal instalments, the first due with the period's due date, the next one {@code frequency} later. */
    public record Instalments(int count, Frequency frequency) {
        @Override
        public String toString() {
            return count + " " + frequency.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Frequency { MONTHLY, QUARTERLY, YEARLY }

    @Override
    public String toString() {
        return dueDays + " days after period end" + instalments.map(i -> ", in " + i + " instalments").orElse("");
    }
}
