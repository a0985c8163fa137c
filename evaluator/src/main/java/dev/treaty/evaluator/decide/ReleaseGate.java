package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.term.CloudExclusivity;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.FirstShip;
import dev.treaty.model.term.ProductKinds;
import dev.treaty.model.term.ReleasePermission;
import dev.treaty.model.term.ResponseWindow;
import dev.treaty.model.term.Term;
import dev.treaty.model.time.AgreementHistory;
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
 * the product's owner and kind (with the kinds above it), its releases, and the capability
 * requests and answers.
 *
 * <p>Three readings hold for every agreement, not only the flagship:
 * <ul>
 *   <li>A permission lifts only the denial of the rule it is declared an exception to; any other
 *       disagreement is a conflict and the denial stands.</li>
 *   <li>A release already made stays made: a rule that took effect after the product was released
 *       on that cloud (and the release was allowed when it was made) does not deny it, unless the
 *       rule says it {@code withdraws existing releases}.</li>
 *   <li>A response window cannot close before its rule exists: it runs from the request or from the
 *       day the rule took effect, whichever is later.</li>
 * </ul>
 */
public final class ReleaseGate {

    /** How many earlier releases deep "was it allowed when it was made?" may look; each look is an earlier day. */
    static final int EARLIER_RELEASES_DEPTH_MAX = 16;

    /** The question. */
    public record Question(String product, String cloud, Optional<String> segment, LocalDate on) {
    }

    private record RuleOutcome(TermInForce rule, boolean denies, boolean allows, Explanation why) {
    }

    private ReleaseGate() {
    }

    /** Decides with its explanation. */
    public static Decision decide(AgreementHistory.AsKnown agreement, Facts facts, Question question) {
        return decide(agreement, facts, question, Explainer.FULL);
    }

    /**
     * Decides, writing the explanation only when {@code ex} explains.
     *
     * @throws UnanswerableQuestion when no product event names the product, or the agreement is not in force then
     */
    public static Decision decide(AgreementHistory.AsKnown agreement, Facts facts, Question question, Explainer ex) {
        return decide(agreement, facts, question, ex, 0);
    }

    private static Decision decide(AgreementHistory.AsKnown agreement, Facts facts, Question question, Explainer ex, int depth) {
        ConsolidatedAgreement version = agreement.versionOn(question.on()).orElseThrow(() -> new UnanswerableQuestion(
                agreement.history().id() + " is not in force on " + question.on()
                        + (agreement.knownAt().equals(LocalDate.MAX) ? "" : " as known on " + agreement.knownAt())));
        Fact.Product product = facts.product(question.product(), question.on())
                .orElseThrow(() -> new UnanswerableQuestion("no product event names '" + question.product()
                        + "' on or before " + question.on()));
        if (!version.clouds().contains(question.cloud())) knownCloud(agreement, facts, question);
        if (version.party(product.owner()).isEmpty()) {
            throw new UnanswerableQuestion("product " + product.name() + " is owned by '" + product.owner() + "', who is not a party to "
                    + version.agreementId() + " on " + question.on() + " (product event at " + product.meta().source() + ")");
        }
        Map<String, EventDefinition> events = version.events();
        ProductKinds kinds = version.kinds();
        Function<String, String> fields = field -> switch (field) {
            case "product" -> product.name();
            case "kind" -> product.kind();
            case "cloud" -> question.cloud();
            case "segment" -> question.segment().orElse(null);
            default -> null;
        };
        String subject = !ex.isExplaining() ? "" : product.name() + " (" + product.kind() + ", " + product.owner() + ") on "
                + question.cloud() + question.segment().map(s -> " for " + s).orElse("") + " on " + question.on();
        Explanation facts0 = ex.of(() -> "product " + product.name() + ": kind " + kinds.describe(product.kind()) + ", owner "
                + product.owner()).cite(() -> Explanation.Reference.fact(product));

        List<RuleOutcome> outcomes = new ArrayList<>(4);
        List<Explanation> considered = List.of();           // made only when explaining
        for (TermInForce inForce : version.terms()) {
            Term term = inForce.term();
            // the three release rules by type: cheaper than asking each term its kind through its header
            if (!owner(term).equals(product.owner())) continue;
            Applicability.Result applies = Applicability.of(inForce, events, facts, question.on(), ex);
            Explanation cited = !ex.isExplaining() ? Explanation.NONE
                    : applies.why().citeAll(() -> Explanation.Reference.assumptions(agreement.assumptionsOf(inForce)));
            if (!applies.holds()) {
                if (ex.isExplaining()) {
                    if (considered.isEmpty()) considered = new ArrayList<>();
                    considered.add(ex.of(() -> term.header().label() + ": not applied").because(cited));
                }
                continue;
            }
            RuleOutcome outcome = term instanceof CloudExclusivity rule ? exclusivity(inForce, rule, fields, kinds, question, cited, ex)
                    : term instanceof FirstShip rule ? firstShip(agreement, inForce, rule, fields, kinds, question, facts, product, cited, ex)
                    : permission(inForce, (ReleasePermission) term, fields, kinds, question, cited, ex);
            if (outcome.denies()) outcome = releasedBefore(agreement, facts, question, outcome, ex, depth);
            outcomes.add(outcome);
        }

        // a denial stands unless a permission that applies is declared an exception to it. Plain loops, and
        // no lists at all for a silent decision: a gate is asked millions of times, and those cost more than the rules
        boolean denied = false;
        for (RuleOutcome outcome : outcomes) denied |= outcome.denies() && exceptionTo(outcomes, outcome) == null;
        if (!ex.isExplaining()) return new Decision(!denied, denied ? "DENIED" : "ALLOWED", Explanation.NONE);

        List<Explanation> steps = new ArrayList<>();
        steps.add(facts0);
        List<RuleOutcome> standing = new ArrayList<>();
        for (RuleOutcome denial : outcomes) {
            if (!denial.denies()) continue;
            RuleOutcome exception = exceptionTo(outcomes, denial);
            if (exception != null) {
                steps.add(ex.of(() -> denial.rule().term().header().label() + " would deny, but "
                        + exception.rule().term().header().label() + " is an exception to it and applies")
                        .because(denial.why()).because(exception.why()));
            } else {
                standing.add(denial);
            }
        }
        if (denied) {
            List<RuleOutcome> unrelatedPermissions = new ArrayList<>();
            for (RuleOutcome permission : outcomes) {
                boolean related = false;
                for (RuleOutcome denial : outcomes) related |= denial.denies() && isExceptionTo(permission, denial);
                if (permission.allows() && !related) unrelatedPermissions.add(permission);
            }
            Explanation why = ex.of(() -> "DENIED: " + subject);
            if (!unrelatedPermissions.isEmpty()) {
                why = why.because(ex.of(() -> "conflict: " + String.join(", ", unrelatedPermissions.stream()
                        .map(p -> p.rule().term().header().label()).toList()) + " would allow it, but is not declared an"
                        + " exception to " + standing.get(0).rule().term().header().label() + "; the denial stands"));
            }
            why = why.because(steps);
            for (RuleOutcome denial : standing) why = why.because(denial.why());
            return new Decision(false, "DENIED", why.because(considered));
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

    /**
     * A cloud that no version declares or names and no release was made on is a typo or a question
     * about another agreement: refused, listing the clouds known.
     */
    private static void knownCloud(AgreementHistory.AsKnown agreement, Facts facts, Question question) {
        java.util.SortedSet<String> known = new java.util.TreeSet<>();
        agreement.versions().forEach(v -> known.addAll(v.clouds()));
        facts.of(Fact.Release.class).forEach(r -> known.add(r.cloud()));
        if (!known.contains(question.cloud())) {
            throw new UnanswerableQuestion("no version of " + agreement.history().id() + " declares or names the cloud '"
                    + question.cloud() + "', and nothing was released on it; the clouds are " + String.join(", ", known)
                    + " (declare one with 'cloud NAME' in an agreement's header)");
        }
    }

    /** The first permission among {@code outcomes} declared an exception to {@code denial}'s rule, or null. */
    private static RuleOutcome exceptionTo(List<RuleOutcome> outcomes, RuleOutcome denial) {
        for (RuleOutcome permission : outcomes) {
            if (permission.allows() && isExceptionTo(permission, denial)) return permission;
        }
        return null;
    }

    /** Whether {@code permission} is declared an exception to the rule of {@code denial} (and to no other). */
    private static boolean isExceptionTo(RuleOutcome permission, RuleOutcome denial) {
        return permission.rule().term() instanceof ReleasePermission rule
                && rule.exceptionTo().isPresent() && rule.exceptionTo().get().equals(denial.rule().term().name());
    }

    /**
     * A denial, unless the product was already released on this cloud (for this segment) before
     * the rule took effect and that release was allowed when it was made: then it stays made.
     */
    private static RuleOutcome releasedBefore(AgreementHistory.AsKnown agreement, Facts facts, Question question,
                                              RuleOutcome denial, Explainer ex, int depth) {
        boolean withdraws = switch (denial.rule().term()) {
            case CloudExclusivity rule -> rule.withdrawsExisting();
            case FirstShip rule -> rule.withdrawsExisting();
            default -> false;
        };
        if (depth >= EARLIER_RELEASES_DEPTH_MAX) return denial;
        LocalDate since = agreement.inForceSince(denial.rule(), question.on());
        List<Fact.Release> earlier = facts.about(Fact.Release.class, question.product(), question.on(),
                r -> r.cloud().equals(question.cloud()) && r.on().isBefore(since)
                && r.segment().map(s -> question.segment().filter(s::equals).isPresent()).orElse(true));
        for (Fact.Release release : earlier) {
            Decision then;
            if (agreement.versionOn(release.on()).isEmpty()) {
                // before the agreement took effect no rule of it applied: nothing could deny the release
                then = new Decision(true, "ALLOWED", ex.of(() -> "ALLOWED: " + release.product() + " on " + release.cloud() + " on "
                        + release.on() + ", before " + agreement.history().id() + " took effect; no rule of it applied"));
            } else if (facts.product(release.product(), release.on()).isEmpty()) {
                continue;                       // the product was not declared yet: whether it was allowed cannot be said
            } else {
                then = decide(agreement, facts, new Question(release.product(), release.cloud(), release.segment(), release.on()),
                        ex, depth + 1);
            }
            if (!then.yes()) continue;
            if (withdraws) {
                return new RuleOutcome(denial.rule(), true, false, denial.why().because(ex.of(() -> question.product()
                        + " was released on " + release.cloud() + " on " + release.on() + ", before " + denial.rule().term().header().label() + " took effect on "
                        + since + ", but " + denial.rule().term().header().label() + " withdraws existing releases")).cite(() -> Explanation.Reference.fact(release)));
            }
            return new RuleOutcome(denial.rule(), false, false, ex.of(() -> denial.rule().term().header().label() + ": does not deny it, a release already made"
                    + " stays made: " + question.product() + " was released on " + release.cloud()
                    + release.segment().map(s -> " for " + s).orElse("") + " on " + release.on() + ", before " + denial.rule().term().header().label()
                    + " took effect on " + since + ", and was allowed then")
                    .cite(() -> Explanation.Reference.fact(release)).because(then.why()).because(denial.why()));
        }
        return denial;
    }

    /**
     * The owner of a release rule; "" (no party's name) for any other term. Instanceof tests rather
     * than a pattern switch, whose type dispatch costs more here.
     */
    private static String owner(Term term) {
        if (term instanceof CloudExclusivity rule) return rule.owner();
        if (term instanceof FirstShip rule) return rule.owner();
        if (term instanceof ReleasePermission rule) return rule.owner();
        return "";
    }

    private static boolean matches(Optional<Filter> products, Function<String, String> fields, ProductKinds kinds) {
        return products.isEmpty() || products.get().matches(fields, kinds);
    }

    private static boolean excepted(Optional<Filter> except, Function<String, String> fields, ProductKinds kinds) {
        return except.isPresent() && except.get().matches(fields, kinds);
    }

    private static RuleOutcome exclusivity(TermInForce inForce, CloudExclusivity rule, Function<String, String> fields,
                                           ProductKinds kinds, Question question, Explanation applies, Explainer ex) {
        if (!matches(rule.products(), fields, kinds)) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": does not cover this product (products "
                    + rule.products().map(Object::toString).orElse("all") + ")").because(applies));
        }
        if (rule.cloud().equals(question.cloud())) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": satisfied, " + question.cloud()
                    + " is the exclusive cloud").because(applies));
        }
        if (excepted(rule.except(), fields, kinds)) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": carved out (except " + rule.except().get() + ")")
                    .because(applies));
        }
        return new RuleOutcome(inForce, true, false, ex.of(() -> rule.header().label() + ": " + question.product() + " may run only on "
                + rule.cloud() + " (products " + rule.products().map(Object::toString).orElse("all") + ")").because(applies));
    }

    private static RuleOutcome permission(TermInForce inForce, ReleasePermission rule, Function<String, String> fields,
                                          ProductKinds kinds, Question question, Explanation applies, Explainer ex) {
        boolean product = matches(rule.products(), fields, kinds);
        boolean cloud = rule.anyCloud() || rule.clouds().contains(question.cloud());
        boolean segment = rule.segments().isEmpty() || question.segment().isPresent() && rule.segments().contains(question.segment().get());
        if (!product || !cloud || !segment) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": does not cover this release ("
                    + (!product ? "product" : !cloud ? "cloud" : "segment") + ")").because(applies));
        }
        return new RuleOutcome(inForce, false, true, ex.of(() -> rule.header().label() + ": allows " + question.product() + " on "
                + question.cloud() + (rule.segments().isEmpty() ? "" : " for " + rule.segments())).because(applies));
    }

    private static RuleOutcome firstShip(AgreementHistory.AsKnown agreement, TermInForce inForce, FirstShip rule,
                                         Function<String, String> fields, ProductKinds kinds, Question question, Facts facts,
                                         Fact.Product product, Explanation applies, Explainer ex) {
        if (!matches(rule.products(), fields, kinds) || excepted(rule.except(), fields, kinds)) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": does not cover this release (products "
                    + rule.products().map(Object::toString).orElse("all") + rule.except().map(e -> ", except " + e).orElse("")
                    + ")").because(applies));
        }
        if (rule.cloud().equals(question.cloud())) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": satisfied, " + question.cloud()
                    + " is the first-ship cloud").because(applies));
        }
        List<Fact.Release> first = facts.about(Fact.Release.class, product.name(), question.on(), r -> r.cloud().equals(rule.cloud()));
        if (!first.isEmpty()) {
            return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": satisfied, " + product.name()
                    + " shipped on " + rule.cloud() + " first, on " + first.get(0).on())
                    .cite(() -> Explanation.Reference.fact(first.get(0))).because(applies));
        }
        Explanation notShipped = ex.of(() -> product.name() + " has not shipped on " + rule.cloud() + " on or before " + question.on());
        if (rule.validity().unless().isPresent() && Applicability.mentionsProviderDeclines(rule.validity().unless().get())) {
            LocalDate ruleSince = agreement.inForceSince(inForce, question.on());
            CapabilityAnswer answer = capabilityAnswer(facts, product, rule, ruleSince, question.on(), ex);
            if (answer.declined()) {
                return new RuleOutcome(inForce, false, false, ex.of(() -> rule.header().label() + ": the exception applies, "
                        + rule.provider() + " declined to support the capabilities").because(notShipped).because(answer.why())
                        .because(applies));
            }
            return new RuleOutcome(inForce, true, false, ex.of(() -> rule.header().label() + ": " + product.name() + " must ship first on "
                    + rule.cloud()).because(notShipped).because(answer.why()).because(applies));
        }
        return new RuleOutcome(inForce, true, false, ex.of(() -> rule.header().label() + ": " + product.name() + " must ship first on "
                + rule.cloud()).because(notShipped).because(applies));
    }

    /**
     * The last day to answer a request made on {@code asked} under a rule in force since
     * {@code ruleSince}: the window runs from whichever is later, so it never closes before the
     * rule existed.
     */
    public static LocalDate responseDeadline(LocalDate asked, ResponseWindow window, LocalDate ruleSince) {
        return (asked.isBefore(ruleSince) ? ruleSince : asked).plus(window.within());
    }

    /** The provider's answer to the capability requests for a product, or silence past the window. */
    record CapabilityAnswer(boolean declined, Explanation why) {
    }

    /**
     * The provider's answer: a decline, or silence past the deadline where silence counts as
     * decline. The deadline runs from the request, or from {@code ruleSince} if the request came
     * before the rule existed.
     */
    static CapabilityAnswer capabilityAnswer(Facts facts, Fact.Product product, FirstShip rule, LocalDate ruleSince,
                                             LocalDate date, Explainer ex) {
        List<Fact.CapabilityRequest> requests = facts.about(Fact.CapabilityRequest.class, product.name(), date,
                r -> r.to().equals(rule.provider()));
        if (requests.isEmpty()) {
            return new CapabilityAnswer(false, ex.of(() -> "exception (" + rule.provider() + " cannot and chooses not to support"
                    + " the capabilities): no capability request for " + product.name() + " to " + rule.provider()
                    + " on or before " + date));
        }
        Explanation why = ex.of(() -> "exception (" + rule.provider() + " declines the capabilities): considered "
                + requests.size() + " request" + (requests.size() == 1 ? "" : "s"));
        boolean declined = false;
        for (Fact.CapabilityRequest request : requests) {
            List<Fact.CapabilityResponse> responses = facts.about(Fact.CapabilityResponse.class, request.id(), date,
                    r -> r.by().equals(rule.provider()));
            Optional<Fact.CapabilityResponse> response = responses.isEmpty() ? Optional.empty() : Optional.of(responses.get(0));
            Explanation step;
            if (response.isPresent()) {
                boolean decline = response.get().answer() == Fact.Answer.DECLINE;
                declined |= decline;
                step = ex.of(() -> "request " + request.id() + " (" + String.join(", ", request.capabilities()) + ", "
                        + request.on() + "): " + rule.provider() + " answered " + (decline ? "decline" : "support") + " on "
                        + response.get().on()).cite(() -> Explanation.Reference.fact(request)).cite(() -> Explanation.Reference.fact(response.get()));
            } else if (rule.response().isPresent()) {
                ResponseWindow window = rule.response().get();
                LocalDate deadline = responseDeadline(request.on(), window, ruleSince);
                java.util.function.Supplier<String> from = () -> !request.on().isBefore(ruleSince) ? "" : " (the window runs from "
                        + ruleSince + ", when the rule took effect; the request came before it)";
                if (date.isAfter(deadline)) {
                    boolean decline = window.onSilence() == ResponseWindow.Answer.DECLINE;
                    declined |= decline;
                    step = ex.of(() -> "request " + request.id() + " (" + request.on() + "): no answer by the deadline "
                            + deadline + from.get() + "; silence counts as " + (decline ? "decline" : "support") + " (response within "
                            + window + ")").cite(() -> Explanation.Reference.fact(request));
                } else {
                    step = ex.of(() -> "request " + request.id() + " (" + request.on() + "): awaiting " + rule.provider()
                            + "'s answer until " + deadline + from.get() + "; then silence counts as "
                            + window.onSilence().name().toLowerCase(java.util.Locale.ROOT)).cite(() -> Explanation.Reference.fact(request));
                }
            } else {
                step = ex.of(() -> "request " + request.id() + " (" + request.on() + "): no answer, and the rule states no"
                        + " response window").cite(() -> Explanation.Reference.fact(request));
            }
            why = why.because(step);
        }
        return new CapabilityAnswer(declined, why);
    }
}
