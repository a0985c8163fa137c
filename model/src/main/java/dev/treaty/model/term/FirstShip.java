package dev.treaty.model.term;

import java.util.Map;
import java.util.Optional;

/**
 * The owner's products that match {@code products} ship first on {@code cloud}: before they are
 * on that cloud they may not ship elsewhere, unless the term's {@code unless} condition holds
 * (typically {@code provider declines capabilities}: the provider was asked to support the
 * product's capabilities and declined, or stayed silent past the response window with a
 * default of decline).
 *
 * <p>A release made before the rule took effect, and allowed when it was made, stays made: the
 * rule does not deny it unless it {@code withdrawsExisting} releases.
 */
public record FirstShip(TermHeader header, Validity validity, String owner, String provider, String cloud,
                        Optional<Filter> products, Optional<Filter> except,
                        Optional<ResponseWindow> response, boolean withdrawsExisting) implements Term {

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("owner", owner).put("provider", provider).put("cloud", cloud)
                .put("products", products.map(Object::toString).orElse("all"))
                .put("except", except)
                .put("response within", response);
        if (withdrawsExisting) a.put("withdraws existing releases", "yes");
        validity.describe(a);
        return a.toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("owner", owner, "provider", provider);
    }
}
