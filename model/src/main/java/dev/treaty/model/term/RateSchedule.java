package dev.treaty.model.term;

import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a revenue share's rate is found: one flat rate, or tiers over a running base. */
public sealed interface RateSchedule {

    record Flat(Percentage rate) implements RateSchedule {
        @Override
        public String toString() {
            return rate.toString();
        }
    }

    /**
     * Marginal tiers: each tier's rate applies to the part of the base that falls inside it.
     *
     * @param basis whether the base runs cumulatively over the term's life or restarts each period
     * @param tiers ascending; every tier but the last has an upper bound
     */
    record Tiered(TierBasis basis, List<Tier> tiers) implements RateSchedule {
        public Tiered {
            tiers = List.copyOf(tiers);
        }

        @Override
        public String toString() {
            return basis.keyword() + " " + tiers.stream().map(Tier::toString).collect(Collectors.joining("; ", "{", "}"));
        }
    }

    /** A tier: the rate for the base up to {@code upTo} (empty for "above"). */
    record Tier(Optional<Money> upTo, Percentage rate) {
        @Override
        public String toString() {
            return upTo.map(limit -> "up to " + limit).orElse("above") + ": " + rate;
        }
    }

    enum TierBasis {
        CUMULATIVE("cumulative"), PER_PERIOD("per period");

        private final String keyword;

        TierBasis(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }
}
