package dev.treaty.evaluator.facts;

import dev.treaty.language.Limits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads events from JSON Lines: one object a line with {@code id}, {@code type}, {@code on},
 * optionally {@code recorded}, and the fields of its type. Unknown fields are kept in the file
 * and ignored; unknown types, missing or mistyped fields are errors.
 */
public final class EventReader {

    public static final Set<String> TYPES = Set.of("product", "release", "capability-request", "capability-response",
            "offer", "offer-response", "declaration", "verification", "valuation", "issuance", "spend", "payment", "measurement", "fx-rate");

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,12})?");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,12})?%");

    /**
     * What a read produced: the facts of the good lines, the bad lines, and the lines that are
     * odd but may be true (a release dated before its product's event): warnings, which
     * {@code --strict} makes errors.
     */
    public record Result(List<Fact> facts, List<FactError> errors, List<FactError> warnings) {
        public Result(List<Fact> facts, List<FactError> errors) {
            this(facts, errors, List.of());
        }
    }

    private EventReader() {
    }

    public static Result read(List<Path> files) {
        Reading reading = new Reading();
        for (Path file : files) {
            readFile(file, reading);
        }
        return reading.result();
    }

    /** One event line kept elsewhere (the store): where it was first read, and its text. */
    public record Text(FactSource source, String text) {
    }

    /** Parses event lines already read (from the store), with the same checks as files get. */
    public static Result parse(List<Text> texts) {
        Reading reading = new Reading();
        for (Text text : texts) reading.line(text.text(), text.source().file(), text.source().line());
        return reading.result();
    }

    /** The events and errors of one read, and the ids seen, to tell a repeat from a conflict. */
    private static final class Reading {
        final List<Fact> facts = new ArrayList<>();
        final List<FactError> errors = new ArrayList<>();
        final Map<String, String> contentById = new HashMap<>();
        final Map<String, FactSource> sourceById = new HashMap<>();

        void line(String text, Path file, long number) {
            if (text.isBlank()) return;
            Line line = new Line(file, number, errors);
            if (text.length() > Limits.EVENT_LINE_CHARS_MAX) {
                line.error("", "line is longer than " + Limits.EVENT_LINE_CHARS_MAX + " characters (the limit EVENT_LINE_CHARS_MAX)");
                return;
            }
            JsonLine read;
            try {
                read = JsonLine.read(text);
            } catch (JsonProcessingException e) {
                line.error("", "not valid JSON: " + jsonProblem(e));
                return;
            }
            JsonNode node = read.tree();
            if (!node.isObject()) {
                line.error("", "each line must be one JSON object");
                return;
            }
            Fact fact = EventReader.parse(node, line);
            if (fact == null) return;
            String content = read.text();
            String earlier = contentById.putIfAbsent(fact.id(), content);
            if (earlier != null) {
                if (!earlier.equals(content)) {
                    line.error("id", "id '" + fact.id() + "' is already used by a different event at " + sourceById.get(fact.id()));
                }
                return;   // the same event twice is stored once
            }
            sourceById.put(fact.id(), fact.meta().source());
            facts.add(fact);
        }

        Result result() {
            // Answers must name a request or an offer that exists, and cannot come before it.
            Map<String, Fact> asked = new HashMap<>();
            facts.forEach(f -> {
                if (f instanceof Fact.CapabilityRequest || f instanceof Fact.Offer) asked.put(f.id(), f);
            });
            // Releases and requests must name a product some event declares; a release before the product's own date is odd
            Map<String, Fact.Product> products = new HashMap<>();
            facts.forEach(f -> {
                if (f instanceof Fact.Product p) products.merge(p.name(), p, (a, b) -> a.on().isAfter(b.on()) ? b : a);
            });
            List<FactError> warnings = new ArrayList<>();
            List<Fact> checked = new ArrayList<>();
            for (Fact fact : facts) {
                String product = fact instanceof Fact.Release r ? r.product() : fact instanceof Fact.CapabilityRequest r ? r.product() : null;
                if (product != null) {
                    Fact.Product declared = products.get(product);
                    if (declared == null) {
                        errors.add(new FactError(fact.meta().source().file(), fact.meta().source().line(), "product",
                                "no product event names '" + product + "'"));
                        continue;
                    }
                    if (fact.on().isBefore(declared.on())) {
                        warnings.add(new FactError(fact.meta().source().file(), fact.meta().source().line(), "on", fact.on()
                                + " is before product '" + product + "' exists (" + declared.on() + ", " + declared.meta().source() + ")"));
                    }
                }
                String problem = switch (fact) {
                    case Fact.CapabilityResponse response -> answers(response.request(), "capability-request",
                            Fact.CapabilityRequest.class, fact, asked);
                    case Fact.OfferResponse response -> answers(response.offer(), "offer", Fact.Offer.class, fact, asked);
                    default -> null;
                };
                if (problem != null) {
                    errors.add(new FactError(fact.meta().source().file(), fact.meta().source().line(),
                            fact instanceof Fact.OfferResponse ? "offer" : "request", problem));
                    continue;
                }
                checked.add(fact);
            }
            return new Result(List.copyOf(checked), List.copyOf(errors), List.copyOf(warnings));
        }

        /** Why an answer cannot stand, or null: it names nothing asked, or it came before the question. */
        private static String answers(String id, String what, Class<? extends Fact> type, Fact answer, Map<String, Fact> asked) {
            Fact question = asked.get(id);
            if (!type.isInstance(question)) return "no " + what + " has id '" + id + "'";
            if (answer.on().isBefore(question.on())) {
                return "answered on " + answer.on() + ", before " + what + " '" + id + "' was made on " + question.on();
            }
            return null;
        }
    }

    /**
     * Reads a file line by line in bounded memory: a line longer than
     * {@link Limits#EVENT_LINE_CHARS_MAX} bytes is reported and skipped without being held whole;
     * each line is decoded on its own, so a byte that is not UTF-8 is reported at its line; a
     * byte-order mark at the start is allowed.
     */
    private static void readFile(Path file, Reading reading) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            reading.errors.add(new FactError(file, 0, "", Files.isDirectory(file) ? "is a folder, not an events file"
                    : "is not a regular file (a device or a pipe has no end to read to)"));
            return;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] line = new byte[1024];
            int length = 0;
            boolean tooLong = false;
            long number = 1;
            boolean first = true;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b == -1) {
                    if (b == -1 && length == 0 && !tooLong) break;
                    if (tooLong) {
                        reading.errors.add(new FactError(file, number, "", "line is longer than " + Limits.EVENT_LINE_CHARS_MAX
                                + " bytes (the limit EVENT_LINE_CHARS_MAX)"));
                    } else {
                        int start = first && length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF ? 3 : 0;
                        int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
                        try {
                            String text = decoder.decode(java.nio.ByteBuffer.wrap(line, start, end - start)).toString();
                            reading.line(text, file, number);
                        } catch (java.nio.charset.CharacterCodingException e) {
                            reading.errors.add(new FactError(file, number, "", "not UTF-8 text"));
                        }
                    }
                    if (b == -1) break;
                    number++;
                    length = 0;
                    tooLong = false;
                    first = false;
                    continue;
                }
                if (tooLong) continue;
                if (length == Limits.EVENT_LINE_CHARS_MAX) {
                    tooLong = true;
                    continue;
                }
                if (length == line.length) line = java.util.Arrays.copyOf(line, Math.min(Limits.EVENT_LINE_CHARS_MAX, line.length * 2));
                line[length++] = (byte) b;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            reading.errors.add(new FactError(file, 0, "", "no such file"));
        } catch (IOException e) {
            reading.errors.add(new FactError(file, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    /** The JSON parser's complaint in plain words: its first sentence, without its feature names and source. */
    static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
        message = message.replaceAll("\\s*\\(?(for|to) (?:Object|include|allow)[^)]*\\)?", "").replaceAll("\\s*\\(through reference chain.*", "")
                .replaceAll("\\s*\\(`?[A-Z][A-Za-z]*Feature\\.[A-Z_]+`?[^)]*\\)", "").replaceAll("\\s*Source: .*", "");
        int end = message.indexOf('\n');
        if (end >= 0) message = message.substring(0, end);
        if (message.startsWith("Duplicate field")) return message.replace("Duplicate field", "duplicate key");
        return message.strip();
    }

    private static Fact parse(JsonNode node, Line line) {
        String type = line.text(node, "type");
        String id = line.text(node, "id");
        LocalDate on = line.date(node, "on");
        Optional<Instant> recorded = line.optionalInstant(node, "recorded");
        if (type == null || id == null || on == null || recorded == null) return null;
        if (!TYPES.contains(type)) {
            line.error("type", "unknown type '" + type + "'; types are " + String.join(", ", new java.util.TreeSet<>(TYPES)));
            return null;
        }
        Fact.Meta meta = new Fact.Meta(id, on, recorded, new FactSource(line.file, line.number));
        int errorsBefore = line.errors.size();
        Fact fact = switch (type) {
            case "product" -> new Fact.Product(meta, line.text(node, "name"), line.text(node, "owner"), line.text(node, "kind"),
                    line.strings(node, "capabilities"));
            case "release" -> new Fact.Release(meta, line.text(node, "product"), line.text(node, "cloud"),
                    line.optionalText(node, "segment"));
            case "capability-request" -> new Fact.CapabilityRequest(meta, line.text(node, "product"),
                    line.strings(node, "capabilities"), line.text(node, "to"));
            case "capability-response" -> new Fact.CapabilityResponse(meta, line.text(node, "request"), line.answer(node),
                    line.text(node, "by"));
            case "offer" -> new Fact.Offer(meta, line.text(node, "subject"), line.text(node, "by"), line.text(node, "to"),
                    line.optionalText(node, "provider"));
            case "offer-response" -> new Fact.OfferResponse(meta, line.text(node, "offer"), line.offerAnswer(node),
                    line.text(node, "by"));
            case "declaration" -> new Fact.Declaration(meta, line.text(node, "event"), line.text(node, "by"),
                    line.optionalDate(node, "through", on));
            case "verification" -> new Fact.Verification(meta, line.text(node, "event"), line.text(node, "by"));
            case "valuation" -> new Fact.Valuation(meta, line.text(node, "issuer"), line.money(node));
            case "issuance" -> new Fact.Issuance(meta, line.text(node, "issuer"), line.dilution(node));
            case "spend" -> new Fact.Spend(meta, line.text(node, "purchaser"), line.text(node, "provider"), line.money(node));
            case "payment" -> new Fact.Payment(meta, line.text(node, "payer"), line.text(node, "payee"), line.money(node),
                    line.optionalText(node, "reference"));
            case "measurement" -> line.measurement(node, meta);
            case "fx-rate" -> line.fxRate(node, meta);
            default -> throw new IllegalStateException("type without a reader: " + type);
        };
        return line.errors.size() == errorsBefore ? fact : null;
    }

    /** Reads fields of one line, reporting each problem with the field's name. */
    private record Line(Path file, long number, List<FactError> errors) {

        void error(String field, String reason) {
            errors.add(new FactError(file, number, field, reason));
        }

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                error(field, "missing");
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                error(field, "must be a non-empty string");
                return null;
            }
            return value.asText();
        }

        Optional<String> optionalText(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) return Optional.empty();
            return Optional.ofNullable(text(node, field));
        }

        List<String> strings(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) return List.of();
            if (!value.isArray()) {
                error(field, "must be an array of strings");
                return List.of();
            }
            List<String> strings = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    error(field, "must be an array of strings");
                    return List.of();
                }
                strings.add(item.asText());
            }
            return List.copyOf(strings);
        }

        LocalDate date(JsonNode node, String field) {
            String text = text(node, field);
            if (text == null) return null;
            try {
                return LocalDate.parse(text, ISO_DATE);
            } catch (DateTimeParseException e) {
                error(field, "'" + text + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        /** Empty when absent; a date not before {@code notBefore}; null when present and bad (reported). */
        Optional<LocalDate> optionalDate(JsonNode node, String field, LocalDate notBefore) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) return Optional.empty();
            LocalDate date = date(node, field);
            if (date == null) return null;
            if (notBefore != null && date.isBefore(notBefore)) {
                error(field, date + " is before " + notBefore + ", the day it starts");
                return null;
            }
            return Optional.of(date);
        }

        /**
         * A measurement: {@code metric}, {@code value} (a percentage such as "99.95%" or a decimal
         * number such as "3.5", as a string), the days it covers ({@code from}, {@code through}) and who measured it ({@code by}).
         */
        Fact.Measurement measurement(JsonNode node, Fact.Meta meta) {
            String metric = text(node, "metric");
            String by = text(node, "by");
            LocalDate from = date(node, "from");
            LocalDate through = from == null ? null : date(node, "through");
            if (from != null && through != null && through.isBefore(from)) {
                error("through", through + " is before from (" + from + ")");
                return null;
            }
            JsonNode raw = node.get("value");
            if (raw != null && raw.isNumber()) {
                error("value", "must be a string such as \"99.95%\" or \"3.5\", not a JSON number");
                return null;
            }
            String text = text(node, "value");
            if (metric == null || by == null || from == null || through == null || text == null) return null;
            boolean percent = text.endsWith("%");
            String number = percent ? text.substring(0, text.length() - 1) : text;
            if (!DECIMAL.matcher(number).matches()) {
                error("value", "'" + text + "' is not a percentage such as \"99.95%\" or a number such as \"3.5\"");
                return null;
            }
            Optional<String> unit = optionalText(node, "unit");
            if (unit == null) return null;
            if (percent && unit.isPresent()) {
                error("unit", "a percentage has no unit; a quantity such as \"1250000\" has one");
                return null;
            }
            return new Fact.Measurement(meta, metric, new BigDecimal(number), percent, from, through, by, unit);
        }

        /** An exchange rate: {@code from} and {@code to} currency codes, {@code rate} a positive decimal string. */
        Fact.FxRate fxRate(JsonNode node, Fact.Meta meta) {
            Currency from = currency(node, "from");
            Currency to = currency(node, "to");
            JsonNode raw = node.get("rate");
            if (raw != null && raw.isNumber()) {
                error("rate", "must be a decimal string such as \"0.9234\", not a JSON number");
                return null;
            }
            String text = text(node, "rate");
            if (from == null || to == null || text == null) return null;
            if (!DECIMAL.matcher(text).matches() || text.startsWith("-") || new BigDecimal(text).signum() == 0) {
                error("rate", "'" + text + "' is not a positive decimal rate such as \"0.9234\"");
                return null;
            }
            if (from.equals(to)) {
                error("to", "the same currency as from (" + from + ")");
                return null;
            }
            return new Fact.FxRate(meta, from, to, new BigDecimal(text));
        }

        private Currency currency(JsonNode node, String field) {
            String code = text(node, field);
            if (code == null) return null;
            try {
                if (!code.matches("[A-Z]{3}")) throw new IllegalArgumentException();
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                error(field, "unknown currency '" + code + "'");
                return null;
            }
        }

        /** Empty when absent; null when present and bad (reported). */
        Optional<Instant> optionalInstant(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) return Optional.empty();
            String text = text(node, field);
            if (text == null) return null;
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                error(field, "'" + text + "' is not an ISO-8601 instant such as 2026-04-27T06:00:00Z");
                return null;
            }
        }

        Money money(JsonNode node) {
            JsonNode amount = node.get("amount");
            if (amount != null && amount.isNumber()) {
                error("amount", "must be a decimal string such as \"1000.00\", not a JSON number");
                return null;
            }
            String text = text(node, "amount");
            String code = text(node, "currency");
            if (text == null || code == null) return null;
            if (!DECIMAL.matcher(text).matches()) {
                error("amount", "'" + text + "' is not a decimal amount");
                return null;
            }
            if (text.startsWith("-")) {
                error("amount", "must not be negative");
                return null;
            }
            BigDecimal value = new BigDecimal(text);
            long max = node.path("type").asText().equals("payment") ? Limits.LINE_AMOUNT_UNITS_MAX : Limits.EVENT_AMOUNT_UNITS_MAX;
            if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
                error("amount", text + " is more than the largest amount a " + node.path("type").asText() + " may carry ("
                        + String.format(java.util.Locale.ROOT, "%,d", max) + "; see docs/limits.md)");
                return null;
            }
            try {
                return Money.of(value, Currency.getInstance(code));
            } catch (IllegalArgumentException e) {
                error("currency", "unknown currency '" + code + "'");
                return null;
            }
        }

        Percentage dilution(JsonNode node) {
            String text = text(node, "dilution");
            if (text == null) return null;
            if (!PERCENT.matcher(text).matches()) {
                error("dilution", "'" + text + "' is not a percentage such as \"10%\"");
                return null;
            }
            Percentage dilution = new Percentage(new BigDecimal(text.substring(0, text.length() - 1)));
            if (dilution.isOverHundred()) {
                error("dilution", text + " is over 100%");
                return null;
            }
            return dilution;
        }

        Fact.OfferAnswer offerAnswer(JsonNode node) {
            String text = text(node, "answer");
            if (text == null) return null;
            return switch (text) {
                case "exercise" -> Fact.OfferAnswer.EXERCISE;
                case "decline" -> Fact.OfferAnswer.DECLINE;
                default -> {
                    error("answer", "'" + text + "' is not an answer to an offer; use \"exercise\" or \"decline\"");
                    yield null;
                }
            };
        }

        Fact.Answer answer(JsonNode node) {
            String text = text(node, "answer");
            if (text == null) return null;
            return switch (text) {
                case "support" -> Fact.Answer.SUPPORT;
                case "decline" -> Fact.Answer.DECLINE;
                default -> {
                    error("answer", "'" + text + "' is not an answer; use \"support\" or \"decline\"");
                    yield null;
                }
            };
        }
    }
}
