package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.term.ResponseWindow;
import dev.treaty.model.term.RightOfFirstRefusal;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * May a party buy something from a provider on a date, under the rights of first refusal in force?
 * The grantor of a right must first offer the holder the deal; it may buy elsewhere once the holder
 * declines, or once the response window has passed where silence counts as a decline. The window
 * runs from the offer, or from the day the right took effect if the offer came before it.
 */
public final class FirstRefusal {

    /** The question: may {@code buyer} buy {@code subject} from {@code seller} on {@code on}? */
    public record Question(String buyer, String subject, String seller, LocalDate on) {
    }

    /** An offer still waiting for the holder's answer on a date, and when silence decides it. */
    public record OpenOffer(Fact.Offer offer, TermInForce right, LocalDate deadline, ResponseWindow.Answer onSilence) {
    }

    private FirstRefusal() {
    }

    public static Decision decide(AgreementHistory.AsKnown agreement, Facts facts, Question question) {
        return decide(agreement, facts, question, Explainer.FULL);
    }

    /**
     * Decides, writing the explanation only when {@code ex} explains.
     *
     * @throws UnanswerableQuestion when the agreement is not in force then, the buyer is not a party,
     *                              or no right of first refusal of the agreement ever names the subject
     */
    public static Decision decide(AgreementHistory.AsKnown agreement, Facts facts, Question question, Explainer ex) {
        ConsolidatedAgreement version = agreement.versionOn(question.on()).orElseThrow(() -> new UnanswerableQuestion(
                agreement.history().id() + " is not in force on " + question.on()
                        + (agreement.knownAt().equals(LocalDate.MAX) ? "" : " as known on " + agreement.knownAt())));
        if (version.party(question.buyer()).isEmpty()) {
            throw new UnanswerableQuestion("'" + question.buyer() + "' is not a party to " + version.agreementId() + " on "
                    + question.on());
        }
        SortedSet<String> subjects = new TreeSet<>();
        for (ConsolidatedAgreement any : agreement.versions()) {
            any.termsOf(RightOfFirstRefusal.class).forEach(r -> subjects.add(r.subject()));
        }
        if (!subjects.contains(question.subject())) {
            throw new UnanswerableQuestion("no right of first refusal of " + version.agreementId() + " names the subject '"
                    + question.subject() + "'" + (subjects.isEmpty() ? "; it has none" : "; the subjects are " + String.join(", ", subjects)));
        }
        String asked = !ex.isExplaining() ? "" : question.buyer() + " buying " + question.subject() + " from "
                + question.seller() + " on " + question.on();
        List<Explanation> considered = new ArrayList<>();
        List<Explanation> standing = new ArrayList<>();
        List<Explanation> lifted = new ArrayList<>();
        for (TermInForce inForce : version.terms()) {
            if (!(inForce.term() instanceof RightOfFirstRefusal right) || !right.grantor().equals(question.buyer())
                    || !right.subject().equals(question.subject())) continue;
            String label = right.header().label();
            Applicability.Result applies = Applicability.of(inForce, version.events(), facts, question.on(), ex);
            Explanation cited = applies.why().citeAll(() -> Explanation.Reference.assumptions(agreement.assumptionsOf(inForce)));
            if (!applies.holds()) {
                considered.add(ex.of(() -> label + ": not applied").because(cited));
                continue;
            }
            if (right.holder().equals(question.seller())) {
                lifted.add(ex.of(() -> label + ": satisfied, " + question.seller() + " is the holder itself").because(cited));
                continue;
            }
            LocalDate since = agreement.inForceSince(inForce, question.on());
            List<Fact.Offer> offers = facts.of(Fact.Offer.class, question.on(), o -> o.by().equals(right.grantor())
                    && o.to().equals(right.holder()) && o.subject().equals(right.subject())
                    && o.provider().map(question.seller()::equals).orElse(true));
            if (offers.isEmpty()) {
                standing.add(ex.of(() -> label + ": " + right.grantor() + " must first offer " + right.subject() + " to "
                        + right.holder() + "; no offer on or before " + question.on()).because(cited));
                continue;
            }
            Explanation why = ex.of(() -> label + ": considered " + offers.size() + " offer" + (offers.size() == 1 ? "" : "s"))
                    .because(cited);
            boolean free = false;
            for (Fact.Offer offer : offers) {
                Optional<Fact.OfferResponse> response = facts.of(Fact.OfferResponse.class, question.on(),
                        r -> r.offer().equals(offer.id()) && r.by().equals(right.holder())).stream().findFirst();
                if (response.isPresent()) {
                    boolean declined = response.get().answer() == Fact.OfferAnswer.DECLINE;
                    free |= declined;
                    why = why.because(ex.of(() -> "offer " + offer.id() + " (" + offer.on() + "): " + right.holder()
                            + (declined ? " declined" : " exercised its right") + " on " + response.get().on())
                            .cite(() -> Explanation.Reference.fact(offer)).cite(() -> Explanation.Reference.fact(response.get())));
                    continue;
                }
                LocalDate deadline = ReleaseGate.responseDeadline(offer.on(), right.response(), since);
                String from = offer.on().isBefore(since) ? " (the window runs from " + since + ", when the right took effect)" : "";
                String silence = right.response().onSilence() == ResponseWindow.Answer.DECLINE ? "decline" : "exercise";
                if (question.on().isAfter(deadline)) {
                    boolean declined = right.response().onSilence() == ResponseWindow.Answer.DECLINE;
                    free |= declined;
                    why = why.because(ex.of(() -> "offer " + offer.id() + " (" + offer.on() + "): no answer by the deadline "
                            + deadline + from + "; silence counts as " + silence).cite(() -> Explanation.Reference.fact(offer)));
                } else {
                    why = why.because(ex.of(() -> "offer " + offer.id() + " (" + offer.on() + "): awaiting " + right.holder()
                            + "'s answer until " + deadline + from + "; then silence counts as " + silence)
                            .cite(() -> Explanation.Reference.fact(offer)));
                }
            }
            if (free) lifted.add(ex.of(() -> label + ": " + right.holder() + " has declined the offer: "
                    + right.grantor() + " may buy elsewhere").because(why));
            else standing.add(ex.of(() -> label + ": " + right.holder() + " has not declined").because(why));
        }
        if (!standing.isEmpty()) {
            return new Decision(false, "DENIED", ex.of(() -> "DENIED: " + asked).because(standing).because(lifted).because(considered));
        }
        Explanation why = ex.of(() -> "ALLOWED: " + asked).because(lifted);
        if (lifted.isEmpty()) {
            Explanation none = ex.of(() -> "no right of first refusal in force on " + question.on() + " covers "
                    + question.subject() + " bought by " + question.buyer() + " (the version in force from "
                    + version.inForce().from().map(Object::toString).orElse("the start") + ", made by " + version.latest().id() + ")");
            if (ex.isExplaining()) none = none.because(ended(agreement, version, question));
            why = why.because(none);
        }
        return new Decision(true, "ALLOWED", why.because(considered));
    }

    /** Where the last right on the subject before {@code version} went: the version that no longer states it. */
    private static List<Explanation> ended(AgreementHistory.AsKnown agreement, ConsolidatedAgreement version, Question question) {
        TermInForce last = null;
        ConsolidatedAgreement after = null;
        for (ConsolidatedAgreement earlier : agreement.versions()) {
            if (!earlier.inForce().from().orElse(LocalDate.MIN).isBefore(version.inForce().from().orElse(LocalDate.MIN))) break;
            TermInForce right = earlier.terms().stream().filter(t -> t.term() instanceof RightOfFirstRefusal r
                    && r.grantor().equals(question.buyer()) && r.subject().equals(question.subject())).findFirst().orElse(null);
            if (right != null) {
                last = right;
                after = null;
            } else if (last != null && after == null) {
                after = earlier;
            }
        }
        if (last == null) return List.of();
        ConsolidatedAgreement dropped = after != null ? after : version;
        TermInForce right = last;
        return List.of(Explanation.of(right.term().header().label() + " ended when " + dropped.latest().describe()
                        + " took effect without it").cite(() -> Explanation.Reference.clause(right)));
    }

    /** The offers awaiting an answer on {@code on}, under the rights in force then: what each holder must answer. */
    public static List<OpenOffer> openOffers(AgreementHistory.AsKnown agreement, Facts facts, LocalDate on) {
        List<OpenOffer> open = new ArrayList<>();
        Optional<ConsolidatedAgreement> version = agreement.versionOn(on);
        if (version.isEmpty()) return open;
        for (TermInForce inForce : version.get().terms()) {
            if (!(inForce.term() instanceof RightOfFirstRefusal right)) continue;
            if (!Applicability.of(inForce, version.get().events(), facts, on, Explainer.SILENT).holds()) continue;
            LocalDate since = agreement.inForceSince(inForce, on);
            for (Fact.Offer offer : facts.of(Fact.Offer.class, on, o -> o.by().equals(right.grantor())
                    && o.to().equals(right.holder()) && o.subject().equals(right.subject()))) {
                boolean answered = !facts.of(Fact.OfferResponse.class, on, r -> r.offer().equals(offer.id())).isEmpty();
                if (answered) continue;
                open.add(new OpenOffer(offer, inForce, ReleaseGate.responseDeadline(offer.on(), right.response(), since),
                        right.response().onSilence()));
            }
        }
        return open;
    }

    /** "decline" or "exercise": what silence past the deadline means. */
    public static String silenceMeans(ResponseWindow.Answer answer) {
        return answer == ResponseWindow.Answer.DECLINE ? "decline" : "exercise";
    }
}
