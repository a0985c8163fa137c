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

    /** Growth, and a shock's impact, per period at most: 1,000%. */
    static final double GROWTH_MAX = 10;
    /** The volatility of growth per period at most: 500%. Beyond it a path is noise, and doubles overflow. */
    static final double VOLATILITY_MAX = 5;

    static final Set<String> FIELDS = Set.of("product", "kind", "category", "cloud", "region", "segment");
    private static final Set<String> KEYS = Set.of("name", "party", "currency", "start", "through", "period", "revenue",
            "growth", "mix", "shocks", "discount-rate", "valuation-date", "history");

    /**
     * Reads a scenario file; every problem is reported as {@code file: field: reason}. The YAML is
     * read within limits (size, nesting, aliases) before any of it is used; a key given twice is an
     * error, not "the last one wins"; anchors and aliases are followed.
     */
    public static Scenario read(Path file) {
        JsonNode root = yaml(file);
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
        if (revenue.compareTo(BigDecimal.valueOf(dev.treaty.language.Limits.EVENT_AMOUNT_UNITS_MAX)) > 0) {
            r.fail("revenue", "more than " + dev.treaty.language.Limits.EVENT_AMOUNT_UNITS_MAX + " (the limit EVENT_AMOUNT_UNITS_MAX)");
        }
        JsonNode growthNode = root.path("growth");
        if (!growthNode.isObject()) r.fail("growth", "expected a mapping with mean and volatility");
        Growth growth = new Growth(r.choice(growthNode, "growth.distribution", Distribution.class, Distribution.LOGNORMAL),
                r.decimal(growthNode, "growth.mean").doubleValue(), r.decimal(growthNode, "growth.volatility").doubleValue());
        if (growth.volatility() < 0 || growth.volatility() > VOLATILITY_MAX) {
            r.fail("growth.volatility", "must be between 0 and " + VOLATILITY_MAX + " (" + (int) (VOLATILITY_MAX * 100) + "% per period)");
        }
        if (growth.mean() <= -1 || growth.mean() > GROWTH_MAX) {
            r.fail("growth.mean", "must be above -1 (−100% per period) and at most " + GROWTH_MAX + " (" + (int) (GROWTH_MAX * 100) + "%)");
        }
        List<Slice> mix = new ArrayList<>();
        JsonNode mixNode = root.path("mix");
        if (mixNode.isMissingNode()) {
            mix.add(new Slice(BigDecimal.ONE, Map.of()));
        } else {
            if (!mixNode.isArray() || mixNode.isEmpty()) r.fail("mix", "expected a list of slices, each with a share");
            if (mixNode.size() > dev.treaty.language.Limits.SCENARIO_SLICES_MAX) {
                r.fail("mix", mixNode.size() + " slices; the limit SCENARIO_SLICES_MAX is " + dev.treaty.language.Limits.SCENARIO_SLICES_MAX);
            }
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
                if (impact > GROWTH_MAX) r.fail(at + ".impact", "must be at most " + GROWTH_MAX);
                shocks.add(new Shock(r.text(shock, at + ".name", "shock " + (i + 1)), probability, impact));
            }
        }
        BigDecimal discount = root.has("discount-rate") ? r.decimal(root, "discount-rate") : BigDecimal.ZERO;
        if (discount.compareTo(BigDecimal.valueOf(-1)) <= 0 || discount.compareTo(BigDecimal.ONE) > 0) {
            r.fail("discount-rate", "must be above -1 and at most 1 (100% a year)");
        }
        long periods = step == Step.MONTH ? java.time.temporal.ChronoUnit.MONTHS.between(start, through) + 1
                : java.time.temporal.ChronoUnit.MONTHS.between(start, through) / 3 + 1;
        long lines = java.time.temporal.ChronoUnit.MONTHS.between(start, through) + 1;
        long slices = Math.max(1, mixNode.isMissingNode() ? 1 : mixNode.size());
        if (lines * slices > dev.treaty.language.Limits.SCENARIO_LINES_PER_RUN_MAX) {
            r.fail("through", "a run would settle " + lines * slices + " revenue lines (" + lines + " months × " + slices
                    + " slices); the limit SCENARIO_LINES_PER_RUN_MAX is " + dev.treaty.language.Limits.SCENARIO_LINES_PER_RUN_MAX
                    + ": shorten the horizon or the mix");
        }
        LocalDate valuation = root.has("valuation-date") ? r.date(root, "valuation-date", null) : start;
        Optional<Path> history = Optional.empty();
        if (root.has("history")) {
            String named = r.text(root, "history", null);
            Path path = file.toAbsolutePath().getParent().resolve(named);
            // named as written and relative to the scenario, so the message reads the same on any machine
            if (!Files.isRegularFile(path)) r.fail("history", "no such file: " + named + " (beside the scenario)");
            history = Optional.of(path);
        }
        return new Scenario(r.text(root, "name", file.getFileName().toString()), party, currency, start, through, step, revenue,
                growth, mix, shocks, discount, valuation, history, file);
    }

    /** The YAML of a scenario as a tree, read within {@link dev.treaty.language.Limits}. */
    private static JsonNode yaml(Path file) {
        try {
            if (Files.isDirectory(file)) throw new ScenarioException(file + ": is a folder, not a scenario file");
            if (Files.exists(file) && !Files.isRegularFile(file)) throw new ScenarioException(file + ": is not a regular file");
            if (Files.size(file) > dev.treaty.language.Limits.SCENARIO_BYTES_MAX) {
                throw new ScenarioException(file + ": larger than " + dev.treaty.language.Limits.SCENARIO_BYTES_MAX
                        + " bytes (the limit SCENARIO_BYTES_MAX)");
            }
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + (Files.exists(file) ? e.getMessage() : "no such file"));
        }
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(dev.treaty.language.Limits.YAML_ALIASES_MAX);
        options.setNestingDepthLimit(dev.treaty.language.Limits.YAML_NESTING_MAX);
        options.setCodePointLimit(dev.treaty.language.Limits.SCENARIO_BYTES_MAX);
        options.setAllowRecursiveKeys(false);
        org.yaml.snakeyaml.nodes.Node node;
        try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            node = new org.yaml.snakeyaml.Yaml(options).compose(reader);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = String.valueOf(e.getProblem()).replace("found duplicate key", "a key given twice:");
            throw new ScenarioException(file + (mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1))
                    + ": not valid YAML: " + problem);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) throw new ScenarioException(file + ": not UTF-8 text");
            throw new ScenarioException(file + ": not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    .replace("Number of aliases for non-scalar nodes exceeds the specified max=", "more aliases than the limit YAML_ALIASES_MAX = ")
                    .replace("Nesting Depth exceeded max ", "nested deeper than the limit YAML_NESTING_MAX = ")
                    .replace("The incoming YAML document exceeds the limit: ", "larger than the limit SCENARIO_BYTES_MAX = "));
        } catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException e) {
            throw new ScenarioException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + e.getMessage());
        }
        try {
            return node == null ? null : tree(node, new java.util.IdentityHashMap<>(), 0);
        } catch (ScenarioException e) {
            throw new ScenarioException(file + ":" + e.getMessage().replaceFirst("^line ", ""));
        }
    }

    /** A YAML node as a JSON tree: scalars as text (dates and numbers are read later, field by field). */
    private static JsonNode tree(org.yaml.snakeyaml.nodes.Node node, java.util.IdentityHashMap<Object, Boolean> open, int depth) {
        var factory = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (depth > dev.treaty.language.Limits.YAML_NESTING_MAX || open.containsKey(node)) {
            throw new ScenarioException("a scenario nested deeper than the limit YAML_NESTING_MAX, or refers to itself");
        }
        return switch (node) {
            case org.yaml.snakeyaml.nodes.ScalarNode scalar -> scalar.getTag().getValue().endsWith(":null") ? factory.nullNode()
                    : factory.textNode(scalar.getValue());
            case org.yaml.snakeyaml.nodes.SequenceNode sequence -> {
                open.put(node, true);
                var array = factory.arrayNode();
                sequence.getValue().forEach(item -> array.add(tree(item, open, depth + 1)));
                open.remove(node);
                yield array;
            }
            case org.yaml.snakeyaml.nodes.MappingNode mapping -> {
                open.put(node, true);
                var object = factory.objectNode();
                for (var tuple : mapping.getValue()) {
                    if (!(tuple.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key)) {
                        throw new ScenarioException("line " + (tuple.getKeyNode().getStartMark().getLine() + 1) + ": a key must be plain text");
                    }
                    if (object.has(key.getValue())) {
                        throw new ScenarioException("line " + (key.getStartMark().getLine() + 1) + ": not valid YAML: the key '"
                                + key.getValue() + "' is given twice");
                    }
                    object.set(key.getValue(), tree(tuple.getValueNode(), open, depth + 1));
                }
                open.remove(node);
                yield object;
            }
            default -> factory.nullNode();
        };
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
                String text = value.asText().replace("_", "");
                if (text.length() > 40) throw new NumberFormatException("too long");
                BigDecimal number = new BigDecimal(text);
                if (number.abs().compareTo(new BigDecimal("1e18")) > 0 || number.scale() > 12) throw new NumberFormatException("out of range");
                return number;
            } catch (NumberFormatException e) {
                fail(path, "expected a number (at most 10^18, with at most 12 decimals), got '" + value.asText() + "'");
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
