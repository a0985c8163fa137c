package dev.treaty.model.term;

import java.util.Map;
import java.util.Optional;

/**
 * The owner's products that match {@code products} run only on {@code cloud}, the provider's,
 * except where {@code except} matches (a carve-out such as a customer segment).
 *
 * <p>A release made before the rule took effect, and allowed when it was made, stays made: the
 * rule does not deny it unless it {@code withdrawsExisting} releases.
 */
public record CloudExclusivity(TermHeader header, Validity validity, String owner, String provider, String cloud,
                               Optional<Filter> products, Optional<Filter> except, boolean withdrawsExisting) implements Term {

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("owner", owner).put("provider", provider).put("cloud", cloud)
                .put("products", products.map(Object::toString).orElse("all"))
                .put("except", except);
        if (withdrawsExisting) a.put("withdraws existing releases", "yes");
        validity.describe(a);
        return a.toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("owner", owner, "provider", provider);
    }
}
