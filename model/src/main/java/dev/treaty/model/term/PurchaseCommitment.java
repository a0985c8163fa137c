package dev.treaty.model.term;

import dev.treaty.model.value.Money;

import java.util.Map;

/** The purchaser commits to buy {@code amount} of the provider's services within the term's window. */
public record PurchaseCommitment(TermHeader header, Validity validity, String purchaser, String provider,
                                 Money amount) implements Term {

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("purchaser", purchaser).put("provider", provider).put("amount", amount);
        validity.describe(a);
        return a.toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("purchaser", purchaser, "provider", provider);
    }
}
