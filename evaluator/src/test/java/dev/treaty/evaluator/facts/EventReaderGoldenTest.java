package dev.treaty.evaluator.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.language.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type read from a good line, and every field of every type broken every way a field
 * can be (missing, null, a number, blank, and the values its own kind refuses), then what only a
 * whole file shows (repeats, answers before questions, releases of unknown products, byte-order
 * marks, line ends, bytes that are not UTF-8, lines over the limit, folders). What was read and
 * every error and warning are kept in {@code src/test/resources/golden/event-reader.txt}
 * (regenerate with {@code -Dtreaty.updateGolden=true} and review the diff).
 */
class EventReaderGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A good line of each type, its fields in the order written. */
    private static final Map<String, String> GOOD = new LinkedHashMap<>();

    static {
        GOOD.put("product", "{'id':'p','type':'product','on':'2025-01-02','name':'widget','owner':'Acme','kind':'api','capabilities':['gpu']}");
        GOOD.put("release", "{'id':'r','type':'release','on':'2025-01-03','product':'widget','cloud':'azure','segment':'public'}");
        GOOD.put("capability-request", "{'id':'q','type':'capability-request','on':'2025-01-04','product':'widget','capabilities':['gpu','disk'],'to':'Cloud'}");
        GOOD.put("capability-response", "{'id':'a','type':'capability-response','on':'2025-01-05','request':'q','answer':'support','by':'Cloud'}");
        GOOD.put("offer", "{'id':'o','type':'offer','on':'2025-01-06','subject':'capacity','by':'Acme','to':'Cloud','provider':'rival'}");
        GOOD.put("offer-response", "{'id':'or','type':'offer-response','on':'2025-01-07','offer':'o','answer':'exercise','by':'Cloud'}");
        GOOD.put("declaration", "{'id':'d','type':'declaration','on':'2025-01-08','event':'agi','by':'Acme','recorded':'2025-01-08T10:00:00.5Z'}");
        GOOD.put("verification", "{'id':'v','type':'verification','on':'2025-01-09','event':'agi','by':'panel'}");
        GOOD.put("valuation", "{'id':'val','type':'valuation','on':'2025-01-10','issuer':'Acme','amount':'1000000.50','currency':'USD'}");
        GOOD.put("issuance", "{'id':'i','type':'issuance','on':'2025-01-11','issuer':'Acme','dilution':'12.5%'}");
        GOOD.put("spend", "{'id':'s','type':'spend','on':'2025-01-12','purchaser':'Acme','provider':'Cloud','amount':'250','currency':'EUR'}");
        GOOD.put("payment", "{'id':'pay','type':'payment','on':'2025-01-13','payer':'Acme','payee':'Cloud','amount':'0.01','currency':'JPY','reference':'inv-1'}");
        GOOD.put("declaration that ends", "{'id':'fm','type':'declaration','on':'2025-01-14','event':'force-majeure','by':'Acme','through':'2025-01-20'}");
        GOOD.put("measurement", "{'id':'m','type':'measurement','on':'2025-02-02','metric':'availability','value':'99.95%','from':'2025-01-01','through':'2025-01-31','by':'Acme'}");
        GOOD.put("fx-rate", "{'id':'fx','type':'fx-rate','on':'2025-03-31','from':'USD','to':'EUR','rate':'0.9234'}");
        GOOD.put("measurement of a quantity", "{'id':'m3','type':'measurement','on':'2025-02-02','metric':'plays','value':'1250000','unit':'stream','from':'2025-01-01','through':'2025-01-31','by':'Acme'}");
        GOOD.put("measurement of a number", "{'id':'m2','type':'measurement','on':'2025-02-02','metric':'delay-days','value':'3.5','from':'2025-01-01','through':'2025-01-01','by':'Acme'}");
    }

    /** The values each kind of field refuses, besides missing, null, a number and blank. */
    private static final Map<String, List<Object>> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("on", List.of("2025-02-30", "2025-1-2", "20250102"));
        REFUSED.put("recorded", List.of("2025-01-08", "2025-01-08T10:00:00", "yesterday"));
        REFUSED.put("capabilities", List.of("gpu", List.of(1), List.of("gpu", List.of())));
        REFUSED.put("answer", List.of("maybe", "Support"));
        REFUSED.put("amount", List.of("-5", "1e3", "1,000", "12.", "abc", "1000000000000000000"));
        REFUSED.put("currency", List.of("usd", "XYZ1", "ZZZ"));
        REFUSED.put("dilution", List.of("10", "101%", "-1%", "x%"));
        REFUSED.put("type", List.of("Product", "merger"));
        REFUSED.put("value", List.of("99.95 %", "%", "1e3", "ninety"));
        REFUSED.put("rate", List.of("0", "-1.2", "1e3", "abc"));
        REFUSED.put("from", List.of("2025-02-30", "2025-02-01"));
        REFUSED.put("through", List.of("2024-12-31", "2025-13-01"));
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static void describe(StringBuilder out, EventReader.Result result) {
        describe(out, result, 1);
    }

    /** What was read from line {@code from} on (the lines before are the same good ones in every case), and every error and warning. */
    private static void describe(StringBuilder out, EventReader.Result result, long from) {
        for (Fact fact : result.facts()) if (fact.meta().source().line() >= from) out.append("  read ").append(fact).append('\n');
        for (FactError error : result.errors()) out.append("  error ").append(error).append('\n');
        for (FactError warning : result.warnings()) out.append("  warning ").append(warning).append('\n');
    }

    private static EventReader.Result parse(String... lines) {
        List<EventReader.Text> texts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) texts.add(new EventReader.Text(new FactSource(Path.of("e.jsonl"), i + 1), lines[i]));
        return EventReader.parse(texts);
    }

    @Test
    void everyTypeAndEveryBrokenFieldReadsAsRecorded() throws IOException {
        StringBuilder out = new StringBuilder();
        int cases = 0;
        // a good line of each type, read with what it answers or releases
        for (Map.Entry<String, String> good : GOOD.entrySet()) {
            out.append("== a good ").append(good.getKey()).append('\n');
            describe(out, parse(json(GOOD.get("product")), json(GOOD.get("capability-request")), json(GOOD.get("offer")),
                    good.getKey().equals("product") || good.getKey().equals("capability-request") || good.getKey().equals("offer")
                            ? "" : json(good.getValue())), good.getKey().equals("product") ? 1 : 4);
            cases++;
        }
        // each field of each type broken each way
        for (Map.Entry<String, String> good : GOOD.entrySet()) {
            ObjectNode base = (ObjectNode) JSON.readTree(json(good.getValue()));
            List<String> fields = new ArrayList<>();
            base.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                List<Object> values = new ArrayList<>();
                values.add(MISSING);
                values.add(null);
                values.add(5);
                values.add(" ");
                values.addAll(REFUSED.getOrDefault(field, List.of()));
                for (Object value : values) {
                    ObjectNode broken = base.deepCopy();
                    if (!field.equals("id")) broken.put("id", "x");   // not the id of a base line: the broken line is read on its own
                    if (value == MISSING) broken.remove(field);
                    else broken.set(field, JSON.valueToTree(value));
                    String line = broken.toString();
                    out.append("== ").append(good.getKey()).append(" with ").append(field).append(' ')
                            .append(value == MISSING ? "missing" : JSON.writeValueAsString(value)).append('\n');
                    describe(out, parse(json(GOOD.get("product")), json(GOOD.get("capability-request")), json(GOOD.get("offer")), line), 4);
                    cases++;
                }
            }
        }
        // what only several lines show
        String[][] files = {
                {"the same event twice", json(GOOD.get("product")), json(GOOD.get("product"))},
                {"an id used again for another event", json(GOOD.get("product")), json(GOOD.get("product")).replace("widget", "gadget")},
                {"a release of a product no event names", json(GOOD.get("release"))},
                {"a request for a product no event names", json(GOOD.get("capability-request"))},
                {"a release before its product's date", json(GOOD.get("product")).replace("2025-01-02", "2025-02-01"), json(GOOD.get("release"))},
                {"a product declared twice, the earlier counting", json(GOOD.get("product")).replace("2025-01-02", "2025-03-01"),
                        json(GOOD.get("product")).replace("'p'".replace('\'', '"'), "\"p2\"").replace("2025-01-02", "2024-12-01"), json(GOOD.get("release"))},
                {"an answer to no request", json(GOOD.get("capability-response"))},
                {"an answer to an offer, given as to a request", json(GOOD.get("offer")), json(GOOD.get("capability-response")).replace("\"q\"", "\"o\"")},
                {"an answer before its request", json(GOOD.get("product")), json(GOOD.get("capability-request")).replace("2025-01-04", "2025-01-06")
                        .replace("\"q\"", "\"q\""), json(GOOD.get("capability-response"))},
                {"an answer on the day of its request", json(GOOD.get("product")), json(GOOD.get("capability-request")),
                        json(GOOD.get("capability-response")).replace("2025-01-05", "2025-01-04")},
                {"an offer answered before it was made", json(GOOD.get("offer")).replace("2025-01-06", "2025-01-08"), json(GOOD.get("offer-response"))},
                {"an offer answered as if a request", json(GOOD.get("product")), json(GOOD.get("capability-request")),
                        json(GOOD.get("offer-response")).replace("\"o\"", "\"q\"")},
                {"not JSON", "{'id':"},
                {"a duplicate key", "{\"id\":\"x\",\"id\":\"y\"}"},
                {"an array", "[1, 2]"},
                {"a string", "\"product\""},
                {"blank lines", "", "   "},
                {"a payment over the limit of a line", json(GOOD.get("payment")).replace("0.01", Limits.LINE_AMOUNT_UNITS_MAX + ".01")},
                {"a payment at the limit of a line", json(GOOD.get("payment")).replace("0.01", Long.toString(Limits.LINE_AMOUNT_UNITS_MAX))},
                {"a valuation at the limit of an event", json(GOOD.get("valuation")).replace("1000000.50", Long.toString(Limits.EVENT_AMOUNT_UNITS_MAX))},
                {"a valuation over the limit of an event", json(GOOD.get("valuation")).replace("1000000.50", Limits.EVENT_AMOUNT_UNITS_MAX + ".5")},
                {"a dilution of exactly 100%", json(GOOD.get("issuance")).replace("12.5%", "100%")},
                {"a dilution of 0%", json(GOOD.get("issuance")).replace("12.5%", "0%")},
                {"an offer-response declining", json(GOOD.get("offer")), json(GOOD.get("offer-response")).replace("exercise", "decline")},
                {"a capability response declining", json(GOOD.get("product")), json(GOOD.get("capability-request")),
                        json(GOOD.get("capability-response")).replace("support", "decline")},
                {"a line at the length limit", "{\"id\":\"" + "x".repeat(Limits.EVENT_LINE_CHARS_MAX - 9) + "\"}"},
                {"a line over the length limit", "{\"id\":\"" + "x".repeat(Limits.EVENT_LINE_CHARS_MAX - 8) + "\"}"},
        };
        for (String[] file : files) {
            out.append("== ").append(file[0]).append('\n');
            String[] lines = java.util.Arrays.copyOfRange(file, 1, file.length);
            describe(out, parse(lines));
            cases++;
        }
        // what only the bytes of a file show
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] product = json(GOOD.get("product")).getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("a byte-order mark, then a line", concat(bom, product));
        raw.put("a byte-order mark on the second line", concat(product, "\n".getBytes(), bom, json(GOOD.get("release")).getBytes()));
        raw.put("CRLF line ends and a last line without one", concat(product, "\r\n".getBytes(), json(GOOD.get("release")).getBytes()));
        raw.put("bytes that are not UTF-8 on line 2", concat(product, "\n{\"id\":\"\u0000".getBytes(), new byte[]{(byte) 0xC3, (byte) 0x28}, "\"}\n".getBytes()));
        raw.put("a line over the limit, then a good one", concat(("{\"id\":\"" + "x".repeat(Limits.EVENT_LINE_CHARS_MAX) + "\"}\n").getBytes(), product));
        raw.put("a line of exactly the limit in bytes", ("{\"id\":\"" + "x".repeat(Limits.EVENT_LINE_CHARS_MAX - 9) + "\"}").getBytes());
        raw.put("an empty file", new byte[0]);
        raw.put("only line ends", "\n\n\n".getBytes());
        int rawFiles = 0;
        for (Map.Entry<String, byte[]> entry : raw.entrySet()) {
            Path file = Files.write(dir.resolve("raw-" + ++rawFiles + ".jsonl"), entry.getValue());
            out.append("== ").append(entry.getKey()).append('\n');
            describe(out, EventReader.read(List.of(file)));
            cases++;
        }
        out.append("== a folder\n");
        describe(out, EventReader.read(List.of(dir)));
        out.append("== no such file\n");
        describe(out, EventReader.read(List.of(dir.resolve("missing.jsonl"))));
        cases += 2;

        String text = out.toString().replace(dir.toString(), "DIR").replaceAll("x{50,}", "x…");
        Path golden = Path.of("src/test/resources/golden/event-reader.txt");
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.writeString(golden, text);
            return;
        }
        assertThat(cases).as("cases").isEqualTo(EXPECTED_CASES);
        assertThat(text).isEqualTo(Files.readString(golden));
    }

    /** Guards the golden file against a case added or dropped without a look at its expected output. */
    private static final int EXPECTED_CASES = 663;

    private static final Object MISSING = new Object();

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
