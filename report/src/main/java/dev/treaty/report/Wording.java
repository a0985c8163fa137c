package dev.treaty.report;

import dev.treaty.model.ClauseOperation;
import dev.treaty.model.Document;
import dev.treaty.model.DocumentKind;
import dev.treaty.model.time.AgreementDiff.ClauseChange;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.term.CloudExclusivity;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.FirstShip;
import dev.treaty.model.term.Licence;
import dev.treaty.model.term.Penalty;
import dev.treaty.model.term.PurchaseCommitment;
import dev.treaty.model.term.ReleasePermission;
import dev.treaty.model.term.RevenueShare;
import dev.treaty.model.term.RightOfFirstRefusal;
import dev.treaty.model.term.Stake;
import dev.treaty.model.term.Term;
import dev.treaty.model.term.Validity;
import dev.treaty.model.value.Money;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How figures and terms read, in one place: the command line's text, the report and the web UI
 * all word a term and print an amount the same way.
 */
public final class Wording {

    private Wording() {
    }

    /** An amount with thousands separators and at least two decimals: "1,234,567.50". */
    public static String amount(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(Math.max(2, money.amount().scale()));
        return format.format(money.amount());
    }

    /** One line a finance or legal reader can scan: who, what, until when. */
    public static String summary(Term term) {
        String body = switch (term) {
            case RevenueShare r -> r.payer() + " pays " + r.payee() + " " + (r.rate() instanceof dev.treaty.model.term.RateSchedule.Computed c
                    ? "an amount computed as " + c + r.base().map(b -> " (revenue where " + b + ")").orElse("")
                    : r.rate() + " of " + r.base().map(b -> "revenue where " + b).orElse("its revenue")) + ", per " + r.period()
                    + r.totalCap().map(c -> ", capped at " + c.amount() + " in total").orElse("")
                    + r.periodCap().map(c -> ", at most " + c + " a period").orElse("")
                    + r.yearCap().map(c -> ", at most " + c + " a year").orElse("")
                    + r.rollingCap().map(c -> ", at most " + c).orElse("")
                    + r.yearMinimum().map(m -> ", at least " + m).orElse("")
                    + r.minimum().map(m -> ", at least " + m + " a period").orElse("")
                    + r.advance().map(a -> ", advance " + a.amount() + (a.recoupable() ? " recouped" : " not recouped")).orElse("")
                    + r.escalation().map(e -> ", minimums and caps rising " + e + " a contract year").orElse("");
            case Licence l -> l.licensor() + " licenses " + l.covers() + (l.excludes().isEmpty() ? "" : " excluding " + l.excludes())
                    + " to " + l.licensee() + ", " + (l.exclusive() ? "exclusive" + l.exclusiveIf().map(c -> " if " + c).orElse("")
                    + l.exclusiveUntil().map(c -> " until " + c).orElse("")
                    : "non-exclusive");
            case CloudExclusivity c -> c.owner() + "'s " + c.products().map(p -> "products where " + p).orElse("products")
                    + " run only on " + c.cloud() + c.except().map(e -> ", except where " + e).orElse("");
            case FirstShip f -> f.owner() + "'s " + f.products().map(p -> "products where " + p).orElse("products")
                    + " ship first on " + f.cloud() + f.except().map(e -> ", except where " + e).orElse("")
                    + f.validity().unless().map(u -> ", unless " + u).orElse("")
                    + f.response().map(r -> " (response within " + r + ")").orElse("");
            case ReleasePermission p -> p.owner() + " may release " + p.products().map(x -> "products where " + x).orElse("all products")
                    + " on " + (p.anyCloud() ? "any cloud" : String.join(", ", p.clouds()))
                    + (p.segments().isEmpty() ? "" : " for " + String.join(", ", p.segments()))
                    + p.exceptionTo().map(e -> " (exception to " + e + ")").orElse("");
            case RightOfFirstRefusal r -> r.holder() + " has a right of first refusal on " + r.grantor() + "'s " + r.subject()
                    + " (response within " + r.response() + ")";
            case Stake s -> s.holder() + " holds " + s.percentage() + (s.basis().isEmpty() ? "" : " " + s.basis()) + " of "
                    + s.issuer() + s.valued().map(v -> ", valued at " + v).orElse("");
            case PurchaseCommitment p -> p.purchaser() + " commits to buy " + p.amount() + " from " + p.provider();
            case dev.treaty.model.term.InstalmentSale s -> s.payer() + " pays " + s.payee() + " " + s.price() + " in " + s.instalments()
                    + " instalments from " + s.start() + ", with interest at " + s.interest() + " a year on the balance";
            case Penalty p -> p.payer() + " pays " + p.payee() + " " + p.perDay() + " a day of delay after " + p.deadline()
                    + p.capAmount().map(c -> ", at most " + c).orElse("") + p.validity().unless().map(u -> ", suspended while " + u).orElse("")
                    + p.termination().map(t -> "; " + p.payee() + " may terminate after " + dev.treaty.model.value.Durations.format(t) + " of delay").orElse("");
            case EventDefinition e -> "event " + e.name() + e.declaredBy().map(d -> ", declared by " + d).orElse("")
                    + e.verifiedBy().map(v -> ", verified by " + v).orElse("");
        };
        return body + validity(term.validity());
    }

    private static String validity(Validity validity) {
        List<String> parts = new ArrayList<>();
        if (!validity.window().isAlways()) parts.add(validity.window().toString());
        validity.until().ifPresent(c -> parts.add("until " + c));
        validity.after().ifPresent(c -> parts.add("after " + c));
        validity.onlyIf().ifPresent(c -> parts.add("if " + c));
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    /** Whether the term's window covers {@code date}, in words. */
    public static String status(Term term, LocalDate date) {
        var window = term.validity().window();
        if (window.from().isPresent() && date.isBefore(window.from().get())) return "not yet in force (from " + window.from().get() + ")";
        if (window.through().isPresent() && date.isAfter(window.through().get())) return "lapsed (through " + window.through().get() + ")";
        return "";
    }

    /** The document that made a clause change. */
    public static String changedBy(ClauseChange change, ConsolidatedAgreement from, ConsolidatedAgreement to) {
        if (change.after().isPresent()) return change.after().get().provenance().documentId();
        List<Document> newer = to.applied().subList(Math.min(from.applied().size(), to.applied().size()), to.applied().size());
        for (Document document : newer.reversed()) {
            if (document.kind() == DocumentKind.RESTATEMENT) return document.id();
            for (ClauseOperation operation : document.operations()) {
                if (operation.kind() == ClauseOperation.Kind.STRIKE && change.id().isWithin(operation.target())) return document.id();
            }
        }
        return to.latest().id();
    }
}
