package dev.treaty.evaluator.settle;

import dev.treaty.model.term.RateSchedule;
import dev.treaty.model.value.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Marginal tiers: each tier's rate applies to the part of the base that falls inside it. */
final class Tiers {

    record Share(BigDecimal amount, String description) {
    }

    private Tiers() {
    }

    /**
     * The share of {@code base} when {@code before} of the running base has already been counted:
     * with tiers "up to 50,000: 10%; above: 15%", 20,000 after 40,000 is 10% of 10,000 plus 15% of 10,000.
     */
    static Share marginal(RateSchedule.Tiered tiered, BigDecimal before, BigDecimal base, Currency currency) {
        if (base.signum() <= 0) {
            RateSchedule.Tier tier = tierAt(tiered, before);
            return new Share(base.multiply(tier.rate().fraction()), tier.rate() + " (tier " + tier + ")");
        }
        BigDecimal low = before;
        BigDecimal high = before.add(base);
        BigDecimal previousLimit = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (RateSchedule.Tier tier : tiered.tiers()) {
            BigDecimal limit = tier.upTo().map(Money::amount).orElse(null);
            BigDecimal top = limit == null ? high : high.min(limit);
            BigDecimal bottom = low.max(previousLimit);
            BigDecimal inTier = top.subtract(bottom);
            if (inTier.signum() > 0) {
                amount = amount.add(inTier.multiply(tier.rate().fraction()));
                parts.add(tier.rate() + " of " + Money.of(inTier.stripTrailingZeros(), currency));
            }
            if (limit == null) break;
            previousLimit = limit;
        }
        return new Share(amount, String.join(" + ", parts) + " (" + tiered.basis().keyword() + " base before: "
                + Money.of(before.stripTrailingZeros(), currency) + ")");
    }

    private static RateSchedule.Tier tierAt(RateSchedule.Tiered tiered, BigDecimal running) {
        for (RateSchedule.Tier tier : tiered.tiers()) {
            if (tier.upTo().isEmpty() || running.compareTo(tier.upTo().get().amount()) < 0) return tier;
        }
        return tiered.tiers().get(tiered.tiers().size() - 1);
    }
}
