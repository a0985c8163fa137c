package dev.treaty.model.term;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named event the agreement recognises, such as {@code agi}: who may declare it and who, if
 * anyone, must verify a declaration before it counts as verified.
 */
public record EventDefinition(TermHeader header, Optional<String> declaredBy, Optional<String> verifiedBy)
        implements Term {

    @Override
    public Validity validity() {
        return Validity.ALWAYS;
    }

    @Override
    public Map<String, String> attributes() {
        return new Attributes().put("declared by", declaredBy).put("verified by", verifiedBy).toMap();
    }

    /** Only the declaring party must be a party; a verifier such as an expert panel need not be. */
    @Override
    public Map<String, String> parties() {
        Map<String, String> parties = new LinkedHashMap<>();
        declaredBy.ifPresent(p -> parties.put("declared by", p));
        return parties;
    }
}
