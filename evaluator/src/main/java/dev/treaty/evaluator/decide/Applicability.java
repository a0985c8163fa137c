package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.term.Condition;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.Validity;
import dev.treaty.model.time.TermInForce;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a term applies on a day: inside its window, not past an {@code until} that holds, not
 * under an {@code unless} that holds, past an {@code after} that holds, and under an {@code if}
 * that holds. A condition on an event holds from the day of the declaration or verification that
 * satisfies it; a yes/no assumption holds or not on every day.
 */
public final class Applicability {

    /** Whether something holds, and why. */
    public record Result(boolean holds, Explanation why) {
    }

    /** A silent decision's results: shared, since they say no more than yes or no. */
    private static final Result HOLDS_SILENTLY = new Result(true, Explanation.NONE);
    private static final Result FAILS_SILENTLY = new Result(false, Explanation.NONE);

    private Applicability() {
    }

    public static Result of(TermInForce term, Map<String, EventDefinition> events, Facts facts, LocalDate date) {
        return of(term, events, facts, date, Explainer.FULL);
    }

    public static Result of(TermInForce term, Map<String, EventDefinition> events, Facts facts, LocalDate date, Explainer ex) {
        Validity validity = term.term().validity();
        var window = validity.window();
        if (!window.contains(date)) {
            // the words only when explaining: a silent decision passes lapsed terms by the million
            return result(false, ex.of(() -> window.from().filter(date::isBefore).isPresent()
                    ? term.term().header().label() + " has not started on " + date + " (from " + window.from().get() + ")"
                    : term.term().header().label() + " has lapsed on " + date + " (through " + window.through().orElseThrow() + ")")
                    .cite(() -> Explanation.Reference.clause(term)));
        }
        Explanation why = ex.of(() -> term.term().header().label() + " applies on " + date
                + (window.isAlways() ? "" : " (" + window + ")")).cite(() -> Explanation.Reference.clause(term));
        if (validity.until().isPresent()) {
            Result until = holds(validity.until().get(), events, facts, date, ex);
            if (until.holds()) return new Result(false, ex.of(() -> term.term().header().label() + " has ended: until "
                    + validity.until().get()).cite(() -> Explanation.Reference.clause(term)).because(until.why()));
            why = why.because(until.why());
        }
        if (validity.unless().isPresent() && !mentionsProviderDeclines(validity.unless().get())) {
            Result unless = holds(validity.unless().get(), events, facts, date, ex);
            if (unless.holds()) return new Result(false, ex.of(() -> term.term().header().label() + " does not apply: unless "
                    + validity.unless().get()).cite(() -> Explanation.Reference.clause(term)).because(unless.why()));
            why = why.because(unless.why());
        }
        if (validity.after().isPresent()) {
            Result after = holds(validity.after().get(), events, facts, date, ex);
            if (!after.holds()) return new Result(false, ex.of(() -> term.term().header().label() + " has not begun: after "
                    + validity.after().get()).cite(() -> Explanation.Reference.clause(term)).because(after.why()));
            why = why.because(after.why());
        }
        if (validity.onlyIf().isPresent()) {
            Result onlyIf = holds(validity.onlyIf().get(), events, facts, date, ex);
            if (!onlyIf.holds()) return new Result(false, ex.of(() -> term.term().header().label() + " does not apply: if "
                    + validity.onlyIf().get()).cite(() -> Explanation.Reference.clause(term)).because(onlyIf.why()));
            why = why.because(onlyIf.why());
        }
        return result(true, why);
    }

    /** Whether the provider's declining is one of the condition's atoms. Asked per rule per decision: no visitor, no allocation. */
    static boolean mentionsProviderDeclines(Condition condition) {
        if (condition instanceof Condition.ProviderDeclines) return true;
        if (condition instanceof Condition.Not not) return mentionsProviderDeclines(not.operand());
        if (condition instanceof Condition.And and) return mentionsProviderDeclines(and.left()) || mentionsProviderDeclines(and.right());
        if (condition instanceof Condition.Or or) return mentionsProviderDeclines(or.left()) || mentionsProviderDeclines(or.right());
        return false;
    }

    /** Whether a condition on events holds on {@code date}. */
    public static Result holds(Condition condition, Map<String, EventDefinition> events, Facts facts, LocalDate date) {
        return holds(condition, events, facts, date, Explainer.FULL);
    }

    public static Result holds(Condition condition, Map<String, EventDefinition> events, Facts facts, LocalDate date, Explainer ex) {
        // instanceof tests rather than a pattern switch: every rule of every gate asks this, and the
        // switch's type dispatch cost more than the conditions themselves
        if (condition instanceof Condition.Declared declared) {
            return happened(condition, declared.event(), declared.by()
                            .or(() -> Optional.ofNullable(events.get(declared.event())).flatMap(EventDefinition::declaredBy)),
                    facts.of(Fact.Declaration.class, date, d -> d.event().equals(declared.event()) && d.inEffectOn(date)), Fact.Declaration::by,
                    "declaration", "declared", date, ex);
        }
        if (condition instanceof Condition.Verified verified) {
            return happened(condition, verified.event(), verified.by()
                            .or(() -> Optional.ofNullable(events.get(verified.event())).flatMap(EventDefinition::verifiedBy)),
                    facts.of(Fact.Verification.class, date, v -> v.event().equals(verified.event())), Fact.Verification::by,
                    "verification", "verified", date, ex);
        }
        if (condition instanceof Condition.Assumed assumed) {
            return result(assumed.value(), ex.of(() -> "$" + assumed.name() + ": " + (assumed.value() ? "yes" : "no")
                    + " (the assumption's reading of the record)"));
        }
        if (condition instanceof Condition.Not not) {
            Result operand = holds(not.operand(), events, facts, date, ex);
            return result(!operand.holds(), ex.of(() -> condition + ": " + (operand.holds() ? "no" : "yes")).because(operand.why()));
        }
        if (condition instanceof Condition.And and) {
            Result left = holds(and.left(), events, facts, date, ex);
            Result right = holds(and.right(), events, facts, date, ex);
            boolean both = left.holds() && right.holds();
            return result(both, ex.of(() -> condition + ": " + (both ? "yes" : "no")).because(left.why()).because(right.why()));
        }
        if (condition instanceof Condition.Or or) {
            Result left = holds(or.left(), events, facts, date, ex);
            Result right = holds(or.right(), events, facts, date, ex);
            boolean either = left.holds() || right.holds();
            return result(either, ex.of(() -> condition + ": " + (either ? "yes" : "no")).because(left.why()).because(right.why()));
        }
        throw new IllegalStateException("the first-ship exception (" + condition + ") is decided by the release gate");
    }

    /** A result; a silent one (no explanation) is one of two shared ones. */
    private static Result result(boolean holds, Explanation why) {
        if (why != Explanation.NONE) return new Result(holds, why);
        return holds ? HOLDS_SILENTLY : FAILS_SILENTLY;
    }

    /**
     * Whether an event was declared (or verified) by {@code date}, by the party the condition or the
     * event's definition names if any: one rule for both kinds of fact.
     *
     * @param found the facts of that kind about the event, on or before {@code date}
     */
    private static <F extends Fact> Result happened(Condition condition, String event, Optional<String> by, List<F> found,
                                                    java.util.function.Function<F, String> madeBy, String noun, String verb,
                                                    LocalDate date, Explainer ex) {
        F first = null;
        for (F fact : found) {
            if (by.isEmpty() || by.get().equals(madeBy.apply(fact))) {
                first = fact;
                break;
            }
        }
        if (first == null) {
            return result(false, ex.of(() -> condition + ": no — no " + noun + " of " + event + by.map(b -> " by " + b).orElse("")
                    + " on or before " + date));
        }
        F made = first;
        return result(true, ex.of(() -> condition + ": yes — " + verb + " on " + made.on()
                + (made instanceof Fact.Declaration d && d.through().isPresent() ? " through " + d.through().get() : ""))
                .cite(() -> Explanation.Reference.fact(made)));
    }
}
