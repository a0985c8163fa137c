package dev.treaty.model.term;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The owner may release products matching {@code products} on {@code clouds} (empty: any
 * cloud), for customers in {@code segments} (empty: every segment). When it is declared an
 * {@code exceptionTo} another release rule it overrides that rule; otherwise a disagreement with
 * another rule is a conflict.
 */
public record ReleasePermission(TermHeader header, Validity validity, String owner, Optional<Filter> products,
                                SortedSet<String> clouds, SortedSet<String> segments,
                                Optional<String> exceptionTo) implements Term {

    public ReleasePermission {
        clouds = new TreeSet<>(clouds);
        segments = new TreeSet<>(segments);
    }

    public boolean anyCloud() {
        return clouds.isEmpty();
    }

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("owner", owner)
                .put("products", products.map(Object::toString).orElse("all"))
                .put("clouds", clouds.isEmpty() ? "any" : clouds.toString())
                .put("segments", segments)
                .put("exception to", exceptionTo);
        validity.describe(a);
        return a.toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("owner", owner);
    }
}
