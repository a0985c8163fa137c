package dev.treaty.model.term;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the ordered attribute map that {@link Term#attributes()} returns. */
final class Attributes {

    private final Map<String, String> values = new LinkedHashMap<>();

    Attributes put(String name, Object value) {
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> put(name, v));
        } else if (value instanceof Collection<?> collection) {
            if (!collection.isEmpty()) {
                values.put(name, collection.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
            }
        } else if (value != null) {
            values.put(name, String.valueOf(value));
        }
        return this;
    }

    Map<String, String> toMap() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
