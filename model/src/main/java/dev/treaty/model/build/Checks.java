package dev.treaty.model.build;

import dev.treaty.language.Diagnostics;
import dev.treaty.model.Party;
import dev.treaty.model.term.CloudExclusivity;
import dev.treaty.model.term.Condition;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.Filter;
import dev.treaty.model.term.FirstShip;
import dev.treaty.model.term.Licence;
import dev.treaty.model.term.ProductKinds;
import dev.treaty.model.term.ReleasePermission;
import dev.treaty.model.term.Term;
import dev.treaty.model.term.TermKind;
import dev.treaty.model.term.Validity;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks that need a whole version: every party, event and rule a term names is in force with
 * it; no two exclusive licences of one class go to different licensees at once; no two release
 * rules disagree unless one is declared an exception to the other. Each version of the history
 * is checked, so a term that is fine in one version and broken in a later one is reported.
 */
public final class Checks {

    private Checks() {
    }

    public static void run(AgreementHistory history, Diagnostics diagnostics) {
        for (ConsolidatedAgreement version : history.versions()) {
            check(version, diagnostics);
        }
    }

    private static void check(ConsolidatedAgreement version, Diagnostics diagnostics) {
        List<TermInForce> terms = version.terms();
        Map<String, TermInForce> seen = new HashMap<>();
        Set<String> parties = version.parties().stream().map(Party::shortName).collect(Collectors.toCollection(TreeSet::new));
        Map<String, EventDefinition> events = version.events();
        for (TermInForce inForce : terms) {
            Term term = inForce.term();
            String context = inForce.clause().clause().heading();
            TermInForce earlier = seen.putIfAbsent(term.kind().keyword() + " " + term.name(), inForce);
            if (earlier != null) {
                diagnostics.error(term.header().at(), context, term.header().label() + " is already stated in "
                        + earlier.clause().clause().heading() + " (" + earlier.term().header().at().toLineString() + ")");
            }
            term.parties().forEach((role, party) -> {
                if (!parties.contains(party)) {
                    diagnostics.error(term.header().at(), context, term.header().label() + ": " + role + " '" + party
                            + "' is not a party; the parties are " + String.join(", ", parties));
                }
            });
            // a term binds two sides: one party in two roles (paying itself, licensing to itself) is a slip
            Map<String, String> roleOf = new HashMap<>();
            term.parties().forEach((role, party) -> {
                String other = roleOf.putIfAbsent(party, role);
                if (other != null) {
                    diagnostics.error(term.header().at(), context, term.header().label() + ": " + other + " and " + role + " are both '"
                            + party + "'; a term binds two different parties");
                }
            });
            if (term instanceof dev.treaty.model.term.RevenueShare share && share.rate() instanceof dev.treaty.model.term.RateSchedule.UnitPrice price
                    && !version.units().has(price.unit())) {
                diagnostics.error(term.header().at(), context, term.header().label() + " prices per '" + price.unit()
                        + "', which is not a declared unit" + (version.units().names().isEmpty() ? "; declare it in the header: unit "
                        + price.unit() + " \"…\"" : "; declared units: " + String.join(", ", version.units().names())));
            }
            conditions(term).forEach(condition -> condition.forEachAtom(atom ->
                    checkEvent(atom, term, context, events, diagnostics)));
            if (term instanceof ReleasePermission permission && permission.exceptionTo().isPresent()) {
                String base = permission.exceptionTo().get();
                boolean found = terms.stream().anyMatch(t -> t.term().name().equals(base) && t.term().kind().isReleaseRule()
                        && t.term() != term);
                if (!found) {
                    diagnostics.error(term.header().at(), context, term.header().label() + " is an exception to '" + base
                            + "', but no release rule of that name is in force with it");
                }
            }
        }
        exclusiveLicences(version.termsOf(Licence.class), terms, diagnostics);
        releaseConflicts(terms, version.kinds(), diagnostics);
    }

    private static List<Condition> conditions(Term term) {
        Validity validity = term.validity();
        List<Condition> all = new java.util.ArrayList<>(validity.conditions());
        if (term instanceof Licence licence) {
            licence.exclusiveIf().ifPresent(all::add);
            licence.exclusiveUntil().ifPresent(all::add);
        }
        // a penalty due some days after an event's declaration depends on that event as a condition would
        if (term instanceof dev.treaty.model.term.Penalty penalty) {
            penalty.dueAfter().ifPresent(event -> all.add(new Condition.Declared(event, Optional.empty())));
        }
        return all;
    }

    private static void checkEvent(Condition atom, Term term, String context, Map<String, EventDefinition> events,
                                   Diagnostics diagnostics) {
        String event;
        Optional<String> by;
        boolean verified;
        switch (atom) {
            case Condition.Declared declared -> {
                event = declared.event();
                by = declared.by();
                verified = false;
            }
            case Condition.Verified v -> {
                event = v.event();
                by = v.by();
                verified = true;
            }
            default -> {
                return;
            }
        }
        EventDefinition definition = events.get(event);
        String label = term.header().label();
        if (definition == null) {
            diagnostics.error(term.header().at(), context, label + " depends on event '" + event + "', which is not declared"
                    + (events.isEmpty() ? "" : "; declared events: " + String.join(", ", events.keySet())));
            return;
        }
        Optional<String> expected = verified ? definition.verifiedBy() : definition.declaredBy();
        if (verified && expected.isEmpty()) {
            diagnostics.error(term.header().at(), context, label + " waits for '" + event + " verified', but event '"
                    + event + "' has no verification ('verified by …') in this version");
        } else if (by.isPresent() && expected.isPresent() && !by.get().equals(expected.get())) {
            diagnostics.error(term.header().at(), context, label + " says '" + atom + "', but event '" + event + "' is "
                    + (verified ? "verified" : "declared") + " by " + expected.get());
        }
    }

    private static void exclusiveLicences(List<Licence> licences, List<TermInForce> terms, Diagnostics diagnostics) {
        for (int i = 0; i < licences.size(); i++) {
            for (int j = i + 1; j < licences.size(); j++) {
                Licence a = licences.get(i);
                Licence b = licences.get(j);
                if (!a.exclusive() || !b.exclusive() || a.licensee().equals(b.licensee())) continue;
                if (!a.validity().window().overlaps(b.validity().window())) continue;
                SortedSet<String> shared = new TreeSet<>(a.licensedClasses());
                shared.retainAll(b.licensedClasses());
                if (shared.isEmpty()) continue;
                diagnostics.error(b.header().at(), contextOf(b, terms), "exclusive licences '" + a.name() + "' (to "
                        + a.licensee() + ") and '" + b.name() + "' (to " + b.licensee() + ") both cover " + shared
                        + " at the same time");
            }
        }
    }

    /**
     * An exclusivity says the owner's matching products run only on one cloud; it contradicts
     * another exclusivity to a different cloud, and a permission for another cloud, when both can
     * apply to one product and neither is declared an exception to the other.
     */
    private static void releaseConflicts(List<TermInForce> terms, ProductKinds kinds, Diagnostics diagnostics) {
        List<CloudExclusivity> exclusivities = terms.stream().map(TermInForce::term)
                .filter(CloudExclusivity.class::isInstance).map(CloudExclusivity.class::cast).toList();
        for (int i = 0; i < exclusivities.size(); i++) {
            CloudExclusivity a = exclusivities.get(i);
            for (int j = i + 1; j < exclusivities.size(); j++) {
                CloudExclusivity b = exclusivities.get(j);
                if (a.owner().equals(b.owner()) && !a.cloud().equals(b.cloud()) && overlap(a.products(), b.products(), kinds)
                        && a.validity().window().overlaps(b.validity().window())) {
                    diagnostics.error(b.header().at(), contextOf(b, terms), "contradictory rules: '" + a.name()
                            + "' keeps these products on " + a.cloud() + " only, '" + b.name() + "' on " + b.cloud() + " only");
                }
            }
            for (TermInForce inForce : terms) {
                if (!(inForce.term() instanceof ReleasePermission p) || !p.owner().equals(a.owner())) continue;
                if (p.exceptionTo().filter(a.name()::equals).isPresent()) continue;
                boolean otherCloud = p.anyCloud() || p.clouds().stream().anyMatch(c -> !c.equals(a.cloud()));
                boolean carvedOut = !p.segments().isEmpty() && a.except().isPresent()
                        && p.segments().stream().allMatch(s -> a.except().get().matches(f -> f.equals("segment") ? s : null, kinds));
                if (otherCloud && !carvedOut && overlap(a.products(), p.products(), kinds)
                        && a.validity().window().overlaps(p.validity().window())) {
                    diagnostics.error(p.header().at(), inForce.clause().clause().heading(), "contradictory rules: '" + p.name()
                            + "' allows " + (p.anyCloud() ? "any cloud" : "clouds " + p.clouds()) + " where '" + a.name()
                            + "' allows only " + a.cloud() + "; declare one an exception to the other ('exception to "
                            + a.name() + "')");
                }
            }
        }
        for (TermInForce inForce : terms) {
            if (inForce.term() instanceof FirstShip first && first.response().isEmpty()
                    && first.validity().unless().isPresent()) {
                diagnostics.warning(first.header().at(), inForce.clause().clause().heading(), first.header().label()
                        + " has an exception that waits for the provider's answer but no 'response within …', so silence"
                        + " never counts as an answer");
            }
        }
    }

    private static boolean overlap(Optional<Filter> a, Optional<Filter> b, ProductKinds kinds) {
        return a.isEmpty() || b.isEmpty() || Filter.mayOverlap(a.get(), b.get(), kinds);
    }

    private static String contextOf(Term term, List<TermInForce> terms) {
        return terms.stream().filter(t -> t.term() == term).findFirst()
                .map(t -> t.clause().clause().heading()).orElse("");
    }

}
