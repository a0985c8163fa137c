package dev.treaty.evaluator.simulate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A revenue scenario: one party's revenue per period, from a starting level, growing by a random
 * rate each period, split into lines by a fixed mix, and hit now and then by shocks.
 *
 * @param revenue      the revenue of the period before {@code start}: the level growth starts from
 * @param history      revenue actually recorded before {@code start} (counts toward caps and tiers)
 * @param discountRate per year, for present values at {@code valuationDate}
 */
public record Scenario(String name, String party, Currency currency, LocalDate start, LocalDate through, Step step,
                       BigDecimal revenue, Growth growth, List<Slice> mix, List<Shock> shocks, BigDecimal discountRate,
                       LocalDate valuationDate, Optional<Path> history, Path file) {

    public Scenario {
        mix = List.copyOf(mix);
        shocks = List.copyOf(shocks);
    }

    /** How long one simulated period is. */
    public enum Step { MONTH, QUARTER }

    public enum Distribution { NORMAL, LOGNORMAL }

    /** The growth rate per period: mean and volatility (standard deviation) of the rate. */
    public record Growth(Distribution distribution, double mean, double volatility) {
    }

    /** A part of each period's revenue: its share and the fields its lines carry (product, cloud, …). */
    public record Slice(BigDecimal share, Map<String, String> fields) {
        public Slice {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String field(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    /** With {@code probability} per period, revenue's level changes by {@code impact} (−0.3: down 30%) from then on. */
    public record Shock(String name, double probability, double impact) {
    }

    static final Set<String> FIELDS = Set.of("product", "kind", "category", "cloud", "region", "segment");
    private static final Set<String> KEYS = Set.of("name", "party", "currency", "start", "through", "period", "revenue",
            "growth", "mix", "shocks", "discount-rate", "valuation-date", "history");

    /** Reads a scenario file; every problem is reported as {@code file: field: reason}. */
    public static Scenario read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new ScenarioException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new ScenarioException(file + ": expected a mapping of scenario fields");
        Reader r = new Reader(file);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) r.fail(key, "unknown field; expected one of " + new java.util.TreeSet<>(KEYS));
        }
        String party = r.text(root, "party", null);
        Currency currency = r.currency(root, "currency");
        LocalDate start = r.date(root, "start", null);
        LocalDate through = r.date(root, "through", null);
        if (!through.isAfter(start)) r.fail("through", through + " is not after start " + start);
        Step step = r.choice(root, "period", Step.class, Step.QUARTER);
        BigDecimal revenue = r.decimal(root, "revenue");
        if (revenue.signum() < 0) r.fail("revenue", "must not be negative");
        JsonNode growthNode = root.path("growth");
        if (!growthNode.isObject()) r.fail("growth", "expected a mapping with mean and volatility");
        Growth growth = new Growth(r.choice(growthNode, "growth.distribution", Distribution.class, Distribution.LOGNORMAL),
                r.decimal(growthNode, "growth.mean").doubleValue(), r.decimal(growthNode, "growth.volatility").doubleValue());
        if (growth.volatility() < 0) r.fail("growth.volatility", "must not be negative");
        if (growth.mean() <= -1) r.fail("growth.mean", "must be above -1 (−100% per period)");
        List<Slice> mix = new ArrayList<>();
        JsonNode mixNode = root.path("mix");
        if (mixNode.isMissingNode()) {
            mix.add(new Slice(BigDecimal.ONE, Map.of()));
        } else {
            if (!mixNode.isArray() || mixNode.isEmpty()) r.fail("mix", "expected a list of slices, each with a share");
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < mixNode.size(); i++) {
                JsonNode slice = mixNode.get(i);
                String at = "mix[" + i + "]";
                if (!slice.isObject()) r.fail(at, "expected a mapping with share and fields such as product and cloud");
                Map<String, String> fields = new LinkedHashMap<>();
                BigDecimal share = null;
                for (Iterator<Map.Entry<String, JsonNode>> it = slice.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getKey().equals("share")) {
                        share = r.decimal(slice, at + ".share");
                    } else if (FIELDS.contains(field.getKey())) {
                        if (!field.getValue().isValueNode()) r.fail(at + "." + field.getKey(), "expected a text value");
                        fields.put(field.getKey(), field.getValue().asText());
                    } else {
                        r.fail(at + "." + field.getKey(), "unknown field; expected share or one of " + new java.util.TreeSet<>(FIELDS));
                    }
                }
                if (share == null) r.fail(at + ".share", "missing");
                if (share.signum() <= 0) r.fail(at + ".share", "must be above 0");
                total = total.add(share);
                mix.add(new Slice(share, fields));
            }
            if (total.compareTo(BigDecimal.ONE) != 0) r.fail("mix", "the shares add up to " + total.toPlainString() + ", not 1");
        }
        List<Shock> shocks = new ArrayList<>();
        JsonNode shockNode = root.path("shocks");
        if (!shockNode.isMissingNode()) {
            if (!shockNode.isArray()) r.fail("shocks", "expected a list of shocks, each with probability and impact");
            for (int i = 0; i < shockNode.size(); i++) {
                JsonNode shock = shockNode.get(i);
                String at = "shocks[" + i + "]";
                if (!shock.isObject()) r.fail(at, "expected a mapping with name, probability and impact");
                double probability = r.decimal(shock, at + ".probability").doubleValue();
                if (probability < 0 || probability > 1) r.fail(at + ".probability", "must be between 0 and 1");
                double impact = r.decimal(shock, at + ".impact").doubleValue();
                if (impact <= -1) r.fail(at + ".impact", "must be above -1 (revenue cannot fall below nothing)");
                shocks.add(new Shock(r.text(shock, at + ".name", "shock " + (i + 1)), probability, impact));
            }
        }
        BigDecimal discount = root.has("discount-rate") ? r.decimal(root, "discount-rate") : BigDecimal.ZERO;
        if (discount.compareTo(BigDecimal.valueOf(-1)) <= 0) r.fail("discount-rate", "must be above -1");
        LocalDate valuation = root.has("valuation-date") ? r.date(root, "valuation-date", null) : start;
        Optional<Path> history = Optional.empty();
        if (root.has("history")) {
            Path path = file.toAbsolutePath().getParent().resolve(r.text(root, "history", null));
            if (!Files.isRegularFile(path)) r.fail("history", "no such file: " + path);
            history = Optional.of(path);
        }
        return new Scenario(r.text(root, "name", file.getFileName().toString()), party, currency, start, through, step, revenue,
                growth, mix, shocks, discount, valuation, history, file);
    }

    /** Field readers that name the field and the reason on failure. */
    private record Reader(Path file) {

        void fail(String field, String reason) {
            throw new ScenarioException(file + ": " + field + ": " + reason);
        }

        private static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        JsonNode need(JsonNode node, String path) {
            JsonNode value = node.get(leaf(path));
            if (value == null || value.isNull()) fail(path, "missing");
            return value;
        }

        String text(JsonNode node, String path, String fallback) {
            JsonNode value = node.get(leaf(path));
            if ((value == null || value.isNull()) && fallback != null) return fallback;
            value = need(node, path);
            if (!value.isValueNode() || value.asText().isBlank()) fail(path, "expected a text value");
            return value.asText();
        }

        BigDecimal decimal(JsonNode node, String path) {
            JsonNode value = need(node, path);
            try {
                return new BigDecimal(value.asText().replace("_", ""));
            } catch (NumberFormatException e) {
                fail(path, "expected a number, got '" + value.asText() + "'");
                return null;
            }
        }

        LocalDate date(JsonNode node, String path, LocalDate fallback) {
            String text = text(node, path, fallback == null ? null : fallback.toString());
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                fail(path, "expected a date YYYY-MM-DD, got '" + text + "'");
                return null;
            }
        }

        Currency currency(JsonNode node, String path) {
            String code = text(node, path, null);
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                fail(path, "'" + code + "' is not an ISO 4217 currency code");
                return null;
            }
        }

        <E extends Enum<E>> E choice(JsonNode node, String path, Class<E> type, E fallback) {
            String text = text(node, path, fallback.name().toLowerCase(java.util.Locale.ROOT));
            for (E value : type.getEnumConstants()) {
                if (value.name().equalsIgnoreCase(text)) return value;
            }
            fail(path, "'" + text + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList());
            return null;
        }
    }
}
