package dev.treaty.model.term;

import java.util.Map;

/** A formal term of an agreement. */
public sealed interface Term permits RevenueShare, Licence, CloudExclusivity, FirstShip, ReleasePermission,
        RightOfFirstRefusal, Stake, PurchaseCommitment, EventDefinition {

    TermHeader header();

    Validity validity();

    /** The term's values, in the order they are printed and compared ({@code "exclusive" -> "no"}). */
    Map<String, String> attributes();

    /** The parties this term names, by role ({@code "payer" -> "OpenAI"}). */
    Map<String, String> parties();

    default String name() {
        return header().name();
    }

    default TermKind kind() {
        return header().kind();
    }
}
