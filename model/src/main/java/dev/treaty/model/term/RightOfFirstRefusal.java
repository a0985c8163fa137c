package dev.treaty.model.term;

import java.util.Map;

/**
 * Before the grantor takes {@code subject} (e.g. compute capacity) from anyone else, the holder
 * must be offered it and may match within the response window; silence means the default answer.
 */
public record RightOfFirstRefusal(TermHeader header, Validity validity, String holder, String grantor,
                                  String subject, ResponseWindow response) implements Term {

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("holder", holder).put("grantor", grantor).put("subject", subject)
                .put("response within", response);
        validity.describe(a);
        return a.toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("holder", holder, "grantor", grantor);
    }
}
