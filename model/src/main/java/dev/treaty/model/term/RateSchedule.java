package dev.treaty.model.term;

import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a revenue share's rate is found: one flat rate, marginal tiers over a running base, or bands of volume. */
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

    /**
     * Band rates: the band the volume falls in sets one rate for the whole of it.
     *
     * @param basis whether the volume is the period's base or the base over the term's life through the period
     * @param bands ascending and not overlapping; gaps are allowed (a volume in one is an error that names the table)
     */
    record Banded(TierBasis basis, List<Band> bands) implements RateSchedule {
        public Banded {
            bands = List.copyOf(bands);
        }

        /** The band holding {@code volume}, if any. */
        public Optional<Band> bandOf(java.math.BigDecimal volume) {
            return bands.stream().filter(b -> b.holds(volume)).findFirst();
        }

        @Override
        public String toString() {
            return basis.keyword() + " " + bands.stream().map(Band::toString).collect(Collectors.joining("; ", "{", "}"));
        }
    }

    /** A band: from (inclusive) or over (exclusive) {@code lower}, to (inclusive) or below (exclusive) {@code upper}, or open-ended. */
    record Band(Money lower, boolean lowerInclusive, Optional<Money> upper, boolean upperInclusive, Percentage rate) {

        public boolean holds(java.math.BigDecimal volume) {
            int low = volume.compareTo(lower.amount());
            if (lowerInclusive ? low < 0 : low <= 0) return false;
            if (upper.isEmpty()) return true;
            int high = volume.compareTo(upper.get().amount());
            return upperInclusive ? high <= 0 : high < 0;
        }

        @Override
        public String toString() {
            return (lowerInclusive ? "from " : "over ") + lower + upper.map(u -> (upperInclusive ? " to " : " below ") + u).orElse("") + ": " + rate;
        }
    }

    /** A tier: the rate for the base up to {@code upTo} (empty for "above"). */
    record Tier(Optional<Money> upTo, Percentage rate) {
        @Override
        public String toString() {
            return upTo.map(limit -> "up to " + limit).orElse("above") + ": " + rate;
        }
    }

    /** Over what a running base (tiers) or a volume (bands) is counted, and when it starts again from nothing. */
    enum TierBasis {
        CUMULATIVE("cumulative"), PER_PERIOD("per period"), PER_YEAR("per year"), PER_CONTRACT_YEAR("per contract year");

        private final String keyword;

        TierBasis(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }
}
