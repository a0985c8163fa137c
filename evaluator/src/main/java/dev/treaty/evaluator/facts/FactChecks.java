package dev.treaty.evaluator.facts;

import dev.treaty.model.Party;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts checked against the agreement they are read with: what cannot be true of it is an error
 * (a payment by or to someone who is on no version of the agreement), what is odd but may be true
 * is a warning that {@code --strict} makes an error (an event declared or verified that no version
 * defines; a product owned by someone who is not a party).
 */
public final class FactChecks {

    /** Errors and warnings, each at its file and line. */
    public record Result(List<FactError> errors, List<FactError> warnings) {
    }

    private FactChecks() {
    }

    /** The parties and the events any version of an agreement names. */
    private record Named(Set<String> parties, Set<String> events) {
        static Named in(AgreementHistory history) {
            Set<String> parties = new TreeSet<>();
            Set<String> events = new TreeSet<>();
            for (ConsolidatedAgreement version : history.versions()) {
                version.parties().stream().map(Party::shortName).forEach(parties::add);
                events.addAll(version.events().keySet());
                version.termsOf(EventDefinition.class).forEach(e -> events.add(e.name()));
            }
            return new Named(parties, events);
        }
    }

    /**
     * The facts of a store shared by several agreements that concern this one: payments between its
     * parties, products its parties own (with their releases and capability requests, and the answers
     * to those), offers between its parties (and their answers), declarations and verifications of the
     * events it defines, valuations and issuances of a party, spend by a party. The rest belong to
     * other agreements: they are neither counted here nor reported as errors of this one (which would
     * show one agreement's parties to another's).
     */
    public static List<Fact> relevant(AgreementHistory history, List<Fact> facts) {
        Named named = Named.in(history);
        Set<String> parties = named.parties();
        Set<String> events = named.events();
        Set<String> products = new TreeSet<>();
        Set<String> requests = new TreeSet<>();
        Set<String> offers = new TreeSet<>();
        for (Fact fact : facts) {
            switch (fact) {
                case Fact.Product product when parties.contains(product.owner()) -> products.add(product.name());
                case Fact.Offer offer when parties.contains(offer.by()) && parties.contains(offer.to()) -> offers.add(offer.meta().id());
                default -> {
                }
            }
        }
        for (Fact fact : facts) {
            if (fact instanceof Fact.CapabilityRequest request && products.contains(request.product())) requests.add(request.meta().id());
        }
        List<Fact> relevant = new ArrayList<>();
        for (Fact fact : facts) {
            boolean ours = switch (fact) {
                case Fact.Payment payment -> parties.contains(payment.payer()) && parties.contains(payment.payee());
                case Fact.Product product -> products.contains(product.name());
                case Fact.Release release -> products.contains(release.product());
                case Fact.CapabilityRequest request -> requests.contains(request.meta().id());
                case Fact.CapabilityResponse response -> requests.contains(response.request());
                case Fact.Offer offer -> offers.contains(offer.meta().id());
                case Fact.OfferResponse response -> offers.contains(response.offer());
                case Fact.Declaration declaration -> events.contains(declaration.event());
                case Fact.Verification verification -> events.contains(verification.event());
                case Fact.Valuation valuation -> parties.contains(valuation.issuer());
                case Fact.Issuance issuance -> parties.contains(issuance.issuer());
                case Fact.Spend spend -> parties.contains(spend.purchaser());
                case Fact.Measurement measurement -> parties.contains(measurement.by());
                case Fact.FxRate rate -> true;          // public market data: every agreement may use it
            };
            if (ours) relevant.add(fact);
        }
        return List.copyOf(relevant);
    }

    public static Result check(AgreementHistory history, List<Fact> facts) {
        Named named = Named.in(history);
        Set<String> parties = named.parties();
        Set<String> events = named.events();
        List<FactError> errors = new ArrayList<>();
        List<FactError> warnings = new ArrayList<>();
        for (Fact fact : facts) {
            FactSource at = fact.meta().source();
            switch (fact) {
                case Fact.Payment payment -> {
                    for (String party : List.of(payment.payer(), payment.payee())) {
                        if (!parties.contains(party)) {
                            errors.add(new FactError(at.file(), at.line(), party.equals(payment.payer()) ? "payer" : "payee",
                                    "'" + party + "' is not a party to " + history.id() + " (" + String.join(", ", parties) + ")"));
                        }
                    }
                }
                case Fact.Declaration declaration when !events.contains(declaration.event()) -> warnings.add(new FactError(at.file(),
                        at.line(), "event", "no version of " + history.id() + " defines an event '" + declaration.event() + "'"
                        + (events.isEmpty() ? "" : " (" + String.join(", ", events) + ")")));
                case Fact.Verification verification when !events.contains(verification.event()) -> warnings.add(new FactError(at.file(),
                        at.line(), "event", "no version of " + history.id() + " defines an event '" + verification.event() + "'"
                        + (events.isEmpty() ? "" : " (" + String.join(", ", events) + ")")));
                case Fact.Measurement measurement when !parties.contains(measurement.by()) -> warnings.add(new FactError(at.file(), at.line(),
                        "by", "'" + measurement.by() + "' is not a party to " + history.id() + " (" + String.join(", ", parties) + ")"));
                case Fact.Product product when !parties.contains(product.owner()) -> warnings.add(new FactError(at.file(), at.line(),
                        "owner", "'" + product.owner() + "' is not a party to " + history.id() + " (" + String.join(", ", parties) + ")"));
                default -> {
                }
            }
        }
        return new Result(List.copyOf(errors), List.copyOf(warnings));
    }
}
