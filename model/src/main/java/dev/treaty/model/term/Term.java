package dev.treaty.model.term;

import java.util.Map;

/** A formal term of an agreement. */
public sealed interface Term permits RevenueShare, Licence, CloudExclusivity, FirstShip, ReleasePermission,
        RightOfFirstRefusal, Stake, PurchaseCommitment, Penalty, InstalmentSale, EventDefinition {

    TermHeader header();

    Validity validity();

    /** The term's values, in the order they are printed and compared ({@code "exclusive" -> "no"}). */
    Map<String, String> attributes();

    /** The parties this term names, by role ({@code "payer" -> "OpenAI"}). */
    Map<String, String> parties();

    /** Roles and their parties in the order written: output that reads the same on every run (Map.of has no order). */
    static Map<String, String> roles(String... roleThenParty) {
        Map<String, String> roles = new java.util.LinkedHashMap<>();
        for (int i = 0; i < roleThenParty.length; i += 2) roles.put(roleThenParty[i], roleThenParty[i + 1]);
        return java.util.Collections.unmodifiableMap(roles);
    }

    default String name() {
        return header().name();
    }

    default TermKind kind() {
        return header().kind();
    }
}
