package dev.treaty.evaluator.settle;

import dev.treaty.model.value.Money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two settlements of the same revenue side by side: what is due per term and period, and per payer
 * and payee, before and after. A period that no settlement mentions is unchanged by definition.
 *
 * @param byTermAndPeriod keyed by term, then period (in the order the periods sort)
 * @param byParties       keyed by "payer → payee"
 */
public record SettlementDiff(Map<TermPeriod, Row> byTermAndPeriod, Map<String, Row> byParties) {

    /** One term in one period. */
    public record TermPeriod(String term, String period) implements Comparable<TermPeriod> {
        @Override
        public int compareTo(TermPeriod other) {
            int byTerm = term.compareTo(other.term);
            return byTerm != 0 ? byTerm : period.compareTo(other.period);
        }
    }

    /** What was due before and after. */
    public record Row(Money before, Money after) {
        public Money change() {
            return after.minus(before);
        }
    }

    public SettlementDiff {
        byTermAndPeriod = Collections.unmodifiableMap(new TreeMap<>(byTermAndPeriod));
        byParties = Collections.unmodifiableMap(new LinkedHashMap<>(byParties));
    }

    public static SettlementDiff of(SettlementResult before, SettlementResult after) {
        Map<TermPeriod, Row> byTerm = new TreeMap<>();
        Map<String, Row> byParties = new LinkedHashMap<>();
        add(before, true, byTerm, byParties);
        add(after, false, byTerm, byParties);
        return new SettlementDiff(byTerm, byParties);
    }

    private static void add(SettlementResult result, boolean isBefore, Map<TermPeriod, Row> byTerm, Map<String, Row> byParties) {
        for (Statement statement : result.statements()) {
            for (StatementLine line : statement.lines()) {
                merge(byTerm, new TermPeriod(statement.term(), line.period()), line.due(), isBefore);
                merge(byParties, statement.payer() + " → " + statement.payee(), line.due(), isBefore);
            }
        }
    }

    private static <K> void merge(Map<K, Row> map, K key, Money amount, boolean isBefore) {
        Money zero = Money.zero(amount.currency());
        Row row = map.getOrDefault(key, new Row(zero, zero));
        map.put(key, isBefore ? new Row(row.before().plus(amount), row.after()) : new Row(row.before(), row.after().plus(amount)));
    }

    /** Whether anything changed. */
    public boolean isZero() {
        return byParties.values().stream().allMatch(r -> r.change().isZero());
    }
}
