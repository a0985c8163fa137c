package dev.treaty.model.term;

import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a revenue share's rate is found: one flat rate, marginal tiers over a running base, bands of
 * volume, or levels of a measured metric (a service credit chosen by the period's availability).
 */
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

    /**
     * Levels of a measured metric: the period's measurement of {@code metric} (a percentage or a
     * number, as the levels are written) falls in one level, whose rate applies to the whole base.
     *
     * @param levels ascending and not overlapping, all percentages or all numbers
     */
    record Measured(String metric, List<Level> levels) implements RateSchedule {
        public Measured {
            levels = List.copyOf(levels);
        }

        /** The level holding {@code value}, if any. */
        public Optional<Level> levelOf(java.math.BigDecimal value) {
            return levels.stream().filter(l -> l.holds(value)).findFirst();
        }

        /** Whether the levels are percentages (a measurement must then be one too). */
        public boolean percent() {
            return levels.get(0).percent();
        }

        @Override
        public String toString() {
            return "by " + metric + " " + levels.stream().map(Level::toString).collect(Collectors.joining("; ", "{", "}"));
        }
    }

    /** A computed term's amount: a formula over the period's revenue and measurements, evaluated once per period. */
    record Computed(Formula formula) implements RateSchedule {
        @Override
        public String toString() {
            return formula.toString();
        }
    }

    /**
     * A price per unit of a measured quantity: the period's measurement of {@code metric} (streams
     * played, tonnes delivered), converted into {@code unit} along the agreement's declared
     * conversions, times {@code price}.
     */
    record UnitPrice(Money price, String unit, String metric) implements RateSchedule {
        @Override
        public String toString() {
            return price + " per " + unit + " by " + metric;
        }
    }

    /**
     * A level of a measured metric, bounded as a band is; {@code percent} says the bounds are
     * percentages (99.9 is 99.9%) rather than plain numbers (days, say).
     */
    record Level(java.math.BigDecimal lower, boolean lowerInclusive, Optional<java.math.BigDecimal> upper, boolean upperInclusive,
                 boolean percent, Percentage rate) {

        public boolean holds(java.math.BigDecimal value) {
            int low = value.compareTo(lower);
            if (lowerInclusive ? low < 0 : low <= 0) return false;
            if (upper.isEmpty()) return true;
            int high = value.compareTo(upper.get());
            return upperInclusive ? high <= 0 : high < 0;
        }

        private String bound(java.math.BigDecimal value) {
            return value.stripTrailingZeros().toPlainString() + (percent ? "%" : "");
        }

        @Override
        public String toString() {
            return (lowerInclusive ? "from " : "over ") + bound(lower) + upper.map(u -> (upperInclusive ? " to " : " below ") + bound(u)).orElse("")
                    + ": " + rate;
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
