package dev.treaty.cli;

import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.Party;
import dev.treaty.model.term.FirstShip;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code treaty obligations}: what each party must do, and what lapses soon. */
@Command(name = "obligations", description = "For each party on a date: payments outstanding and upcoming, capability"
        + " requests awaiting its answer (with the deadline and what silence means), commitments, and rights that lapse within a year.")
final class ObligationsCommand implements Callable<Integer> {

    /** Upcoming payments are listed this far ahead. */
    private static final int UPCOMING_DAYS = 365;

    @Spec
    CommandSpec spec;

    @Mixin
    AgreementOptions options;

    @Mixin
    FactsOptions facts;

    @Option(names = "--on", required = true, paramLabel = "DATE", description = "The day.")
    LocalDate on;

    @Option(names = "--revenue", arity = "1..*", paramLabel = "FILE", description = "Revenue lines, for the payments due.")
    List<Path> revenue = new ArrayList<>();

    @Override
    public Integer call() {
        Evaluation evaluation = Evaluation.open(spec, options, facts);
        PrintWriter out = evaluation.out();
        Facts known = evaluation.facts();
        ConsolidatedAgreement version = evaluation.versionOn(on);
        Optional<SettlementResult> settlement = Optional.empty();
        if (!revenue.isEmpty() || facts.store != null) {
            SettlementPlan plan = SettlementPlan.of(Schedules.history(evaluation.history(), facts.knownAtDate()), known, on, Optional.empty());
            if (!revenue.isEmpty()) facts.revenue(revenue, plan, evaluation.err());
            if (facts.store != null) facts.storedRevenue(plan);
            settlement = Optional.of(Settlement.compute(plan, evaluation.loaded().assumptions(), Optional.empty()));
        }
        Map<String, List<String>> byParty = new LinkedHashMap<>();
        citations.clear();
        version.parties().forEach(p -> byParty.put(p.shortName(), new ArrayList<>()));
        settlement.ifPresent(result -> payments(result, known, byParty));
        capabilityRequests(version, known, byParty);
        for (Holdings.CommitmentPosition p : Holdings.commitments(version, known, on)) {
            String item = "commitment: buy " + p.remaining() + " more of " + p.provider() + "'s services"
                    + p.windowEnd().map(end -> " by " + end + " (" + p.daysLeft() + " days)").orElse("");
            byParty.computeIfAbsent(p.purchaser(), k -> new ArrayList<>()).add(item);
            p.why().allReferences().forEach(r -> cite(item, r.toString()));
        }
        lapsing(version, byParty);

        out.println("Obligations on " + on + " under " + version.agreementId() + " (the version " + version.inForce() + ")");
        for (Party party : version.parties()) {
            out.println();
            out.println(party);
            List<String> items = byParty.getOrDefault(party.shortName(), List.of());
            if (items.isEmpty()) out.println("  nothing due, pending or lapsing");
            for (String item : items) {
                out.println("  " + item);
                if (facts.explain) citations.getOrDefault(item, List.of()).forEach(c -> out.println("      · " + c));
            }
        }
        if (revenue.isEmpty() && facts.store == null) out.println("\n(payments are listed when --revenue is given)");
        out.flush();
        return ExitCodes.OK;
    }

    /** What each item rests on, printed under it with --explain. */
    private final Map<String, List<String>> citations = new LinkedHashMap<>();

    private void cite(String item, String citation) {
        citations.computeIfAbsent(item, k -> new ArrayList<>()).add(citation);
    }

    private void payments(SettlementResult result, Facts known, Map<String, List<String>> byParty) {
        for (Statement statement : result.statements()) {
            Money dueByNow = null;
            List<String> upcoming = new ArrayList<>();
            for (StatementLine line : statement.lines()) {
                for (StatementLine.Instalment instalment : line.instalments()) {
                    if (!instalment.due().isAfter(on)) {
                        dueByNow = dueByNow == null ? instalment.amount() : dueByNow.plus(instalment.amount());
                    } else if (!instalment.due().isAfter(on.plusDays(UPCOMING_DAYS)) && !instalment.amount().isZero()) {
                        upcoming.add(instalment.due() + "  " + instalment.amount() + " for " + line.period()
                                + (line.periodEnd().isAfter(on) ? " (period to date)" : ""));
                    }
                }
            }
            Money paid = null;
            for (Fact.Payment payment : known.of(Fact.Payment.class, on, p -> p.payer().equals(statement.payer())
                    && p.payee().equals(statement.payee()))) {
                paid = paid == null ? payment.amount() : paid.plus(payment.amount());
            }
            List<String> items = byParty.computeIfAbsent(statement.payer(), k -> new ArrayList<>());
            if (dueByNow != null) {
                Money outstanding = paid == null ? dueByNow : dueByNow.minus(paid);
                String item = "pay " + statement.payee() + " (" + statement.term() + "): " + dueByNow + " fell due by " + on
                        + ", " + (paid == null ? "no payments recorded" : paid + " paid") + ", outstanding " + outstanding;
                items.add(item);
                statement.lines().stream().map(l -> dev.treaty.evaluator.explain.Explanation.Reference.clause(l.version()).toString())
                        .distinct().forEach(c -> cite(item, c));
                known.of(Fact.Payment.class, on, p -> p.payer().equals(statement.payer()) && p.payee().equals(statement.payee()))
                        .forEach(p -> cite(item, dev.treaty.evaluator.explain.Explanation.Reference.fact(p).toString()));
            }
            if (!upcoming.isEmpty()) {
                items.add("upcoming payments to " + statement.payee() + " (" + statement.term() + "), next " + UPCOMING_DAYS + " days:");
                upcoming.stream().sorted().forEach(u -> items.add("    " + u));
            }
        }
    }

    private void capabilityRequests(ConsolidatedAgreement version, Facts known, Map<String, List<String>> byParty) {
        List<FirstShip> rules = version.termsOf(FirstShip.class);
        for (Fact.CapabilityRequest request : known.of(Fact.CapabilityRequest.class, on, r -> true)) {
            boolean answered = !known.of(Fact.CapabilityResponse.class, on, r -> r.request().equals(request.id())).isEmpty();
            if (answered) continue;
            Optional<FirstShip> rule = rules.stream().filter(r -> r.provider().equals(request.to()) && r.response().isPresent()).findFirst();
            String deadline = rule.map(r -> {
                LocalDate end = request.on().plus(r.response().get().within());
                return end.isBefore(on) ? "deadline " + end + " passed: silence counts as "
                        + r.response().get().onSilence().name().toLowerCase(java.util.Locale.ROOT)
                        : "answer by " + end + ", else it counts as " + r.response().get().onSilence().name().toLowerCase(java.util.Locale.ROOT);
            }).orElse("no response window in force");
            String item = "answer capability request " + request.id() + " (" + request.product() + ": "
                    + String.join(", ", request.capabilities()) + ", made " + request.on() + "): " + deadline;
            byParty.computeIfAbsent(request.to(), k -> new ArrayList<>()).add(item);
            cite(item, dev.treaty.evaluator.explain.Explanation.Reference.fact(request).toString());
            version.terms().stream().filter(t -> t.term() instanceof FirstShip f && f.provider().equals(request.to()))
                    .forEach(t -> cite(item, dev.treaty.evaluator.explain.Explanation.Reference.clause(t).toString()));
        }
    }

    private void lapsing(ConsolidatedAgreement version, Map<String, List<String>> byParty) {
        for (TermInForce inForce : version.terms()) {
            Term term = inForce.term();
            Optional<LocalDate> through = term.validity().window().through();
            if (through.isEmpty() || through.get().isBefore(on) || through.get().isAfter(on.plusYears(1))) continue;
            for (String party : new java.util.LinkedHashSet<>(term.parties().values())) {
                String item = "lapses " + through.get() + ": " + term.header().label() + " (clause " + inForce.clause().clause().id() + ")";
                byParty.computeIfAbsent(party, k -> new ArrayList<>()).add(item);
                cite(item, dev.treaty.evaluator.explain.Explanation.Reference.clause(inForce).toString());
            }
        }
    }
}
