package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.Licence;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Does a party hold a licence to a class of IP on a date, and exclusively? Optionally for one
 * subject (a model or product named by a product event), whose release date matters where a
 * licence covers only subjects released by a date, and whose own kind (and every kind above it)
 * must not be one the licence excludes, whatever class the question names.
 */
public final class LicenceCheck {

    public record Question(String licensee, String ipClass, Optional<String> subject, LocalDate on) {
    }

    private LicenceCheck() {
    }

    public static Decision decide(AgreementHistory.AsKnown agreement, Facts facts, Question question) {
        return decide(agreement, facts, question, Explainer.FULL);
    }

    /** Whether a licence of {@code version} covers or excludes {@code ipClass}: the question names a class it knows. */
    private static boolean namedBy(ConsolidatedAgreement version, String ipClass) {
        for (TermInForce inForce : version.terms()) {
            if (inForce.term() instanceof Licence licence && (licence.covers().contains(ipClass) || licence.excludes().contains(ipClass))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decides, writing the explanation (and the verdict's details) only when {@code ex} explains.
     *
     * @throws UnanswerableQuestion when the agreement is not in force then, the licensee is not a party,
     *                              or the subject has no product event
     */
    public static Decision decide(AgreementHistory.AsKnown agreement, Facts facts, Question question, Explainer ex) {
        ConsolidatedAgreement version = agreement.versionOn(question.on()).orElseThrow(() -> new UnanswerableQuestion(
                agreement.history().id() + " is not in force on " + question.on()
                        + (agreement.knownAt().equals(LocalDate.MAX) ? "" : " as known on " + agreement.knownAt())));
        if (version.party(question.licensee()).isEmpty()) {
            throw new UnanswerableQuestion("'" + question.licensee() + "' is not a party to " + version.agreementId()
                    + " on " + question.on() + "; the parties are " + String.join(", ",
                    version.parties().stream().map(dev.treaty.model.Party::shortName).toList()));
        }
        if (!namedBy(version, question.ipClass())) {
            // a class the version in force does not name: known to another version, or a typo (refused, listing them)
            java.util.SortedSet<String> classes = new java.util.TreeSet<>();
            for (ConsolidatedAgreement any : agreement.versions()) {
                for (Licence licence : any.termsOf(Licence.class)) {
                    classes.addAll(licence.covers());
                    classes.addAll(licence.excludes());
                }
            }
            if (!classes.contains(question.ipClass())) {
                throw new UnanswerableQuestion("no licence of " + version.agreementId() + " names the class '" + question.ipClass()
                        + "'" + (classes.isEmpty() ? "; it has no licences" : "; the classes are " + String.join(", ", classes)));
            }
        }
        Map<String, EventDefinition> events = version.events();
        String subject = !ex.isExplaining() ? "" : question.licensee() + " for " + question.ipClass()
                + question.subject().map(s -> " (" + s + ")").orElse("") + " on " + question.on();
        Optional<Fact.Product> item = question.subject().map(name -> facts.product(name).orElseThrow(() ->
                new UnanswerableQuestion("no product event names '" + name + "'")));
        List<Explanation> refusals = new ArrayList<>();
        for (TermInForce inForce : version.terms()) {
            if (!(inForce.term() instanceof Licence licence) || !licence.licensee().equals(question.licensee())) continue;
            if (licence.excludes().contains(question.ipClass())) {
                refusals.add(ex.of(() -> licence.header().label() + " excludes " + question.ipClass()).cite(() -> Explanation.Reference.clause(inForce)));
                continue;
            }
            if (!licence.covers().contains(question.ipClass())) continue;
            Optional<String> excludedKind = item.flatMap(p -> version.kinds().lineage(p.kind()).stream()
                    .filter(licence.excludes()::contains).findFirst());
            if (excludedKind.isPresent()) {
                refusals.add(ex.of(() -> licence.header().label() + " excludes " + excludedKind.get() + ", and " + item.get().name() + " is "
                        + version.kinds().describe(item.get().kind()) + ": excluded whatever class it is asked under")
                        .cite(() -> Explanation.Reference.clause(inForce)).cite(() -> Explanation.Reference.fact(item.get())));
                continue;
            }
            Applicability.Result applies = Applicability.of(inForce, events, facts, question.on(), ex);
            if (!applies.holds()) {
                refusals.add(applies.why());
                continue;
            }
            if (licence.subjectsReleasedThrough().isPresent() && item.isPresent()
                    && item.get().on().isAfter(licence.subjectsReleasedThrough().get())) {
                refusals.add(ex.of(() -> licence.header().label() + " covers only subjects released through " + licence.subjectsReleasedThrough().get()
                        + "; " + item.get().name() + " was released on " + item.get().on())
                        .cite(() -> Explanation.Reference.clause(inForce)).cite(() -> Explanation.Reference.fact(item.get())));
                continue;
            }
            Applicability.Result onlyIf = licence.exclusive() && licence.exclusiveIf().isPresent()
                    ? Applicability.holds(licence.exclusiveIf().get(), events, facts, question.on(), ex) : null;
            Applicability.Result ended = licence.exclusive() && licence.exclusiveUntil().isPresent()
                    ? Applicability.holds(licence.exclusiveUntil().get(), events, facts, question.on(), ex) : null;
            boolean exclusive = licence.exclusive() && (onlyIf == null || onlyIf.holds()) && (ended == null || !ended.holds());
            Explanation exclusivity = ex.of(() -> exclusive ? "exclusive" : "non-exclusive");
            if (onlyIf != null) {
                exclusivity = exclusivity.because(ex.of(() -> "exclusive if " + licence.exclusiveIf().get() + ": "
                        + (onlyIf.holds() ? "it holds" : "it does not hold")).because(onlyIf.why()));
            }
            if (ended != null) {
                exclusivity = exclusivity.because(ex.of(() -> "exclusive until " + licence.exclusiveUntil().get() + ": "
                        + (ended.holds() ? "exclusivity has ended" : "not ended")).because(ended.why()));
            }
            String verdict = ex.isExplaining() ? "LICENSED (" + (exclusive ? "exclusive" : "non-exclusive") + ", "
                    + licence.validity().window().through().map(d -> "through " + d).orElse("with no end date")
                    + licence.validity().until().map(c -> ", until " + c).orElse("") + ")"
                    : exclusive ? "LICENSED (exclusive)" : "LICENSED (non-exclusive)";
            Explanation why = ex.of(() -> verdict + ": " + subject + " under " + licence.header().label() + " from " + licence.licensor())
                    .cite(() -> Explanation.Reference.clause(inForce))
                    .citeAll(() -> Explanation.Reference.assumptions(agreement.assumptionsOf(inForce)))
                    .because(applies.why()).because(exclusivity);
            Explanation withItem = item.map(p -> why.because(ex.of(() -> "subject " + p.name() + " released on " + p.on())
                    .cite(() -> Explanation.Reference.fact(p)))).orElse(why);
            return new Decision(true, verdict, withItem.because(refusals));
        }
        Explanation why = ex.of(() -> "NOT LICENSED: " + subject);
        if (refusals.isEmpty()) {
            why = why.because(ex.of(() -> "no licence in force to " + question.licensee() + " covers " + question.ipClass()));
        }
        return new Decision(false, "NOT LICENSED", why.because(refusals));
    }
}
