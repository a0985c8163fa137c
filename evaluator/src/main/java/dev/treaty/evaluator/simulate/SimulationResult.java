package dev.treaty.evaluator.simulate;

import dev.treaty.model.value.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a simulation found: per schedule of versions, per revenue-share term, the distribution over the runs. */
public record SimulationResult(Scenario scenario, int runs, List<ScheduleResult> schedules) {

    /** The percentiles reported, in percent. */
    public static final List<Integer> PERCENTILES = List.of(5, 25, 50, 75, 95);

    public record ScheduleResult(String label, List<TermResult> terms) {
    }

    /**
     * One term's outcomes over the runs.
     *
     * @param totals        total due from the scenario's start through its end, per run, in ascending order
     * @param presentValues the same, discounted to the valuation date, in ascending order
     * @param capDates      for the runs in which the total cap was reached, the day it was, in ascending order
     * @param capByYear     runs reaching the cap, by the year they reach it
     */
    public record TermResult(String term, String payer, String payee, Currency currency, List<BigDecimal> totals,
                             List<BigDecimal> presentValues, List<LocalDate> capDates, Map<Integer, Integer> capByYear,
                             int runs) {

        static TermResult of(String term, String payer, String payee, Currency currency, List<Simulation.Outcome> outcomes, int runs) {
            List<BigDecimal> totals = outcomes.stream().map(Simulation.Outcome::total).sorted().toList();
            List<BigDecimal> presentValues = outcomes.stream().map(o -> o.presentValue().setScale(2, RoundingMode.HALF_EVEN))
                    .sorted().toList();
            List<LocalDate> capDates = outcomes.stream().map(Simulation.Outcome::capReached).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.naturalOrder()).toList();
            Map<Integer, Integer> byYear = new TreeMap<>();
            capDates.forEach(d -> byYear.merge(d.getYear(), 1, Integer::sum));
            return new TermResult(term, payer, payee, currency, totals, presentValues, capDates, byYear, runs);
        }

        public Money mean() {
            BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return Money.of(sum.divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_EVEN), currency);
        }

        public Money total(int percent) {
            return Money.of(percentile(totals, percent), currency);
        }

        public Money presentValue(int percent) {
            return Money.of(percentile(presentValues, percent), currency);
        }

        public Money meanPresentValue() {
            BigDecimal sum = presentValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return Money.of(sum.divide(BigDecimal.valueOf(presentValues.size()), 2, RoundingMode.HALF_EVEN), currency);
        }

        /** The share of runs that reach the total cap by the scenario's end, from 0 to 1. */
        public BigDecimal capProbability() {
            return BigDecimal.valueOf(capDates.size()).divide(BigDecimal.valueOf(runs), 4, RoundingMode.HALF_EVEN);
        }

        /** Among the runs reaching the cap, the percentile of the day they reach it. */
        public Optional<LocalDate> capDate(int percent) {
            return capDates.isEmpty() ? Optional.empty() : Optional.of(percentile(capDates, percent));
        }

        /** Counts of runs per bin of the total due: {@code bins} equal bins from the lowest to the highest (one bin if all are equal). */
        public long[] histogram(int bins) {
            BigDecimal low = lowest();
            BigDecimal width = highest().subtract(low).divide(BigDecimal.valueOf(bins), 2, RoundingMode.CEILING);
            if (width.signum() == 0) return new long[]{totals.size()};
            long[] counts = new long[bins];
            for (BigDecimal total : totals) {
                counts[Math.min(total.subtract(low).divide(width, 0, RoundingMode.FLOOR).intValue(), bins - 1)]++;
            }
            return counts;
        }

        public BigDecimal lowest() {
            return totals.get(0);
        }

        public BigDecimal highest() {
            return totals.get(totals.size() - 1);
        }
    }

    /** The nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or below it. */
    static <T> T percentile(List<T> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
