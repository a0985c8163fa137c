package dev.treaty.model.term;

import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.util.Map;
import java.util.Optional;

/**
 * The holder's shareholding in the issuer as stated by the agreement; later issuance and
 * valuation events change its percentage and value.
 *
 * @param basis  how the percentage is counted ("as-converted diluted"), or empty
 * @param valued the stake's value as stated, if any
 */
public record Stake(TermHeader header, Validity validity, String holder, String issuer, Percentage percentage,
                    String basis, Optional<Money> valued) implements Term {

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("holder", holder).put("issuer", issuer)
                .put("percentage", percentage + (basis.isEmpty() ? "" : " " + basis))
                .put("valued", valued);
        validity.describe(a);
        return a.toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("holder", holder, "issuer", issuer);
    }
}
