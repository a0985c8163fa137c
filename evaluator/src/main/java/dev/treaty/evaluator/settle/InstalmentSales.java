package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.model.Assumption;
import dev.treaty.model.term.InstalmentSale;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The amortising schedules of instalment sales: a level payment worked out from the price, the
 * period's rate and the number of instalments, each instalment's interest on the balance and the
 * principal it pays off, rounded per instalment, the last one paying off exactly what is left.
 */
public final class InstalmentSales {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private InstalmentSales() {
    }

    /** One instalment: when it is due, the balance before it, its interest and principal, and the balance after it. */
    public record Instalment(int number, LocalDate due, Money opening, Money interest, Money principal, Money closing) {

        public Money payment() {
            return interest.plus(principal);
        }
    }

    /** The whole schedule of a sale. */
    public static List<Instalment> schedule(InstalmentSale sale) {
        int n = sale.instalments().count();
        int scale = sale.rounding().scale();
        RoundingMode mode = sale.rounding().mode();
        BigDecimal principal = sale.price().amount().setScale(scale, mode);
        BigDecimal rate = sale.interest().fraction().divide(BigDecimal.valueOf(sale.periodsPerYear()), EXACT);
        // the level payment P·r / (1 − (1 + r)^−n); with no interest, the price in equal parts
        BigDecimal level = rate.signum() == 0 ? principal.divide(BigDecimal.valueOf(n), EXACT)
                : principal.multiply(rate).divide(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.ONE.add(rate).pow(n, EXACT), EXACT)), EXACT);
        BigDecimal payment = level.setScale(scale, mode);
        List<Instalment> schedule = new ArrayList<>();
        BigDecimal balance = principal;
        for (int k = 1; k <= n; k++) {
            BigDecimal interest = balance.multiply(rate).setScale(scale, mode);
            BigDecimal paidOff = k == n ? balance : payment.subtract(interest).min(balance);
            BigDecimal closing = balance.subtract(paidOff);
            schedule.add(new Instalment(k, sale.dueDate(k), Money.of(balance, sale.currency()), Money.of(interest, sale.currency()),
                    Money.of(paidOff, sale.currency()), Money.of(closing, sale.currency())));
            balance = closing;
        }
        return List.copyOf(schedule);
    }

    /** Every instalment sale in the plan's schedule: one statement each, with the instalments due by the plan's last day. */
    static List<Statement> statements(SettlementPlan plan, Map<String, Assumption> assumptions, Optional<LocalDate> reportFrom) {
        List<Statement> statements = new ArrayList<>();
        for (TermInForce term : latest(plan)) {
            InstalmentSale sale = (InstalmentSale) term.term();
            Money zero = Money.zero(sale.currency()).rounded(sale.rounding().scale(), sale.rounding().mode());
            List<StatementLine> lines = new ArrayList<>();
            Money cumulative = zero;
            Money totalBase = zero;
            Money totalDue = zero;
            LocalDate previous = sale.start();
            for (Instalment instalment : schedule(sale)) {
                if (instalment.due().isAfter(plan.through)) break;
                LocalDate from = previous.plusDays(1);
                previous = instalment.due();
                Money due = instalment.payment();
                cumulative = cumulative.plus(due);
                if (reportFrom.map(f -> instalment.due().isBefore(f)).orElse(false)) continue;
                String label = "instalment " + instalment.number() + "/" + sale.instalments().count();
                Explanation why = Explanation.of(sale.payer() + " owes " + sale.payee() + " " + due + " on " + instalment.due() + ", " + label
                                + " under " + sale.header().label())
                        .cite(Explanation.Reference.clause(term)).cite(Explanation.Reference.assumptions(term, assumptions))
                        .because(List.of(
                                Explanation.of("balance before it: " + instalment.opening()),
                                Explanation.of("interest: " + sale.interest() + " a year ÷ " + sale.periodsPerYear() + " of " + instalment.opening()
                                        + " = " + instalment.interest() + " (rounded " + sale.rounding() + ")"),
                                Explanation.of("principal: " + instalment.principal() + (instalment.number() == sale.instalments().count()
                                        ? " (the last instalment pays off what is left)" : " (the level payment less the interest)")),
                                Explanation.of("balance after it: " + instalment.closing())));
                lines.add(new StatementLine(sale.name(), sale.payer(), sale.payee(), label, instalment.due(), from, instalment.due(), term,
                        instalment.opening(), 0, "interest " + instalment.interest() + " + principal " + instalment.principal(), due, zero, zero, zero,
                        due, instalment.due(), List.of(new StatementLine.Instalment(instalment.due(), due)), cumulative, Optional.empty(), why));
                totalBase = totalBase.plus(instalment.principal());
                totalDue = totalDue.plus(due);
            }
            statements.add(new Statement(sale.name(), sale.payer(), sale.payee(), lines, totalBase, totalDue, totalDue,
                    dev.treaty.model.term.TermKind.INSTALMENT_SALE));
        }
        return statements;
    }

    /** Each sale as the latest version in the schedule states it: an amendment that restates a sale restates its whole schedule. */
    private static List<TermInForce> latest(SettlementPlan plan) {
        Map<String, TermInForce> byName = new java.util.LinkedHashMap<>();
        for (SettlementPlan.VersionSpan span : plan.schedule) {
            if (span.window().from().map(f -> f.isAfter(plan.through)).orElse(false)) continue;
            for (TermInForce term : span.version().terms()) {
                if (!(term.term() instanceof InstalmentSale)) continue;
                if (plan.only.isPresent() && !plan.only.get().equals(term.term().name())) continue;
                byName.put(term.term().name(), term);
            }
        }
        return List.copyOf(byName.values());
    }
}
