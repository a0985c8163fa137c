package dev.treaty.evaluator.facts;

import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** An event of the business, as stated in an events file. */
public sealed interface Fact {

    /** What every event has: its id, the day it takes effect, when it became known, and where it was read. */
    record Meta(String id, LocalDate on, Optional<Instant> recorded, FactSource source) {

        /**
         * When the fact became known: its recorded instant, or else the end of its own day (UTC),
         * the same rule as a revenue line's: nothing is known before the day it happens.
         */
        public Instant knownFrom() {
            return recorded.orElseGet(() -> endOfDay(on));
        }

        /** "r-7 (facts/events.jsonl:12)". */
        @Override
        public String toString() {
            return id + " (" + source + ")";
        }
    }

    Meta meta();

    /** The last instant of a day, UTC: when a fact dated that day is known at the latest. */
    static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    }

    default String id() {
        return meta().id();
    }

    default LocalDate on() {
        return meta().on();
    }

    /** A product: whose it is, its kind, and the capabilities it needs. */
    record Product(Meta meta, String name, String owner, String kind, List<String> capabilities) implements Fact {
    }

    /** A product released on a cloud, optionally for one customer segment. */
    record Release(Meta meta, String product, String cloud, Optional<String> segment) implements Fact {
    }

    /** A request to a party to support a product's capabilities. */
    record CapabilityRequest(Meta meta, String product, List<String> capabilities, String to) implements Fact {
    }

    /** The answer to a capability request. */
    record CapabilityResponse(Meta meta, String request, Answer answer, String by) implements Fact {
    }

    enum Answer { SUPPORT, DECLINE }

    /**
     * The grantor of a right of first refusal offers the holder the chance to supply something
     * ({@code subject}, e.g. compute capacity) before taking it from {@code provider}.
     */
    record Offer(Meta meta, String subject, String by, String to, Optional<String> provider) implements Fact {
    }

    /** The holder's answer to an offer: it takes the deal itself, or declines and leaves it to others. */
    record OfferResponse(Meta meta, String offer, OfferAnswer answer, String by) implements Fact {
    }

    enum OfferAnswer { EXERCISE, DECLINE }

    /**
     * A party declares an event (such as AGI), from its day on; with {@code through}, a state that
     * ends (force majeure, say): it is declared from its day through that day, and not after.
     */
    record Declaration(Meta meta, String event, String by, Optional<LocalDate> through) implements Fact {

        public Declaration(Meta meta, String event, String by) {
            this(meta, event, by, Optional.empty());
        }

        /** Whether the declaration is in effect on {@code date} (it is on or after the declaration's day). */
        public boolean inEffectOn(LocalDate date) {
            return through.map(last -> !date.isAfter(last)).orElse(true);
        }
    }

    /**
     * A measured level of a metric (availability, days of delay) over the days {@code from} through
     * {@code through}: a percentage ({@code percent}, 99.95 for 99.95%) or a plain number.
     */
    record Measurement(Meta meta, String metric, java.math.BigDecimal value, boolean percent, LocalDate from, LocalDate through,
                       String by, Optional<String> unit) implements Fact {

        public Measurement(Meta meta, String metric, java.math.BigDecimal value, boolean percent, LocalDate from, LocalDate through, String by) {
            this(meta, metric, value, percent, from, through, by, Optional.empty());
        }

        /** The value as written: "99.95%", "3.5", "1250000 stream". */
        public String valueText() {
            return value.toPlainString() + (percent ? "%" : "") + unit.map(u -> " " + u).orElse("");
        }
    }

    /** Someone verifies a declared event. */
    record Verification(Meta meta, String event, String by) implements Fact {
    }

    /** The issuer's post-money valuation. */
    record Valuation(Meta meta, String issuer, Money amount) implements Fact {
    }

    /** New shares that dilute existing holders: a 10% dilution leaves them 90% of their stake. */
    record Issuance(Meta meta, String issuer, Percentage dilution) implements Fact {
    }

    /** Spend by a purchaser with a provider, drawing down a purchase commitment. */
    record Spend(Meta meta, String purchaser, String provider, Money amount) implements Fact {
    }

    /** An exchange rate published on a day: one {@code from} buys {@code rate} of {@code to}. */
    record FxRate(Meta meta, java.util.Currency from, java.util.Currency to, java.math.BigDecimal rate) implements Fact {
    }

    /** A payment made. */
    record Payment(Meta meta, String payer, String payee, Money amount, Optional<String> reference) implements Fact {
    }
}
