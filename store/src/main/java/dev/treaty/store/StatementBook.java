package dev.treaty.store;

import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issued statements: numbered, frozen, never rewritten. A statement carries what is due for its
 * period and, for every period issued before, the difference between what is due now and what was
 * issued (an adjustment line), so later facts and retroactive amendments reach the ledger without
 * touching an issued statement.
 */
public final class StatementBook {

    /** One line of an issued statement. */
    public record Line(String kind, String term, String payer, String payee, String period, long amountMicros, String currency) {
    }

    /** A statement as issued. */
    public record Issued(long number, String agreement, String period, long issuedMicros, String body, String bodyHash) {
    }

    private StatementBook() {
    }

    /** Issues the statement for {@code period}; refuses a period already issued. */
    public static Issued issue(Store store, String agreementId, String period, String who, String why) {
        LocalDate through = periodEnd(period);
        Issued[] issued = {null};
        store.write(who, "statement issue", why, "treaty statement issue", writing -> {
            long now = writing.recordedMicros();
            String agreement = StoredInputs.agreementId(store, agreementId, now);
            List<Line> previous = issuedLines(store, agreement);
            if (previous.stream().anyMatch(l -> l.kind().equals("due") && l.period().equals(period))) {
                throw new StoreException("period " + period + " of " + agreement + " is already issued (see 'treaty statement list');"
                        + " later changes to it appear as adjustments in the next statement");
            }
            long number = nextNumber(store);
            List<Line> lines = lines(StoredInputs.settle(store, agreement, now, through), period, previous);
            String body = render(number, agreement, period, now, lines, anchor(store, writing.seq()));
            String hash = AuditChain.sha256(body);
            save(store, number, agreement, period, now, body, hash, writing, lines);
            issued[0] = new Issued(number, agreement, period, now, body, hash);
            return "statement " + number + " of " + agreement + " for " + period + ": " + lines.size() + " lines, body " + hash;
        });
        return issued[0];
    }

    /** The lines a statement for {@code period} carries, given what earlier statements issued. */
    static List<Line> lines(SettlementResult result, String period, List<Line> previous) {
        Map<String, Line> dueNow = new TreeMap<>();        // term|period → due now, all periods
        for (Statement statement : result.statements()) {
            for (StatementLine line : statement.lines()) {
                String key = statement.term() + "|" + line.period();
                if (line.due().amount().abs().compareTo(java.math.BigDecimal.valueOf(dev.treaty.language.Limits.TOTAL_AMOUNT_UNITS_MAX)) > 0) {
                    throw new StoreException(statement.term() + " comes to " + line.due() + " for " + line.period() + ", more than the"
                            + " largest amount a statement line may carry (" + String.format(Locale.ROOT, "%,d",
                            dev.treaty.language.Limits.TOTAL_AMOUNT_UNITS_MAX) + " units; see docs/limits.md); nothing was issued");
                }
                long micros = line.due().amount().movePointRight(6).longValueExact();
                Line before = dueNow.get(key);
                dueNow.put(key, new Line("due", statement.term(), statement.payer(), statement.payee(), line.period(),
                        (before == null ? 0 : before.amountMicros()) + micros, line.due().currency().getCurrencyCode()));
            }
        }
        Map<String, Line> issuedSoFar = new LinkedHashMap<>();
        for (Line line : previous) {
            String key = line.term() + "|" + line.period();
            Line before = issuedSoFar.get(key);
            issuedSoFar.put(key, new Line("issued", line.term(), line.payer(), line.payee(), line.period(),
                    (before == null ? 0 : before.amountMicros()) + line.amountMicros(), line.currency()));
        }
        java.util.Set<String> issuedPeriods = new java.util.HashSet<>();
        previous.forEach(line -> issuedPeriods.add(line.period()));
        List<Line> lines = new ArrayList<>();
        dueNow.forEach((key, line) -> {
            if (line.period().equals(period) && !issuedSoFar.containsKey(key)) lines.add(line);
        });
        // an issued period changed since: by what is due now less what was issued, for every term,
        // including a term that a retroactive amendment added to that period
        Map<String, Line> changed = new TreeMap<>(issuedSoFar);
        dueNow.forEach((key, line) -> {
            if (issuedPeriods.contains(line.period()) && !line.period().equals(period)) {
                changed.putIfAbsent(key, new Line("issued", line.term(), line.payer(), line.payee(), line.period(), 0, line.currency()));
            }
        });
        changed.forEach((key, issued) -> {
            Line now = dueNow.get(key);
            long difference = (now == null ? 0 : now.amountMicros()) - issued.amountMicros();
            if (difference != 0) {
                lines.add(new Line("adjustment", issued.term(), issued.payer(), issued.payee(), issued.period(), difference, issued.currency()));
            }
        });
        return lines;
    }

    /** The text of a statement: what {@code treaty statement show} prints, byte for byte, for ever. */
    static String render(long number, String agreement, String period, long issuedMicros, List<Line> lines, String anchor) {
        StringBuilder text = new StringBuilder();
        text.append("Statement ").append(number).append(" of ").append(agreement).append(" for ").append(period).append('\n');
        text.append("issued ").append(Store.instant(issuedMicros)).append(", on the agreements and facts recorded by then\n");
        text.append("audit chain before it: ").append(anchor).append(" (check a store against it: treaty verify --anchor ")
                .append(anchor.replace("entry ", "").replace(", hash ", ":")).append(")\n\n");
        if (lines.isEmpty()) text.append("  nothing is due and nothing issued before has changed\n");
        Map<String, Long> totals = new TreeMap<>();
        for (Line line : lines) {
            text.append(String.format(Locale.ROOT, "  %-10s %-24s %-24s %-9s %s %22s%n", line.kind(), line.term(),
                    line.payer() + " → " + line.payee(), line.period(), line.currency(), amount(line.amountMicros())));
            totals.merge(line.payer() + " → " + line.payee() + " " + line.currency(), line.amountMicros(), Long::sum);
        }
        text.append('\n');
        totals.forEach((pair, total) -> text.append("  total ").append(pair).append(' ').append(amount(total)).append('\n'));
        return text.toString();
    }

    static String amount(long micros) {
        BigDecimal value = BigDecimal.valueOf(micros, 6).setScale(Math.max(2, BigDecimal.valueOf(micros, 6).stripTrailingZeros().scale()),
                java.math.RoundingMode.UNNECESSARY);
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(6);
        return format.format(value);
    }

    private static void save(Store store, long number, String agreement, String period, long issued, String body, String hash,
                             Store.Writing writing, List<Line> lines) throws SQLException {
        Rows.insert(store.connection(), writing.rows(), Rows.STATEMENT, number, agreement, period, issued, body, hash, writing.seq());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Rows.insert(store.connection(), writing.rows(), Rows.STATEMENT_LINE, number, i + 1, line.kind(), line.term(), line.payer(),
                    line.payee(), line.period(), line.amountMicros(), line.currency(), writing.seq());
            String pair = line.payer() + ">" + line.payee();
            Ledger.post(store, "s:" + number + ":" + (i + 1), List.of(new Ledger.Leg("owed:" + pair, line.amountMicros()),
                    new Ledger.Leg("due:" + pair, -line.amountMicros())), line.currency(),
                    "statement " + number + " line " + (i + 1), writing);
        }
    }

    /**
     * The chain head just before the audit entry {@code seq}: "entry 41, hash 9f…". Printed in the
     * statement, so whoever receives it holds an anchor that pins the store's history up to then.
     */
    static String anchor(Store store, long seq) {
        String[] hash = {"0".repeat(64)};
        store.query("select hash from audit where seq = ?", s -> s.setLong(1, seq - 1), rows -> hash[0] = rows.getString(1));
        return "entry " + (seq - 1) + ", hash " + hash[0];
    }

    private static long nextNumber(Store store) {
        long[] max = {0};
        store.query("select coalesce(max(number), 0) from statement", s -> { }, rows -> max[0] = rows.getLong(1));
        return max[0] + 1;
    }

    /** Every line of every statement issued for {@code agreement}, oldest first. */
    static List<Line> issuedLines(Store store, String agreement) {
        List<Line> lines = new ArrayList<>();
        store.query("select l.kind, l.term, l.payer, l.payee, l.period, l.amount_micros, l.currency from statement_line l"
                + " join statement s on s.number = l.statement where s.agreement = ? order by l.statement, l.line", s -> s.setString(1, agreement),
                rows -> lines.add(new Line(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getLong(6), rows.getString(7))));
        return lines;
    }

    public static Optional<Issued> find(Store store, long number) {
        Issued[] found = {null};
        store.query("select number, agreement, period, issued, body, body_hash from statement where number = ?", s -> s.setLong(1, number),
                rows -> found[0] = new Issued(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                        rows.getString(6)));
        return Optional.ofNullable(found[0]);
    }

    public static List<Issued> all(Store store) {
        List<Issued> all = new ArrayList<>();
        store.query("select number, agreement, period, issued, body, body_hash from statement order by number", s -> { },
                rows -> all.add(new Issued(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                        rows.getString(6))));
        return all;
    }

    /**
     * The statement recomputed from what the store knew when it was issued: the agreements and facts
     * recorded by then, and the statements issued before it. Equal to the issued text unless the
     * store was tampered with.
     */
    public static String recompute(Store store, Issued issued) {
        List<Line> before = new ArrayList<>();
        store.query("select l.kind, l.term, l.payer, l.payee, l.period, l.amount_micros, l.currency from statement_line l join statement s"
                + " on s.number = l.statement where s.agreement = ? and s.number < ? order by l.statement, l.line", s -> {
            s.setString(1, issued.agreement());
            s.setLong(2, issued.number());
        }, rows -> before.add(new Line(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getLong(6), rows.getString(7))));
        List<Line> lines = lines(StoredInputs.settle(store, issued.agreement(), issued.issuedMicros(), periodEnd(issued.period())),
                issued.period(), before);
        long[] seq = {0};
        store.query("select audit_seq from statement where number = ?", s -> s.setLong(1, issued.number()), rows -> seq[0] = rows.getLong(1));
        return render(issued.number(), issued.agreement(), issued.period(), issued.issuedMicros(), lines, anchor(store, seq[0]));
    }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** The last day of a calendar period label: 2026-Q3, 2026-07 or 2026. */
    public static LocalDate periodEnd(String period) {
        Matcher quarter = QUARTER.matcher(period);
        if (quarter.matches()) {
            return YearMonth.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)) * 3).atEndOfMonth();
        }
        Matcher month = MONTH.matcher(period);
        if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
            return YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))).atEndOfMonth();
        }
        if (YEAR.matcher(period).matches()) return LocalDate.of(Integer.parseInt(period), 12, 31);
        throw new StoreException("--period: '" + period + "' is not a calendar period such as 2026-Q3, 2026-07 or 2026");
    }
}
