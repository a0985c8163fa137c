package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.term.PurchaseCommitment;
import dev.treaty.model.term.Stake;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** What a stake and a purchase commitment stand at on a date. */
public final class Holdings {

    /** Percentages print to this many places; the exact fraction is kept for the value. */
    private static final int PERCENT_SCALE = 4;

    public record StakePosition(String holder, String issuer, Percentage percentage, Optional<Money> value, Explanation why) {
    }

    public record CommitmentPosition(String purchaser, String provider, Money committed, Money drawn, Money remaining,
                                     Optional<LocalDate> windowEnd, long daysLeft, Money shortfallIfNoMoreSpend,
                                     Optional<Money> projectedShortfall, Explanation why) {
    }

    private Holdings() {
    }

    public static Optional<StakePosition> stake(ConsolidatedAgreement version, Facts facts, String holder, LocalDate on) {
        for (TermInForce inForce : version.terms()) {
            if (!(inForce.term() instanceof Stake stake) || !stake.holder().equals(holder)) continue;
            Applicability.Result applies = Applicability.of(inForce, version.events(), facts, on);
            if (!applies.holds()) continue;
            LocalDate stated = inForce.provenance().effective();
            BigDecimal fraction = stake.percentage().fraction();
            Explanation why = Explanation.of(stake.holder() + " holds " + stake.percentage() + " " + stake.basis() + " of "
                    + stake.issuer() + " as stated on " + stated).cite(() -> Explanation.Reference.clause(inForce));
            for (Fact.Issuance issuance : facts.of(Fact.Issuance.class, on, i -> i.issuer().equals(stake.issuer()) && i.on().isAfter(stated))) {
                BigDecimal kept = BigDecimal.ONE.subtract(issuance.dilution().fraction());
                fraction = fraction.multiply(kept);
                why = why.because(Explanation.of("issuance on " + issuance.on() + " dilutes by " + issuance.dilution()
                        + ": × " + kept.stripTrailingZeros().toPlainString() + " = "
                        + percent(fraction)).cite(() -> Explanation.Reference.fact(issuance)));
            }
            Percentage percentage = new Percentage(fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros());
            List<Fact.Valuation> valuations = facts.of(Fact.Valuation.class, on, v -> v.issuer().equals(stake.issuer())
                    && !v.on().isBefore(stated));
            Optional<Money> value;
            if (!valuations.isEmpty()) {
                Fact.Valuation latest = valuations.get(valuations.size() - 1);
                value = Optional.of(latest.amount().times(fraction).rounded(2, RoundingMode.HALF_EVEN));
                why = why.because(Explanation.of("value at the latest valuation (" + latest.on() + ", post-money " + latest.amount()
                        + "): " + latest.amount() + " × " + percent(fraction) + " = " + value.get() + " (half-even to the cent)")
                        .cite(() -> Explanation.Reference.fact(latest)));
            } else {
                value = stake.valued();
                why = why.because(Explanation.of(value.map(v -> "value as stated by the agreement: " + v)
                        .orElse("no valuation known")));
            }
            return Optional.of(new StakePosition(stake.holder(), stake.issuer(), percentage, value, why));
        }
        return Optional.empty();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }

    public static List<CommitmentPosition> commitments(ConsolidatedAgreement version, Facts facts, LocalDate on) {
        return version.terms().stream().filter(t -> t.term() instanceof PurchaseCommitment)
                .map(t -> commitment(t, (PurchaseCommitment) t.term(), facts, on)).toList();
    }

    private static CommitmentPosition commitment(TermInForce inForce, PurchaseCommitment commitment, Facts facts, LocalDate on) {
        var window = commitment.validity().window();
        List<Fact.Spend> spends = facts.of(Fact.Spend.class, on, s -> s.purchaser().equals(commitment.purchaser())
                && s.provider().equals(commitment.provider()) && window.contains(s.on())
                && s.amount().currency().equals(commitment.amount().currency()));
        Money drawn = Money.zero(commitment.amount().currency());
        for (Fact.Spend spend : spends) drawn = drawn.plus(spend.amount());
        Money remaining = commitment.amount().minus(drawn);
        if (remaining.isNegative()) remaining = Money.zero(remaining.currency());
        long daysLeft = window.through().map(end -> Math.max(0, ChronoUnit.DAYS.between(on, end))).orElse(0L);
        Optional<Money> projected = Optional.empty();
        Explanation projection = Explanation.of("no projection: " + (window.from().isEmpty() || window.through().isEmpty()
                ? "the window has no " + (window.from().isEmpty() ? "start" : "end")
                : spends.isEmpty() ? "no spend recorded yet, so no run rate" : "the window has ended"));
        if (window.from().isPresent() && window.through().isPresent() && !spends.isEmpty() && on.isBefore(window.through().get())) {
            long elapsed = Math.max(1, ChronoUnit.DAYS.between(window.from().get(), on) + 1);
            BigDecimal perDay = drawn.amount().divide(BigDecimal.valueOf(elapsed), MathContext.DECIMAL128);
            Money atEnd = drawn.plus(Money.of(perDay.multiply(BigDecimal.valueOf(daysLeft)), drawn.currency())).rounded(2, RoundingMode.HALF_EVEN);
            Money shortfall = commitment.amount().minus(atEnd);
            projected = Optional.of(shortfall.isNegative() ? Money.zero(shortfall.currency()) : shortfall);
            projection = Explanation.of("at the run rate so far (" + drawn + " over " + elapsed + " days), spend reaches " + atEnd
                    + " by " + window.through().get() + ": projected shortfall " + projected.get());
        }
        Explanation why = Explanation.of(commitment.purchaser() + " committed to " + commitment.amount() + " of "
                + commitment.provider() + "'s services, " + window + "; drawn " + drawn + " by " + on + " from " + spends.size()
                + " spend event" + (spends.size() == 1 ? "" : "s") + ", remaining " + remaining)
                .cite(() -> Explanation.Reference.clause(inForce))
                .cite(spends.stream().map(Explanation.Reference::fact).toList())
                .because(projection);
        return new CommitmentPosition(commitment.purchaser(), commitment.provider(), commitment.amount(), drawn, remaining,
                window.through(), daysLeft, remaining, projected, why);
    }
}
