package dev.treaty.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.value.Money;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The same revenue settled under two versions: per term and period, and per payer and payee, before and after. */
final class MoneyDiff {

    record Row(Money before, Money after) {
        Money change() {
            return after.minus(before);
        }
    }

    final Map<String, Row> byTermAndPeriod = new TreeMap<>();
    final Map<String, Row> byParties = new LinkedHashMap<>();

    MoneyDiff(SettlementResult before, SettlementResult after) {
        add(before, true);
        add(after, false);
    }

    private void add(SettlementResult result, boolean isBefore) {
        for (Statement statement : result.statements()) {
            for (StatementLine line : statement.lines()) {
                String key = String.format("%-24s %s", statement.term(), line.period());
                merge(byTermAndPeriod, key, line.due(), isBefore);
                merge(byParties, statement.payer() + " → " + statement.payee(), line.due(), isBefore);
            }
        }
    }

    private static void merge(Map<String, Row> map, String key, Money amount, boolean isBefore) {
        Money zero = Money.zero(amount.currency());
        Row row = map.getOrDefault(key, new Row(zero, zero));
        map.put(key, isBefore ? new Row(row.before().plus(amount), row.after()) : new Row(row.before(), row.after().plus(amount)));
    }

    void print(PrintWriter out) {
        out.println(String.format("%-32s %22s %22s %22s", "term and period", "before", "after", "change"));
        byTermAndPeriod.forEach((key, row) -> {
            if (row.before().isZero() && row.after().isZero()) return;
            out.println(String.format("%-32s %22s %22s %22s", key, SettlementText.amount(row.before()),
                    SettlementText.amount(row.after()), SettlementText.amount(row.change())));
        });
        out.println();
        out.println("in total:");
        byParties.forEach((parties, row) -> {
            String currency = row.before().currency().getCurrencyCode() + " ";
            out.println("  " + parties + ": before " + currency + SettlementText.amount(row.before()) + ", after " + currency
                    + SettlementText.amount(row.after()) + ", change " + currency + SettlementText.amount(row.change()));
        });
    }

    ObjectNode json() {
        ObjectNode root = Json.object();
        ArrayNode rows = root.putArray("byTermAndPeriod");
        byTermAndPeriod.forEach((key, row) -> {
            String[] parts = key.trim().split("\\s+");
            rows.addObject().put("term", parts[0]).put("period", parts[1]).put("before", row.before().toPlainString())
                    .put("after", row.after().toPlainString()).put("change", row.change().toPlainString());
        });
        ArrayNode totals = root.putArray("byParties");
        byParties.forEach((parties, row) -> totals.addObject().put("parties", parties).put("before", row.before().toPlainString())
                .put("after", row.after().toPlainString()).put("change", row.change().toPlainString())
                .put("currency", row.before().currency().getCurrencyCode()));
        return root;
    }
}
