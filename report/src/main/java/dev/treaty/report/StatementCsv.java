package dev.treaty.report;

import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.value.Money;

import java.io.PrintWriter;

/**
 * Statement lines as CSV, one row a line: what `treaty settle --csv` prints and the Spark job
 * writes, byte for byte the same from either.
 */
public final class StatementCsv {

    public static final String HEADER = "term,payer,payee,currency,period,from,through,document,clause,base,lines,rate,gross,recouped,"
            + "minimum_top_up,cap_cut,due,due_date,instalments,cumulative_due,cap_remaining";

    private StatementCsv() {
    }

    public static void write(PrintWriter out, SettlementResult result) {
        out.println(HEADER);
        for (Statement statement : result.statements()) {
            for (StatementLine line : statement.lines()) {
                out.println(String.join(",", line.term(), line.payer(), line.payee(), line.due().currency().getCurrencyCode(),
                        line.period(), line.from().toString(), line.through().toString(), line.documentId(), line.clauseId(),
                        plain(line.base()), Long.toString(line.lines()), quote(line.rate()), plain(line.gross()),
                        plain(line.recouped()), plain(line.minimumTopUp()), plain(line.capCut()), plain(line.due()),
                        line.dueDate().toString(), Integer.toString(line.instalments().size()), plain(line.cumulativeDue()),
                        line.capRemaining().map(StatementCsv::plain).orElse("")));
            }
        }
    }

    private static String plain(Money money) {
        return money.amount().toPlainString();
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
