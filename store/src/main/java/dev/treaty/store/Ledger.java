package dev.treaty.store;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.FactSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The double-entry ledger. An amount due (a statement line) debits {@code owed:PAYER>PAYEE} and
 * credits {@code due:PAYER>PAYEE}; a payment credits {@code owed:…} and debits {@code paid:…}. Every
 * entry's legs sum to zero, so the whole ledger does; the balance of {@code owed:A>B} is what A
 * still owes B.
 */
public final class Ledger {

    private Ledger() {
    }

    /** What one party owes another, per currency, with what made it. */
    public record Balance(String payer, String payee, String currency, BigDecimal due, BigDecimal paid, BigDecimal outstanding) {
    }

    static void postPayments(Store store, List<String> bodies, Store.Writing writing) throws SQLException {
        List<EventReader.Text> texts = new ArrayList<>();
        for (String body : bodies) texts.add(new EventReader.Text(new FactSource(Path.of("store"), 0), body));
        int n = 0;
        for (Fact fact : EventReader.parse(texts).facts()) {
            if (!(fact instanceof Fact.Payment payment)) continue;
            long micros = payment.amount().amount().movePointRight(6).longValueExact();
            String pair = payment.payer() + ">" + payment.payee();
            String currency = payment.amount().currency().getCurrencyCode();
            post(store, "p:" + writing.seq() + ":" + n++, List.of(new Leg("owed:" + pair, -micros), new Leg("paid:" + pair, micros)),
                    currency, "payment " + payment.id(), writing);
        }
    }

    record Leg(String account, long micros) {
    }

    static void post(Store store, String entry, List<Leg> legs, String currency, String source, Store.Writing writing) throws SQLException {
        long sum = legs.stream().mapToLong(Leg::micros).sum();
        if (sum != 0) throw new IllegalStateException("an unbalanced entry " + entry + ": " + sum);
        for (int i = 0; i < legs.size(); i++) {
            Rows.insert(store.connection(), writing.rows(), Rows.POSTING, entry, i, legs.get(i).account(), legs.get(i).micros(), currency,
                    source, writing.seq());
        }
    }

    /** Per pair of parties and currency: due, paid and outstanding, from the postings recorded by {@code knownAtMicros}. */
    public static List<Balance> balances(Store store, long knownAtMicros) {
        Map<String, long[]> sums = new TreeMap<>();
        store.query("select p.account, p.currency, sum(p.amount_micros) from posting p join audit a on a.seq = p.audit_seq"
                + " where a.at_micros <= ? group by p.account, p.currency order by p.account, p.currency",
                statement -> statement.setLong(1, knownAtMicros), rows -> {
                    String account = rows.getString(1);
                    int colon = account.indexOf(':');
                    String kind = account.substring(0, colon);
                    String key = account.substring(colon + 1) + " " + rows.getString(2);
                    long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
                    if (kind.equals("due")) sum[0] -= rows.getLong(3);
                    if (kind.equals("paid")) sum[1] += rows.getLong(3);
                });
        List<Balance> balances = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] pairAndCurrency = key.split(" ");
            String[] pair = pairAndCurrency[0].split(">");
            BigDecimal due = BigDecimal.valueOf(sum[0], 6).stripTrailingZeros();
            BigDecimal paid = BigDecimal.valueOf(sum[1], 6).stripTrailingZeros();
            balances.add(new Balance(pair[0], pair[1], pairAndCurrency[1], due, paid, due.subtract(paid)));
        });
        return balances;
    }
}
