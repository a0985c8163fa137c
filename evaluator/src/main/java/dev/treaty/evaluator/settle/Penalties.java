package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.decide.Applicability;
import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.Assumption;
import dev.treaty.model.term.Penalty;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Penalties for late performance, counted day by day: each day after the deadline is a day of
 * delay unless the term's {@code until} holds (performance declared: the delay is over) or its
 * {@code unless} holds (force majeure in effect: the day is suspended). Each counted day owes the
 * per-day rate of the version in force that day; the cap cuts the total. The amount is owed once
 * the delay is over, due some days after that or after the event the term names.
 */
public final class Penalties {

    private Penalties() {
    }

    /**
     * A delay as counted through a day.
     *
     * @param term            the penalty in force on the last day looked at
     * @param lastDay         the last day of delay (the day before it ended, or the day counted through)
     * @param ended           the day the delay ended (its {@code until} first held), if it has
     * @param counted         days of delay that owe the rate
     * @param suspended       days of delay suspended by the term's {@code unless}
     * @param gross           the rate times the counted days, before the cap
     * @param cut             what the cap takes off
     * @param terminableFrom  the first day the payee may terminate (the counted delay passed the threshold)
     * @param due             when the amount falls due, once known
     */
    public record Delay(TermInForce term, LocalDate firstDay, LocalDate lastDay, Optional<LocalDate> ended, long counted, long suspended,
                        Money gross, Money cut, Optional<LocalDate> terminableFrom, Optional<LocalDate> due, Explanation why) {

        public Penalty penalty() {
            return (Penalty) term.term();
        }

        public Money owed() {
            return gross.minus(cut);
        }
    }

    /** The names of the penalties in the schedule, in the order they first appear. */
    public static List<String> names(List<SettlementPlan.VersionSpan> schedule) {
        Set<String> names = new LinkedHashSet<>();
        for (SettlementPlan.VersionSpan span : schedule) {
            for (TermInForce term : span.version().terms()) {
                if (term.term() instanceof Penalty) names.add(term.term().name());
            }
        }
        return List.copyOf(names);
    }

    /** Every penalty whose delay is over by the plan's last day, as a statement of one line (none while it runs, or if on time). */
    static List<Statement> statements(SettlementPlan plan, Map<String, Assumption> assumptions, Optional<LocalDate> reportFrom) {
        List<Statement> statements = new ArrayList<>();
        for (String name : names(plan.schedule)) {
            if (plan.only.isPresent() && !plan.only.get().equals(name)) continue;
            Optional<Delay> counted = count(name, plan.schedule, plan.facts, plan.through);
            if (counted.isEmpty()) continue;
            Delay delay = counted.get();
            Penalty penalty = delay.penalty();
            List<StatementLine> lines = new ArrayList<>();
            Money zero = Money.zero(penalty.currency()).rounded(penalty.rounding().scale(), penalty.rounding().mode());
            boolean owed = delay.ended().isPresent() && delay.due().isPresent() && delay.counted() + delay.suspended() > 0;
            if (owed && reportFrom.map(f -> !delay.lastDay().isBefore(f)).orElse(true)) {
                Money due = delay.owed();
                lines.add(new StatementLine(name, penalty.payer(), penalty.payee(), "delay", delay.lastDay(), delay.firstDay(), delay.lastDay(),
                        delay.term(), zero, 0, penalty.perDay() + " per day × " + delay.counted() + " days"
                        + (delay.suspended() == 0 ? "" : " (" + delay.suspended() + " suspended)"), delay.gross(), zero, zero, delay.cut(),
                        due, delay.due().get(), List.of(new StatementLine.Instalment(delay.due().get(), due)), due,
                        penalty.capAmount().map(cap -> cap.minus(due)), delay.why().cite(Explanation.Reference.assumptions(delay.term(), assumptions))));
            }
            Money totalDue = lines.isEmpty() ? zero : lines.get(0).due();
            Money totalGross = lines.isEmpty() ? zero : lines.get(0).gross();
            statements.add(new Statement(name, penalty.payer(), penalty.payee(), List.copyOf(lines), zero, totalGross, totalDue,
                    dev.treaty.model.term.TermKind.PENALTY));
        }
        return statements;
    }

    /**
     * Counts the delay of the penalty {@code name} day by day through {@code through}; empty when
     * the penalty is not in force on any day after its deadline by then.
     */
    public static Optional<Delay> count(String name, List<SettlementPlan.VersionSpan> schedule, Facts facts, LocalDate through) {
        TermInForce last = null;
        LocalDate firstDay = null;
        LocalDate lastDay = null;
        LocalDate ended = null;
        long counted = 0;
        long suspended = 0;
        Money gross = null;
        LocalDate terminableFrom = null;
        List<Explanation> steps = new ArrayList<>();
        List<String> suspensions = new ArrayList<>();
        List<Explanation> suspendedBecause = new ArrayList<>();
        LocalDate suspendedFrom = null;
        LocalDate start = earliestDeadline(name, schedule);
        if (start == null) return Optional.empty();
        for (LocalDate day = start.plusDays(1); !day.isAfter(through); day = day.plusDays(1)) {
            Optional<SettlementPlan.VersionSpan> span = spanOn(schedule, day);
            if (span.isEmpty()) continue;
            TermInForce term = span.get().version().terms().stream().filter(t -> t.term() instanceof Penalty && t.term().name().equals(name))
                    .findFirst().orElse(null);
            if (term == null) continue;
            Penalty penalty = (Penalty) term.term();
            if (!day.isAfter(penalty.deadline())) continue;
            var events = span.get().version().events();
            var validity = penalty.validity();
            if (validity.until().isPresent()) {
                Applicability.Result until = Applicability.holds(validity.until().get(), events, facts, day);
                if (until.holds()) {
                    ended = day;
                    last = last == null ? term : last;
                    steps.add(Explanation.of("the delay ended on " + day + ": until " + validity.until().get()).because(until.why()));
                    break;
                }
            }
            if (!validity.window().contains(day)) continue;
            if (firstDay == null) firstDay = day;
            last = term;
            lastDay = day;
            if (gross == null) gross = Money.zero(penalty.currency()).rounded(penalty.rounding().scale(), penalty.rounding().mode());
            if (validity.unless().isPresent() && Applicability.holds(validity.unless().get(), events, facts, day, Explainer.SILENT).holds()) {
                if (suspendedFrom == null) {
                    suspendedFrom = day;
                    suspendedBecause.add(Applicability.holds(validity.unless().get(), events, facts, day).why());
                }
                suspended++;
                continue;
            }
            if (!Applicability.of(term, events, facts, day, Explainer.SILENT).holds()) continue;     // an 'after' or 'if' that does not hold
            if (suspendedFrom != null) {
                suspensions.add(suspendedFrom + " to " + day.minusDays(1));
                suspendedFrom = null;
            }
            counted++;
            gross = gross.plus(penalty.perDay());
            if (terminableFrom == null && penalty.termination().isPresent()) {
                long threshold = ChronoUnit.DAYS.between(penalty.deadline(), penalty.deadline().plus(penalty.termination().get()));
                if (counted > threshold) terminableFrom = day;
            }
        }
        if (suspendedFrom != null) suspensions.add(suspendedFrom + " to " + lastDay);
        if (last == null) return Optional.empty();
        Penalty penalty = (Penalty) last.term();
        Money zero = Money.zero(penalty.currency()).rounded(penalty.rounding().scale(), penalty.rounding().mode());
        if (gross == null) gross = zero;
        if (firstDay == null) {
            // performed on time: the delay ended on the first day after the deadline
            firstDay = penalty.deadline().plusDays(1);
            lastDay = penalty.deadline();
        }
        Money cut = zero;
        Optional<Money> cap = penalty.capAmount().map(c -> c.rounded(penalty.rounding().scale(), penalty.rounding().mode()));
        if (cap.isPresent() && gross.compareTo(cap.get()) > 0) cut = gross.minus(cap.get());
        Optional<LocalDate> due = Optional.empty();
        if (ended != null) {
            if (penalty.dueAfter().isPresent()) {
                String event = penalty.dueAfter().get();
                due = facts.of(Fact.Declaration.class, through, d -> d.event().equals(event)).stream().map(Fact::on).min(LocalDate::compareTo)
                        .map(d -> d.plusDays(penalty.dueDays()));
            } else {
                due = Optional.of(ended.plusDays(penalty.dueDays()));
            }
        }
        List<Explanation> why = new ArrayList<>();
        why.add(Explanation.of("deadline " + penalty.deadline() + ": the delay counts from " + penalty.deadline().plusDays(1)));
        if (!suspensions.isEmpty()) {
            why.add(Explanation.of(suspended + " days suspended (" + String.join(", ", suspensions) + "): unless "
                    + penalty.validity().unless().map(Object::toString).orElse("the term's conditions")).because(suspendedBecause));
        }
        why.addAll(steps);
        why.add(Explanation.of("gross: " + penalty.perDay() + " per day × " + counted + " days = " + gross));
        if (cap.isPresent()) {
            why.add(Explanation.of("cap " + cap.get() + penalty.capShare().map(s -> " (" + s + " of the price " + penalty.price().orElseThrow() + ")").orElse("")
                    + (cut.isZero() ? ": not reached" : ": cut " + cut)));
        }
        if (penalty.termination().isPresent()) {
            why.add(Explanation.of("termination after " + dev.treaty.model.value.Durations.format(penalty.termination().get())
                    + " of delay: " + (terminableFrom == null ? "not reached" : "open to " + penalty.payee() + " from " + terminableFrom)));
        }
        final LocalDate endedDay = ended;
        why.add(Explanation.of(due.map(d -> "due " + d + " (" + penalty.dueDays() + " days after "
                        + penalty.dueAfter().map(e -> e + " declared").orElse("the delay ended") + ")")
                .orElse(endedDay == null ? "the delay is still running on " + through + ": nothing is due yet"
                        : "not yet due: " + penalty.dueAfter().orElse("") + " is not declared by " + through)));
        Money owed = gross.minus(cut);
        long days = counted;
        Explanation explanation = Explanation.of(penalty.payer() + " owes " + penalty.payee() + " " + owed + " for " + days + " days of delay under "
                + penalty.header().label()).cite(Explanation.Reference.clause(last)).because(why);
        return Optional.of(new Delay(last, firstDay, lastDay, Optional.ofNullable(ended), counted, suspended, gross, cut,
                Optional.ofNullable(terminableFrom), due, explanation));
    }

    private static LocalDate earliestDeadline(String name, List<SettlementPlan.VersionSpan> schedule) {
        LocalDate earliest = null;
        for (SettlementPlan.VersionSpan span : schedule) {
            for (TermInForce term : span.version().terms()) {
                if (term.term() instanceof Penalty p && p.name().equals(name) && (earliest == null || p.deadline().isBefore(earliest))) {
                    earliest = p.deadline();
                }
            }
        }
        return earliest;
    }

    private static Optional<SettlementPlan.VersionSpan> spanOn(List<SettlementPlan.VersionSpan> schedule, LocalDate day) {
        return schedule.stream().filter(s -> s.window().contains(day)).findFirst();
    }
}
