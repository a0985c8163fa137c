package dev.treaty.report;

import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.value.Money;

import java.io.PrintWriter;

/** Statements as text tables for people (`treaty settle`, the Spark job's text output), and a settlement's change between two histories. */
public final class SettlementText {

    private SettlementText() {
    }

    /** Two settlements side by side: per term and period (unchanged ones left out), then per payer and payee. */
    public static void diff(PrintWriter out, dev.treaty.evaluator.settle.SettlementDiff diff) {
        out.println(String.format("%-32s %22s %22s %22s", "term and period", "before", "after", "change"));
        diff.byTermAndPeriod().forEach((key, row) -> {
            if (row.change().isZero()) return;
            out.println(String.format("%-32s %22s %22s %22s", String.format("%-24s %s", key.term(), key.period()),
                    Wording.amount(row.before()), Wording.amount(row.after()), Wording.amount(row.change())));
        });
        out.println();
        out.println("in total:");
        diff.byParties().forEach((parties, row) -> {
            String currency = row.before().currency().getCurrencyCode() + " ";
            out.println("  " + parties + ": before " + currency + Wording.amount(row.before()) + ", after " + currency
                    + Wording.amount(row.after()) + ", change " + currency + Wording.amount(row.change()));
        });
    }

    public static void print(PrintWriter out, SettlementResult result, boolean explain) {
        for (Statement statement : result.statements()) {
            out.println(statement.kind().keyword() + " " + statement.term() + ": " + statement.payer() + " → " + statement.payee()
                    + (statement.lines().isEmpty() ? "" : ", " + statement.lines().get(0).due().currency().getCurrencyCode()));
            String header = String.format("%-9s %-10s %-10s %-24s %20s %-8s %18s %16s %18s %-10s %20s %18s",
                    "period", "from", "through", "version", "base", "rate", "gross", "cap/min/adv", "due", "due date",
                    "cumulative", "cap remaining");
            out.println(header);
            for (StatementLine line : statement.lines()) {
                Money adjustments = line.minimumTopUp().minus(line.capCut()).minus(line.recouped());
                out.println(String.format("%-9s %-10s %-10s %-24s %20s %-8s %18s %16s %18s %-10s %20s %18s",
                        line.period(), line.from(), line.through(), line.documentId() + " §" + line.clauseId(),
                        Wording.amount(line.base()), rateShort(line.rate()), Wording.amount(line.gross()),
                        adjustments.isZero() ? "" : Wording.amount(adjustments), Wording.amount(line.due()),
                        line.dueDate() + (line.instalments().size() > 1 ? "+" : ""), Wording.amount(line.cumulativeDue()),
                        line.capRemaining().map(Wording::amount).orElse("")));
                line.paid().ifPresent(paid -> out.println(String.format("%-9s paid in %s: %s at %s (fx-rate %s of %s)", "",
                        paid.amount().currency().getCurrencyCode(), Wording.amount(paid.amount()), paid.rate().toPlainString(), paid.fact(), paid.rateDay())));
                if (explain) {
                    ExplanationText.render(line.why()).lines().forEach(l -> out.println("    " + l));
                }
            }
            out.println("total: base " + Wording.amount(statement.totalBase()) + ", gross " + Wording.amount(statement.totalGross())
                    + ", due " + Wording.amount(statement.totalDue()) + " (" + statement.lines().size() + " line" + (statement.lines().size() == 1 ? "" : "s") + ")");
            out.println();
        }
        if (!result.net().isEmpty()) {
            out.println("net positions (shares both ways set off):");
            for (SettlementResult.NetPosition net : result.net()) {
                out.println(net.owed().isZero()
                        ? String.format("  %-9s %s and %s are even  (%s each way)", net.period(), net.debtor(), net.creditor(),
                        Wording.amount(net.debtorToCreditor()))
                        : String.format("  %-9s %s owes %s %s  (%s − %s)", net.period(), net.debtor(), net.creditor(),
                        net.owed(), Wording.amount(net.debtorToCreditor()), Wording.amount(net.creditorToDebtor())));
            }
            out.println();
        }
        out.println(result.revenueLines() + " revenue lines read, " + result.ignoredLines() + " counted by no term"
                + " (\"+\" after a due date: paid in instalments; --explain for each line's derivation)");
    }

    private static String rateShort(String rate) {
        int note = rate.indexOf(" (");
        String shown = note > 0 ? rate.substring(0, note) : rate;   // "5% (availability 99.5%)", "4% (band …)": the rate; the rest is in --explain
        return shown.contains(" of ") ? "tiered" : shown;
    }
}
