package dev.treaty.model.term;

import dev.treaty.language.Limits;
import dev.treaty.language.SourcePosition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The declared hierarchy of product kinds ({@code kind stateless-api is api}): a product of a kind
 * is also of every kind above it, so {@code kind = api} matches a stateless API wherever a filter
 * or a rule tests a kind. A kind nobody declared stands alone. Immutable.
 */
public final class ProductKinds {


    public static final ProductKinds NONE = new ProductKinds(Map.of());

    /** One {@code kind NAME [is PARENT] ["title"]} statement. */
    public record Declaration(String name, Optional<String> parent, String title, SourcePosition at) {
    }

    private final Map<String, Declaration> declared;
    /** Each declared kind with itself and every kind above it. */
    private final Map<String, Set<String>> lineage;
    /** The same chains as arrays, for {@link #isAny}, which filters ask per decision. */
    private final Map<String, String[]> ancestry;
    /** Each declared kind with itself and every kind below it. */
    private final Map<String, Set<String>> descendants;

    private ProductKinds(Map<String, Declaration> declared) {
        this.declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
        Map<String, Set<String>> up = new LinkedHashMap<>();
        Map<String, Set<String>> down = new LinkedHashMap<>();
        for (String kind : declared.keySet()) {
            Set<String> chain = new LinkedHashSet<>();
            String current = kind;
            while (current != null && chain.add(current) && chain.size() <= Limits.KIND_DEPTH_MAX) {
                Declaration declaration = declared.get(current);
                current = declaration == null ? null : declaration.parent().orElse(null);
            }
            up.put(kind, Collections.unmodifiableSet(chain));
            for (String ancestor : chain) down.computeIfAbsent(ancestor, k -> new TreeSet<>()).add(kind);
        }
        this.lineage = Collections.unmodifiableMap(up);
        Map<String, String[]> arrays = new java.util.HashMap<>();
        up.forEach((kind, chain) -> arrays.put(kind, chain.toArray(String[]::new)));
        this.ancestry = arrays;
        down.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        this.descendants = Collections.unmodifiableMap(down);
    }

    /**
     * Builds the hierarchy from declarations, reporting a kind declared twice with another parent
     * or a cycle through {@code problems}; a declaration that is refused is left out.
     */
    public static ProductKinds of(Collection<Declaration> declarations, java.util.function.BiConsumer<Declaration, String> problems) {
        Map<String, Declaration> declared = new LinkedHashMap<>();
        for (Declaration declaration : declarations) {
            Declaration earlier = declared.get(declaration.name());
            if (earlier == null) {
                declared.put(declaration.name(), declaration);
            } else if (!earlier.parent().equals(declaration.parent())) {
                problems.accept(declaration, "kind " + declaration.name() + " is declared "
                        + declaration.parent().map(p -> "under " + p).orElse("with no parent") + " here, but "
                        + earlier.parent().map(p -> "under " + p).orElse("with no parent") + " at " + earlier.at().toLineString());
            }
        }
        for (Declaration declaration : List.copyOf(declared.values())) {
            List<String> path = new ArrayList<>();
            String current = declaration.name();
            while (current != null) {
                if (path.contains(current)) {
                    path.add(current);
                    problems.accept(declaration, "kinds form a cycle: " + String.join(" is ", path));
                    declared.remove(declaration.name());
                    break;
                }
                path.add(current);
                if (path.size() > Limits.KIND_DEPTH_MAX) {
                    problems.accept(declaration, "kind " + declaration.name() + " is more than " + Limits.KIND_DEPTH_MAX
                            + " levels deep (the limit of a kind hierarchy)");
                    declared.remove(declaration.name());
                    break;
                }
                Declaration next = declared.get(current);
                current = next == null ? null : next.parent().orElse(null);
            }
        }
        return declared.isEmpty() ? NONE : new ProductKinds(declared);
    }

    public boolean isEmpty() {
        return declared.isEmpty();
    }

    public Map<String, Declaration> declared() {
        return declared;
    }

    /** The kind itself and every kind above it ("stateless-api" → [stateless-api, api]). */
    public Set<String> lineage(String kind) {
        Set<String> chain = lineage.get(kind);
        return chain != null ? chain : Set.of(kind);
    }

    /** The kind itself and every kind below it ("api" → [api, stateless-api]). */
    public Set<String> descendants(String kind) {
        Set<String> below = descendants.get(kind);
        return below != null ? below : Set.of(kind);
    }

    /** Whether a product of kind {@code kind} is of kind {@code other}: the same, or below it. */
    public boolean isA(String kind, String other) {
        return kind.equals(other) || lineage(kind).contains(other);
    }

    /** Whether a thing of kind {@code kind} is of one of {@code kinds}. */
    public boolean isAny(String kind, Set<String> kinds) {
        if (kinds.contains(kind)) return true;
        String[] chain = ancestry.get(kind);
        if (chain == null) return false;
        for (String ancestor : chain) if (kinds.contains(ancestor)) return true;   // an array: no iterator per question
        return false;
    }

    /** "stateless-api is api" for a kind with a parent; the kind otherwise. */
    public String describe(String kind) {
        Set<String> chain = lineage(kind);
        return chain.size() <= 1 ? kind : String.join(" is ", chain);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProductKinds kinds && kinds.declared.equals(declared);
    }

    @Override
    public int hashCode() {
        return declared.hashCode();
    }

    @Override
    public String toString() {
        return declared.values().stream().map(d -> d.name() + d.parent().map(p -> " is " + p).orElse(""))
                .toList().toString();
    }
}
