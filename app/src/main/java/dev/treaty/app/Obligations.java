package dev.treaty.app;

import dev.treaty.evaluator.decide.FirstRefusal;
import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.Party;
import dev.treaty.model.term.FirstShip;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What each party must do on a date: pay what fell due (less payments), answer capability requests
 * and offers under a right of first refusal before their deadlines, buy what a commitment still
 * requires, and see which rights lapse within a year.
 */
public final class Obligations {

    /** Upcoming payments and lapsing rights are listed this far ahead. */
    public static final int HORIZON_DAYS = 365;

    /** One thing a party must do, and what it rests on (clauses, facts). */
    public record Item(String text, List<String> citations) {
    }

    /**
     * The obligations of each party of the version in force.
     *
     * @param withPayments whether revenue was settled (payments are listed only then)
     */
    public record Result(LocalDate on, ConsolidatedAgreement version, Map<Party, List<Item>> byParty, boolean withPayments) {
    }

    private Obligations() {
    }

    public static Result on(Workspace workspace, LocalDate on) {
        ConsolidatedAgreement version = workspace.versionOn(on);
        Facts known = workspace.facts();
        Map<String, List<Item>> byParty = new LinkedHashMap<>();
        version.parties().forEach(p -> byParty.put(p.shortName(), new ArrayList<>()));
        boolean withPayments = workspace.hasRevenue() || !Settlements.needsRevenue(workspace);
        if (withPayments) payments(Settlements.settle(workspace, Settlements.Request.through(on)), known, on, byParty);
        capabilityRequests(workspace.agreement(), version, known, on, byParty);
        offers(workspace.agreement(), known, on, byParty);
        for (Holdings.CommitmentPosition p : Holdings.commitments(version, known, on)) {
            add(byParty, p.purchaser(), "commitment: buy " + p.remaining() + " more of " + p.provider() + "'s services"
                    + p.windowEnd().map(end -> " by " + end + " (" + p.daysLeft() + " days)").orElse(""),
                    p.why().allReferences().stream().map(Object::toString).toList());
        }
        penalties(workspace, known, on, byParty);
        lapsing(version, on, byParty);
        Map<Party, List<Item>> result = new LinkedHashMap<>();
        for (Party party : version.parties()) result.put(party, List.copyOf(byParty.getOrDefault(party.shortName(), List.of())));
        return new Result(on, version, result, withPayments);
    }

    private static void add(Map<String, List<Item>> byParty, String party, String text, List<String> citations) {
        byParty.computeIfAbsent(party, k -> new ArrayList<>()).add(new Item(text, List.copyOf(new LinkedHashSet<>(citations))));
    }

    private static void payments(SettlementResult result, Facts known, LocalDate on, Map<String, List<Item>> byParty) {
        for (Statement statement : result.statements()) {
            if (statement.kind() == dev.treaty.model.term.TermKind.PENALTY) continue;     // penalties are listed with their delay
            Money dueByNow = null;
            List<String> upcoming = new ArrayList<>();
            for (StatementLine line : statement.lines()) {
                for (StatementLine.Instalment instalment : line.instalments()) {
                    if (!instalment.due().isAfter(on)) {
                        dueByNow = dueByNow == null ? instalment.amount() : dueByNow.plus(instalment.amount());
                    } else if (!instalment.due().isAfter(on.plusDays(HORIZON_DAYS)) && !instalment.amount().isZero()) {
                        upcoming.add(instalment.due() + "  " + instalment.amount() + " for " + line.period()
                                + (line.periodEnd().isAfter(on) ? " (period to date)" : ""));
                    }
                }
            }
            List<Fact.Payment> payments = known.of(Fact.Payment.class, on, p -> p.payer().equals(statement.payer())
                    && p.payee().equals(statement.payee()));
            Money paid = null;
            for (Fact.Payment payment : payments) paid = paid == null ? payment.amount() : paid.plus(payment.amount());
            if (dueByNow != null) {
                Money outstanding = paid == null ? dueByNow : dueByNow.minus(paid);
                List<String> citations = new ArrayList<>();
                statement.lines().forEach(l -> citations.add(Explanation.Reference.clause(l.version()).toString()));
                payments.forEach(p -> citations.add(Explanation.Reference.fact(p).toString()));
                add(byParty, statement.payer(), "pay " + statement.payee() + " (" + statement.term() + "): " + dueByNow + " fell due by "
                        + on + ", " + (paid == null ? "no payments recorded" : paid + " paid") + ", outstanding " + outstanding, citations);
            }
            if (!upcoming.isEmpty()) {
                add(byParty, statement.payer(), "upcoming payments to " + statement.payee() + " (" + statement.term() + "), next "
                        + HORIZON_DAYS + " days:", List.of());
                upcoming.stream().sorted().forEach(u -> add(byParty, statement.payer(), "    " + u, List.of()));
            }
        }
    }

    /**
     * Penalties for delay: while a delay runs, what has accrued and how it ends; once over, what is
     * owed and when; and the payee's right to terminate once the delay has passed its threshold.
     */
    private static void penalties(Workspace workspace, Facts known, LocalDate on, Map<String, List<Item>> byParty) {
        var schedule = dev.treaty.evaluator.settle.SettlementPlan.schedule(workspace.agreement());
        for (String name : dev.treaty.evaluator.settle.Penalties.names(schedule)) {
            var counted = dev.treaty.evaluator.settle.Penalties.count(name, schedule, known, on);
            if (counted.isEmpty()) continue;
            var delay = counted.get();
            var penalty = delay.penalty();
            if (delay.counted() + delay.suspended() == 0) continue;           // on time so far
            List<String> citations = delay.why().allReferences().stream().map(Object::toString).toList();
            String days = delay.counted() + " days of delay from " + delay.firstDay()
                    + (delay.suspended() == 0 ? "" : " (" + delay.suspended() + " more suspended)");
            if (delay.ended().isEmpty()) {
                add(byParty, penalty.payer(), "late (" + name + "): " + days + ", " + delay.owed() + " accrued at " + penalty.perDay()
                        + " a day" + penalty.capAmount().map(c -> ", at most " + c).orElse("") + "; owed when "
                        + penalty.validity().until().map(Object::toString).orElse("the delay ends") + ", due " + penalty.dueDays() + " days after "
                        + penalty.dueAfter().map(e -> e + " declared").orElse("that"), citations);
            } else if (delay.due().isPresent()) {
                add(byParty, penalty.payer(), "pay " + penalty.payee() + " (" + name + "): " + delay.owed() + " for " + days
                        + (delay.due().get().isAfter(on) ? ", due " : ", fell due ") + delay.due().get(), citations);
            }
            if (delay.terminableFrom().isPresent() && delay.ended().isEmpty()) {
                add(byParty, penalty.payee(), "may terminate (" + name + "): the delay passed "
                        + dev.treaty.model.value.Durations.format(penalty.termination().orElseThrow()) + " on " + delay.terminableFrom().get()
                        + " (" + delay.counted() + " days counted)", citations);
            }
        }
    }

    /** Requests awaiting the provider's answer, with the deadline of the first-ship rule in force (never before the rule existed). */
    private static void capabilityRequests(AgreementHistory.AsKnown agreement, ConsolidatedAgreement version, Facts known,
                                           LocalDate on, Map<String, List<Item>> byParty) {
        for (Fact.CapabilityRequest request : known.of(Fact.CapabilityRequest.class, on, r -> true)) {
            boolean answered = !known.of(Fact.CapabilityResponse.class, on, r -> r.request().equals(request.id())).isEmpty();
            if (answered) continue;
            Optional<TermInForce> rule = version.terms().stream().filter(t -> t.term() instanceof FirstShip f
                    && f.provider().equals(request.to()) && f.response().isPresent()).findFirst();
            String deadline = rule.map(t -> {
                FirstShip first = (FirstShip) t.term();
                LocalDate end = ReleaseGate.responseDeadline(request.on(), first.response().get(), agreement.inForceSince(t, on));
                String silence = first.response().get().onSilence().name().toLowerCase(Locale.ROOT);
                return end.isBefore(on) ? "deadline " + end + " passed: silence counts as " + silence
                        : "answer by " + end + ", else it counts as " + silence;
            }).orElse("no response window in force");
            List<String> citations = new ArrayList<>(List.of(Explanation.Reference.fact(request).toString()));
            rule.ifPresent(t -> citations.add(Explanation.Reference.clause(t).toString()));
            add(byParty, request.to(), "answer capability request " + request.id() + " (" + request.product() + ": "
                    + String.join(", ", request.capabilities()) + ", made " + request.on() + "): " + deadline, citations);
        }
    }

    private static void offers(AgreementHistory.AsKnown agreement, Facts known, LocalDate on, Map<String, List<Item>> byParty) {
        for (FirstRefusal.OpenOffer open : FirstRefusal.openOffers(agreement, known, on)) {
            Fact.Offer offer = open.offer();
            String silence = FirstRefusal.silenceMeans(open.onSilence());
            add(byParty, offer.to(), "answer offer " + offer.id() + " (" + offer.subject() + offer.provider().map(p -> " from " + p)
                            .orElse("") + ", made " + offer.on() + ") under the right of first refusal: "
                            + (open.deadline().isBefore(on) ? "deadline " + open.deadline() + " passed: silence counts as " + silence
                            : "answer by " + open.deadline() + ", else it counts as " + silence),
                    List.of(Explanation.Reference.fact(offer).toString(), Explanation.Reference.clause(open.right()).toString()));
        }
    }

    private static void lapsing(ConsolidatedAgreement version, LocalDate on, Map<String, List<Item>> byParty) {
        for (TermInForce inForce : version.terms()) {
            Term term = inForce.term();
            Optional<LocalDate> through = term.validity().window().through();
            if (through.isEmpty() || through.get().isBefore(on) || through.get().isAfter(on.plusDays(HORIZON_DAYS))) continue;
            for (String party : new LinkedHashSet<>(term.parties().values())) {
                add(byParty, party, "lapses " + through.get() + ": " + term.header().label() + " (clause "
                        + inForce.clause().clause().id() + ")", List.of(Explanation.Reference.clause(inForce).toString()));
            }
        }
    }
}
