package dev.treaty.model.term;

import dev.treaty.language.Limits;
import dev.treaty.language.SourcePosition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The units of quantity an agreement declares ({@code unit stream "Streams"}) and the conversions
 * between them it states ({@code unit thousand-streams = 1000 stream}). Quantities convert only
 * along declared conversions: a stream is never silently a tonne.
 */
public final class Units {

    public static final Units NONE = new Units(Map.of());

    /** One declaration: {@code name}, and if it is defined by another, how many of {@code base} one of it is. */
    public record Declaration(String name, Optional<BigDecimal> factor, Optional<String> base, String title, SourcePosition at) {
        @Override
        public String toString() {
            return name + factor.map(f -> " = " + f.stripTrailingZeros().toPlainString() + " " + base.orElseThrow()).orElse("");
        }
    }

    private final Map<String, Declaration> declared;

    private Units(Map<String, Declaration> declared) {
        this.declared = Map.copyOf(declared);
    }

    /**
     * The units from their declarations, reporting through {@code problems} a unit declared twice
     * differently, a conversion to an undeclared unit, and a cycle; a declaration refused is left out.
     */
    public static Units of(Collection<Declaration> declarations, java.util.function.BiConsumer<Declaration, String> problems) {
        Map<String, Declaration> declared = new LinkedHashMap<>();
        for (Declaration declaration : declarations) {
            Declaration earlier = declared.get(declaration.name());
            if (earlier == null) {
                declared.put(declaration.name(), declaration);
            } else if (!earlier.factor().map(BigDecimal::stripTrailingZeros).equals(declaration.factor().map(BigDecimal::stripTrailingZeros))
                    || !earlier.base().equals(declaration.base())) {
                problems.accept(declaration, "unit " + declaration + " is declared differently at " + earlier.at().toLineString() + " (" + earlier + ")");
            }
        }
        for (Declaration declaration : List.copyOf(declared.values())) {
            if (declaration.base().isPresent() && !declared.containsKey(declaration.base().get())) {
                problems.accept(declaration, "unit " + declaration.name() + " is defined by '" + declaration.base().get()
                        + "', which is not a declared unit; declared: " + String.join(", ", declared.keySet()));
                declared.remove(declaration.name());
                continue;
            }
            List<String> path = new ArrayList<>();
            String current = declaration.name();
            while (current != null) {
                if (path.contains(current) || path.size() > Limits.KIND_DEPTH_MAX) {
                    path.add(current);
                    problems.accept(declaration, "units are defined in a cycle (or too deep): " + String.join(" = ", path));
                    declared.remove(declaration.name());
                    break;
                }
                path.add(current);
                Declaration next = declared.get(current);
                current = next == null ? null : next.base().orElse(null);
            }
        }
        return declared.isEmpty() ? NONE : new Units(declared);
    }

    public boolean has(String unit) {
        return declared.containsKey(unit);
    }

    public Set<String> names() {
        return new java.util.TreeSet<>(declared.keySet());
    }

    /** The unit a unit is ultimately defined by, and how many of it one of {@code unit} is. */
    private Map.Entry<String, BigDecimal> root(String unit) {
        BigDecimal factor = BigDecimal.ONE;
        String current = unit;
        while (declared.get(current) != null && declared.get(current).base().isPresent()) {
            factor = factor.multiply(declared.get(current).factor().orElseThrow());
            current = declared.get(current).base().get();
        }
        return Map.entry(current, factor);
    }

    /**
     * How many {@code to} one {@code from} is, along declared conversions; empty when they are not
     * declared, or not declared as the same kind of quantity.
     */
    public Optional<BigDecimal> factor(String from, String to) {
        if (from.equals(to)) return Optional.of(BigDecimal.ONE);
        if (!has(from) || !has(to)) return Optional.empty();
        var a = root(from);
        var b = root(to);
        if (!a.getKey().equals(b.getKey())) return Optional.empty();
        return Optional.of(a.getValue().divide(b.getValue(), MathContext.DECIMAL128));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Units units && units.declared.equals(declared);
    }

    @Override
    public int hashCode() {
        return declared.hashCode();
    }

    @Override
    public String toString() {
        return declared.values().stream().map(Declaration::toString).toList().toString();
    }
}
