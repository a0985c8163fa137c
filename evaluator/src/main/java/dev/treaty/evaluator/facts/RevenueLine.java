package dev.treaty.evaluator.facts;

import java.time.LocalDate;

/**
 * One revenue line: whose revenue, of what, recognised when, how much. (Its id, if any, serves
 * only to recognise repeats while reading, and is not kept.)
 *
 * @param amountMicros the amount in millionths of the currency unit: exact, and summed as a long
 */
public record RevenueLine(LocalDate date, String party, String product, String kind, String category,
                          String cloud, String region, String segment, long amountMicros, String currency,
                          FactSource source) {

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
