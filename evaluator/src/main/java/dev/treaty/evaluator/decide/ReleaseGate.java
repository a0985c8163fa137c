package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.term.CloudExclusivity;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.FirstShip;
import dev.treaty.model.term.ReleasePermission;
import dev.treaty.model.term.ResponseWindow;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * May a product be released on a cloud, for a customer segment, on a date? Decided by the release
 * rules in force (cloud exclusivities, first-ship rules, release permissions) over the facts:
 * the product's owner and kind, its releases, and the capability requests and answers.
 */
public final class ReleaseGate {

    /** The question. */
    public record Question(String product, String cloud, Optional<String> segment, LocalDate on) {
    }

    private record RuleOutcome(TermInForce rule, boolean denies, boolean allows, Explanation why) {
    }

    private ReleaseGate() {
    }

    /**
     * @throws IllegalArgumentException when no product event names the product (the caller reports bad input)
     */
    public static Decision decide(ConsolidatedAgreement version, Facts facts, Question question) {
        return decide(version, facts, question, Explainer.FULL);
    }

    /** Decides, writing the explanation only when {@code ex} explains. */
    public static Decision decide(ConsolidatedAgreement version, Facts facts, Question question, Explainer ex) {
        Fact.Product product = facts.product(question.product(), question.on())
                .orElseThrow(() -> new IllegalArgumentException("no product event names '" + question.product()
                        + "' on or before " + question.on()));
        Map<String, EventDefinition> events = version.events();
        Function<String, String> fields = field -> switch (field) {
            case "product" -> product.name();
            case "kind" -> product.kind();
            case "cloud" -> question.cloud();
            case "segment" -> question.segment().orElse(null);
            default -> null;
        };
        String subject = !ex.isExplaining() ? "" : product.name() + " (" + product.kind() + ", " + product.owner() + ") on "
                + question.cloud() + question.segment().map(s -> " for " + s).orElse("") + " on " + question.on();
        Explanation facts0 = ex.of(() -> "product " + product.name() + ": kind " + product.kind() + ", owner "
                + product.owner()).cite(Explanation.Reference.fact(product));

        List<RuleOutcome> outcomes = new ArrayList<>();
        List<Explanation> considered = new ArrayList<>();
        for (TermInForce inForce : version.terms()) {
            Term term = inForce.term();
            if (!term.kind().isReleaseRule()) continue;
            String owner = owner(term);
            if (!owner.equals(product.owner())) continue;
            Applicability.Result applies = Applicability.of(inForce, events, facts, question.on(), ex);
            if (!applies.holds()) {
                considered.add(ex.of(() -> term.header().label() + ": not applied").because(applies.why()));
                continue;
            }
            RuleOutcome outcome = switch (term) {
                case CloudExclusivity rule -> exclusivity(inForce, rule, fields, question, applies.why(), ex);
                case FirstShip rule -> firstShip(inForce, rule, fields, question, facts, product, applies.why(), ex);
                case ReleasePermission rule -> permission(inForce, rule, fields, question, applies.why(), ex);
                default -> null;
            };
            if (outcome != null) outcomes.add(outcome);
        }

        List<RuleOutcome> denials = outcomes.stream().filter(RuleOutcome::denies).toList();
        List<RuleOutcome> permissions = outcomes.stream().filter(RuleOutcome::allows).toList();
        List<Explanation> steps = new ArrayList<>();
        steps.add(facts0);
        List<RuleOutcome> standing = new ArrayList<>();
        for (RuleOutcome denial : denials) {
            Optional<RuleOutcome> exception = permissions.stream().filter(p -> p.rule().term() instanceof ReleasePermission rp
                    && rp.exceptionTo().filter(denial.rule().term().name()::equals).isPresent()).findFirst();
            if (exception.isPresent()) {
                steps.add(ex.of(() -> denial.rule().term().header().label() + " would deny, but "
                        + exception.get().rule().term().header().label() + " is an exception to it and applies")
                        .because(denial.why()).because(exception.get().why()));
            } else {
                standing.add(denial);
            }
        }
        List<RuleOutcome> unrelatedPermissions = permissions.stream().filter(p -> !(p.rule().term() instanceof ReleasePermission rp
                && rp.exceptionTo().isPresent() && denials.stream().anyMatch(d -> d.rule().term().name().equals(rp.exceptionTo().get()))))
                .toList();
        if (!standing.isEmpty()) {
            Explanation why = ex.of(() -> "DENIED: " + subject);
            if (!unrelatedPermissions.isEmpty()) {
                why = why.because(ex.of(() -> "conflict: " + String.join(", ", unrelatedPermissions.stream()
                        .map(p -> p.rule().term().header().label()).toList()) + " would allow it, but is not declared an"
                        + " exception to " + standing.get(0).rule().term().header().label() + "; the denial stands"));
            }
            why = why.because(steps);
            for (RuleOutcome denial : standing) why = why.because(denial.why());
            return new Decision(false, "DENIED", why.because(considered.stream().map(c -> c).toList()));
        }
        Explanation why = ex.of(() -> "ALLOWED: " + subject).because(steps);
        for (RuleOutcome outcome : outcomes) {
            if (!outcome.denies()) why = why.because(outcome.why());
        }
        if (outcomes.stream().noneMatch(RuleOutcome::allows)) {
            why = why.because(ex.of(() -> "no release rule in force denies " + product.name() + " on " + question.cloud()
                    + (version.terms().stream().anyMatch(t -> t.term().kind().isReleaseRule()) ? "" : " (the version in force has no release rules)")));
        }
        return new Decision(true, "ALLOWED", why.because(considered));
    }

    private static String owner(Term term) {
        return switch (term) {
            case CloudExclusivity rule -> rule.owner();
            case FirstShip rule -> rule.owner();
            case ReleasePermission rule -> rule.owner();
            default -> "";
        };
    }

    private static boolean matches(Optional<Filter> products, Function<String, String> fields) {
        return products.map(f -> f.matches(fields)).orElse(true);
    }

    private static RuleOutcome exclusivity(TermInForce inForce, CloudExclusivity rule, Function<String, String> fields,
                                           ReleaseGate.Question question, Explanation applies, Explainer ex) {
        String label = rule.header().label();
        if (!matches(rule.products(), fields)) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": does not cover this product (products "
                    + rule.products().map(Object::toString).orElse("all") + ")").because(applies));
        }
        if (rule.cloud().equals(question.cloud())) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": satisfied, " + question.cloud()
                    + " is the exclusive cloud").because(applies));
        }
        if (rule.except().map(e -> e.matches(fields)).orElse(false)) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": carved out (except " + rule.except().get() + ")")
                    .because(applies));
        }
        return new RuleOutcome(inForce, true, false, ex.of(() -> label + ": " + question.product() + " may run only on "
                + rule.cloud() + " (products " + rule.products().map(Object::toString).orElse("all") + ")").because(applies));
    }

    private static RuleOutcome permission(TermInForce inForce, ReleasePermission rule, Function<String, String> fields,
                                          ReleaseGate.Question question, Explanation applies, Explainer ex) {
        String label = rule.header().label();
        boolean cloud = rule.anyCloud() || rule.clouds().contains(question.cloud());
        boolean segment = rule.segments().isEmpty() || question.segment().map(rule.segments()::contains).orElse(false);
        if (!matches(rule.products(), fields) || !cloud || !segment) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": does not cover this release ("
                    + (!matches(rule.products(), fields) ? "product" : !cloud ? "cloud" : "segment") + ")").because(applies));
        }
        return new RuleOutcome(inForce, false, true, ex.of(() -> label + ": allows " + question.product() + " on "
                + question.cloud() + (rule.segments().isEmpty() ? "" : " for " + rule.segments())).because(applies));
    }

    private static RuleOutcome firstShip(TermInForce inForce, FirstShip rule, Function<String, String> fields, Question question,
                                         Facts facts, Fact.Product product, Explanation applies, Explainer ex) {
        String label = rule.header().label();
        if (!matches(rule.products(), fields) || rule.except().map(e -> e.matches(fields)).orElse(false)) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": does not cover this release").because(applies));
        }
        if (rule.cloud().equals(question.cloud())) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": satisfied, " + question.cloud()
                    + " is the first-ship cloud").because(applies));
        }
        List<Fact.Release> first = facts.of(Fact.Release.class, question.on(),
                r -> r.product().equals(product.name()) && r.cloud().equals(rule.cloud()));
        if (!first.isEmpty()) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": satisfied, " + product.name()
                    + " shipped on " + rule.cloud() + " first, on " + first.get(0).on())
                    .cite(Explanation.Reference.fact(first.get(0))).because(applies));
        }
        Explanation notShipped = ex.of(() -> product.name() + " has not shipped on " + rule.cloud() + " on or before " + question.on());
        if (rule.validity().unless().isPresent() && Applicability.mentionsProviderDeclines(rule.validity().unless().get())) {
            CapabilityAnswer answer = capabilityAnswer(facts, product, rule, question.on(), ex);
            if (answer.declined()) {
                return new RuleOutcome(inForce, false, false, ex.of(() -> label + ": the exception applies, "
                        + rule.provider() + " declined to support the capabilities").because(notShipped).because(answer.why())
                        .because(applies));
            }
            return new RuleOutcome(inForce, true, false, ex.of(() -> label + ": " + product.name() + " must ship first on "
                    + rule.cloud()).because(notShipped).because(answer.why()).because(applies));
        }
        return new RuleOutcome(inForce, true, false, ex.of(() -> label + ": " + product.name() + " must ship first on "
                + rule.cloud()).because(notShipped).because(applies));
    }

    /** The provider's answer to the capability requests for a product, or silence past the window. */
    record CapabilityAnswer(boolean declined, Explanation why) {
    }

    static CapabilityAnswer capabilityAnswer(Facts facts, Fact.Product product, FirstShip rule, LocalDate date, Explainer ex) {
        List<Fact.CapabilityRequest> requests = facts.of(Fact.CapabilityRequest.class, date,
                r -> r.product().equals(product.name()) && r.to().equals(rule.provider()));
        if (requests.isEmpty()) {
            return new CapabilityAnswer(false, ex.of(() -> "exception (" + rule.provider() + " cannot and chooses not to support"
                    + " the capabilities): no capability request for " + product.name() + " to " + rule.provider()
                    + " on or before " + date));
        }
        Explanation why = ex.of(() -> "exception (" + rule.provider() + " declines the capabilities): considered "
                + requests.size() + " request" + (requests.size() == 1 ? "" : "s"));
        boolean declined = false;
        for (Fact.CapabilityRequest request : requests) {
            Optional<Fact.CapabilityResponse> response = facts.of(Fact.CapabilityResponse.class, date,
                    r -> r.request().equals(request.id()) && r.by().equals(rule.provider())).stream().findFirst();
            Explanation step;
            if (response.isPresent()) {
                boolean decline = response.get().answer() == Fact.Answer.DECLINE;
                declined |= decline;
                step = ex.of(() -> "request " + request.id() + " (" + String.join(", ", request.capabilities()) + ", "
                        + request.on() + "): " + rule.provider() + " answered " + (decline ? "decline" : "support") + " on "
                        + response.get().on()).cite(Explanation.Reference.fact(request)).cite(Explanation.Reference.fact(response.get()));
            } else if (rule.response().isPresent()) {
                ResponseWindow window = rule.response().get();
                LocalDate deadline = request.on().plus(window.within());
                if (date.isAfter(deadline)) {
                    boolean decline = window.onSilence() == ResponseWindow.Answer.DECLINE;
                    declined |= decline;
                    step = ex.of(() -> "request " + request.id() + " (" + request.on() + "): no answer by the deadline "
                            + deadline + "; silence counts as " + (decline ? "decline" : "support") + " (response within " + window + ")")
                            .cite(Explanation.Reference.fact(request));
                } else {
                    step = ex.of(() -> "request " + request.id() + " (" + request.on() + "): awaiting " + rule.provider()
                            + "'s answer until " + deadline + "; then silence counts as "
                            + window.onSilence().name().toLowerCase(java.util.Locale.ROOT)).cite(Explanation.Reference.fact(request));
                }
            } else {
                step = ex.of(() -> "request " + request.id() + " (" + request.on() + "): no answer, and the rule states no"
                        + " response window").cite(Explanation.Reference.fact(request));
            }
            why = why.because(step);
        }
        return new CapabilityAnswer(declined, why);
    }
}
