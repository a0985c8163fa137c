package dev.treaty.evaluator.facts;

import java.time.LocalDate;

/**
 * One revenue line: whose revenue, of what, recognised when, how much, and when it was known.
 * (Its id, if any, serves only to recognise repeats while reading, and is not kept.)
 *
 * @param amountMicros   the amount in millionths of the currency unit: exact, and summed as a long
 * @param recordedMicros when the line became known (microseconds since the epoch, UTC), from the
 *                       optional {@code recorded} column; {@link #NOT_RECORDED} when absent, and
 *                       then the line is known from the end of its own date
 */
public record RevenueLine(LocalDate date, String party, String product, String kind, String category,
                          String cloud, String region, String segment, long amountMicros, String currency,
                          FactSource source, long recordedMicros) {

    public static final long NOT_RECORDED = Long.MIN_VALUE;

    public RevenueLine(LocalDate date, String party, String product, String kind, String category, String cloud, String region,
                       String segment, long amountMicros, String currency, FactSource source) {
        this(date, party, product, kind, category, cloud, region, segment, amountMicros, currency, source, NOT_RECORDED);
    }

    /** Whether the line was known at {@code knownAt}: recorded by then, or (unrecorded) dated a day that had ended. */
    public boolean isKnownAt(java.time.Instant knownAt) {
        if (recordedMicros != NOT_RECORDED) {
            return recordedMicros <= knownAt.getEpochSecond() * 1_000_000 + knownAt.getNano() / 1_000;
        }
        return !Fact.endOfDay(date).isAfter(knownAt);
    }

    /** The line's value of a filter field, or null when the line has none. */
    public String field(String name) {
        String value = switch (name) {
            case "product" -> product;
            case "kind" -> kind;
            case "category" -> category;
            case "cloud" -> cloud;
            case "region" -> region;
            case "segment" -> segment;
            default -> null;
        };
        return value == null || value.isEmpty() ? null : value;
    }
}
