package dev.treaty.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inputs an attacker or a careless user would give, across agreements, revenue CSV, events JSON
 * Lines, scenario YAML and the command line. Every one must end in exit 0 (an answer, perhaps with
 * a warning) or 2 (refused, with a clear message), never 1 (which means DENIED) and never 70 (a
 * crash); print no stack trace; stay within the test JVM's 512 MB heap; and take less than ten
 * seconds. Each case's whole transcript is a golden file under {@code golden/hostile/}. The inputs
 * are generated under {@code target/hostile/} (big ones are never committed).
 */
class HostileInputTest {

    private static final Path WORK = Path.of("target/hostile");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/hostile");
    private static final String FLAGSHIP = Cli.flagship();
    private static final String EVENTS = "../examples/microsoft-openai/facts/events.jsonl";
    private static final String REVENUE = "../examples/microsoft-openai/facts/revenue.csv";

    /** One hostile input: its name, the exit it must give, how its files are made, and the command. */
    private record Case(String name, int exit, Consumer<Path> files, List<String> args) {
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String name, int exit, Consumer<Path> files, String... args) {
        CASES.add(new Case(name, exit, files, List.of(args)));
    }

    private static Consumer<Path> none() {
        return dir -> { };
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dir(String name) {
        return WORK.resolve(name).toString();
    }

    private static String file(String name, String file) {
        return WORK.resolve(name).resolve(file).toString();
    }

    // ---------------------------------------------------------------- agreements

    private static final String HEADER = """
            # T

            ```treaty
            agreement t "T"
            party A "Alpha"
            party B "Beta"
            signed 2025-01-01
            effective 2025-01-01
            ```
            """;

    private static String share(String rate, String extra) {
        return HEADER + """

                ## 1 Share

                ```treaty
                revenue-share r {
                  payer A
                  payee B
                  rate %s
                  period quarter
                  due 30 days after period end
                  currency USD%s
                }
                ```
                """.formatted(rate, extra);
    }

    private static void agreement(String name, int exit, String text) {
        add(name, exit, d -> write(d.resolve("a.treaty.md"), text), "check", file(name, "a.treaty.md"));
    }

    static {
        agreement("a01-sum-of-3000-terms", 2, share(String.join(" + ", java.util.Collections.nCopies(3000, "0.001%")), ""));
        agreement("a02-10000-nested-parentheses", 2, share("(".repeat(10_000) + "1%" + ")".repeat(10_000), ""));
        agreement("a03-20000-nots", 2, share("1%", "\n  until " + "not ".repeat(20_000) + "x declared"));
        agreement("a04-10000-nested-quotes", 2, HEADER + ">".repeat(10_000) + " deep\n");
        agreement("a05-10000-nested-lists", 2, HEADER + "- ".repeat(10_000) + "deep\n");
        agreement("a06-5000-part-clause-number", 2, HEADER + "\n## " + String.join(".", java.util.Collections.nCopies(5000, "1")) + " Long\n");
        agreement("a07-4mb-of-nesting", 2, share("(".repeat(2_000_000) + "1%" + ")".repeat(2_000_000), ""));
        agreement("a08-file-over-4mib", 2, HEADER + "x".repeat(4 * 1024 * 1024 + 1) + "\n");
        add("a09-binary-garbage", 2, d -> {
            byte[] garbage = new byte[100_000];
            new java.util.Random(9).nextBytes(garbage);
            bytes(d.resolve("a.treaty.md"), garbage);
        }, "check", file("a09-binary-garbage", "a.treaty.md"));
        add("a10-latin-1-agreement", 2, d -> bytes(d.resolve("a.treaty.md"), (HEADER + "Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1)),
                "check", file("a10-latin-1-agreement", "a.treaty.md"));
        agreement("a11-nul-in-a-name", 2, share("10%", "").replace("payer A", "payer A\u0000B"));
        agreement("a12-bidi-override-in-a-name", 2, share("10%", "").replace("payer A", "payer A\u202eB"));
        agreement("a13-one-line-of-a-megabyte", 0, share("10%", "") + "\n" + "word ".repeat(200_000) + "\n");
        agreement("a14-ten-thousand-clauses", 0, HEADER + "\n" + java.util.stream.IntStream.rangeClosed(1, 10_000)
                .mapToObj(i -> "## " + i + " Clause\n\nText " + i + ".\n").reduce("", String::concat));
        agreement("a15-a-number-of-10000-digits", 2, share("1".repeat(10_000) + "%", ""));
        agreement("a16-year-99999", 2, share("10%", "\n  from 99999-01-01"));
        agreement("a17-percentage-of-1e400", 2, share("1" + "0".repeat(400) + "%", ""));
        agreement("a18-unterminated-string", 2, HEADER.replace("\"T\"", "\"T"));
        agreement("a19-unterminated-fence", 0, HEADER.replace("effective 2025-01-01\n```", "effective 2025-01-01\n"));
        agreement("a20-empty-file", 2, "");
        add("a21-only-a-byte-order-mark", 2, d -> bytes(d.resolve("a.treaty.md"), new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                "check", file("a21-only-a-byte-order-mark", "a.treaty.md"));
        agreement("a22-crlf-line-ends", 0, share("10%", "").replace("\n", "\r\n"));
        agreement("a23-tabs", 0, share("10%", "").replace("  payer", "\tpayer"));
        agreement("a24-kind-cycle", 2, HEADER.replace("signed", "kind x is y\nkind y is x\nsigned"));
        agreement("a25-kinds-100-deep", 2, HEADER.replace("signed", java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "kind k" + i + " is k" + (i + 1) + "\n").reduce("", String::concat) + "signed"));
        add("a26-assumptions-that-name-each-other", 2, d -> {
            write(d.resolve("a.treaty.md"), share("$a", ""));
            write(d.resolve("b.treaty.md"), "# A\n\n```treaty\nassumptions for t\nassume a = $b \"x\"\nassume b = $a \"y\"\n```\n");
        }, "check", dir("a26-assumptions-that-name-each-other"));
        agreement("a27-ten-thousand-parties", 0, HEADER.replace("signed", java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> "party P" + i + "\n").reduce("", String::concat) + "signed"));
        agreement("a28-a-thousand-tiers", 0, share("1%", "").replace("  rate 1%\n", "  tiers cumulative {\n"
                + java.util.stream.IntStream.range(1, 1000).mapToObj(i -> "    up to USD " + i * 1000 + ": 1%\n").reduce("", String::concat)
                + "    above: 2%\n  }\n"));
        agreement("a29-every-attribute-twice", 2, share("10%", "\n  rate 10%\n  payer A\n  due 30 days after period end"));
        add("a30-a-folder-named-like-a-file", 2, d -> {
            try {
                Files.createDirectories(d.resolve("x.treaty.md"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "check", file("a30-a-folder-named-like-a-file", "x.treaty.md"));
        add("a31-no-such-folder", 2, none(), "check", dir("a31-no-such-folder") + "/missing");
        add("a32-a-device", 2, none(), "check", "/dev/zero");
        agreement("a33-amendment-of-nothing", 2, HEADER.replace("agreement t \"T\"", "amendment t \"T\" amends nothing"));
        agreement("a34-terms-in-an-assumptions-file", 2, "# A\n\n```treaty\nassumptions for t\n```\n\n## 1 X\n\n```treaty\n"
                + "stake s {\n  holder A\n  issuer B\n  percentage 1%\n}\n```\n");
        agreement("a35-many-errors-at-once", 2, HEADER + java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> "\n## " + (i + 1) + " X\n\n```treaty\nrevenue-share r" + i + " { payer Q }\n```\n").reduce("", String::concat));
        // found by the long fuzzing run: errors past the reporting limit once went uncounted, and a
        // term whose 'due' failed after them was built without it (a crash)
        agreement("a36-a failed attribute past the reporting limit".replace(' ', '-'), 2, share("1%", "")
                .replace("  rate 1%\n", "  rate 1%\n" + "  period quarter\n".repeat(1001))
                .replace("due 30 days after period end", "due $nope after period end"));
    }

    // ---------------------------------------------------------------- revenue CSV

    private static final String CSV_HEADER = "id,date,party,product,kind,category,cloud,region,segment,amount,currency\n";

    private static void csv(String name, int exit, String text) {
        add(name, exit, d -> write(d.resolve("r.csv"), text), "settle", FLAGSHIP, "--revenue", file(name, "r.csv"),
                "--through", "2026-12-31");
    }

    static {
        csv("r01-thousands-separators-in-an-amount", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,1,250,000.00,USD\n");
        csv("r02-too-few-fields", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt\n");
        csv("r03-an-unclosed-quote", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,\"chatgpt" + ",x".repeat(600_000) + "\n");
        csv("r04-two-thousand-columns", 2, String.join(",", java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "c" + i).toList()) + "\n");
        csv("r05-an-amount-of-1e30", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,1" + "0".repeat(30) + ",USD\n");
        csv("r06-seven-decimals", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,1.0000001,USD\n");
        csv("r07-negative-zero-and-a-refund", 0, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,-0.00,USD\n"
                + "x2,2026-01-06,OpenAI,chatgpt,non-api,,,,,-100.00,USD\n");
        csv("r08-february-30", 2, CSV_HEADER + "x1,2026-02-30,OpenAI,chatgpt,non-api,,,,,10,USD\n");
        csv("r09-empty-file", 2, "");
        csv("r10-header-only", 0, CSV_HEADER);
        add("r11-binary-garbage", 2, d -> {
            byte[] garbage = new byte[200_000];
            new java.util.Random(11).nextBytes(garbage);
            bytes(d.resolve("r.csv"), garbage);
        }, "settle", FLAGSHIP, "--revenue", file("r11-binary-garbage", "r.csv"), "--through", "2026-12-31");
        add("r12-latin-1", 2, d -> bytes(d.resolve("r.csv"), (CSV_HEADER + "x1,2026-01-05,OpenAI,caf\u00e9,non-api,,,,,10,USD\n")
                .getBytes(StandardCharsets.ISO_8859_1)), "settle", FLAGSHIP, "--revenue", file("r12-latin-1", "r.csv"), "--through", "2026-12-31");
        csv("r13-byte-order-mark", 0, "\uFEFF" + CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,10,USD\n");
        csv("r14-a-column-named-twice", 2, "id,date,party,amount,currency,amount\n");
        csv("r15-no-amount-column", 2, "id,date,party,currency\nx,2026-01-01,OpenAI,USD\n");
        csv("r16-nul-in-a-field", 0, CSV_HEADER + "x1,2026-01-05,OpenAI,chat\u0000gpt,non-api,,,,,10,USD\n");
        csv("r17-a-thousand-conflicting-ids", 2, CSV_HEADER + java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> "dup" + (i % 1000) + ",2026-01-05,OpenAI,p,non-api,,,,," + i + ",USD\n").reduce("", String::concat));
        csv("r18-an-unknown-currency", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,10,XXY\n");
        csv("r19-a-bad-recorded-instant", 2, "id,date,party,amount,currency,recorded\nx1,2026-01-05,OpenAI,10,USD,yesterday\n");
        csv("r20-crlf", 0, (CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,10,USD\n").replace("\n", "\r\n"));
        csv("r21-a-newline-inside-quotes", 0, CSV_HEADER + "x1,2026-01-05,OpenAI,\"chat\ngpt\",non-api,,,,,10,USD\n");
        add("r22-a-folder", 2, d -> {
            try {
                Files.createDirectories(d.resolve("r.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "settle", FLAGSHIP, "--revenue", file("r22-a-folder", "r.csv"), "--through", "2026-12-31");
        add("r23-dev-zero", 2, none(), "settle", FLAGSHIP, "--revenue", "/dev/zero", "--through", "2026-12-31");
        add("r24-the-same-file-twice", 2, none(), "settle", FLAGSHIP, "--revenue", REVENUE, REVENUE, "--through", "2026-12-31");
        csv("r25-a-line-beyond-a-trillion", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,1000000000001,USD\n");
        csv("r26-a-party-of-nobody", 0, CSV_HEADER + "x1,2026-01-05,Contoso,chatgpt,non-api,,,,,10,USD\n");
        csv("r27-a-bidi-override-in-a-product", 0, CSV_HEADER + "x1,2026-01-05,OpenAI,chat\u202egpt,non-api,,,,,10,USD\n");
        csv("r28-a-date-of-10000-years", 2, CSV_HEADER + "x1,12026-01-05,OpenAI,chatgpt,non-api,,,,,10,USD\n");
        csv("r29-an-empty-amount", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,chatgpt,non-api,,,,,,USD\n");
        csv("r30-a-quote-in-the-middle", 2, CSV_HEADER + "x1,2026-01-05,OpenAI,ch\"at\"gpt,non-api,,,,,10,USD\n");
    }

    // ---------------------------------------------------------------- events JSON Lines

    private static final String PRODUCT = "{\"id\":\"p\",\"type\":\"product\",\"on\":\"2025-01-01\",\"name\":\"x\",\"owner\":\"OpenAI\",\"kind\":\"api\"}\n";

    private static void events(String name, int exit, String text) {
        add(name, exit, d -> write(d.resolve("e.jsonl"), text), "gate", FLAGSHIP, "--events", file(name, "e.jsonl"), "--product", "x",
                "--cloud", "azure", "--on", "2026-06-01");
    }

    static {
        add("e01-dev-zero", 2, none(), "gate", FLAGSHIP, "--events", "/dev/zero", "--product", "x", "--cloud", "azure", "--on", "2026-06-01");
        add("e02-a-line-of-200-mb", 2, d -> {
            try (var out = Files.newOutputStream(Files.createDirectories(d).resolve("e.jsonl"))) {
                out.write(PRODUCT.getBytes(StandardCharsets.UTF_8));
                out.write("{\"id\":\"".getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 200; i++) out.write(chunk);
                out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "gate", FLAGSHIP, "--events", file("e02-a-line-of-200-mb", "e.jsonl"), "--product", "x", "--cloud", "azure", "--on", "2026-06-01");
        events("e03-a-key-twice", 2, PRODUCT.replace("\"kind\":\"api\"", "\"kind\":\"api\",\"kind\":\"non-api\""));
        events("e04-byte-order-mark", 0, "\uFEFF" + PRODUCT);
        add("e05-latin-1-on-line-3", 2, d -> bytes(d.resolve("e.jsonl"), (PRODUCT + "\n{\"id\":\"q\",\"type\":\"valuation\",\"on\":\"2025-01-01\","
                + "\"issuer\":\"Caf\u00e9\",\"amount\":\"1\",\"currency\":\"USD\"}\n").getBytes(StandardCharsets.ISO_8859_1)),
                "gate", FLAGSHIP, "--events", file("e05-latin-1-on-line-3", "e.jsonl"), "--product", "x", "--cloud", "azure", "--on", "2026-06-01");
        events("e06-an-amount-as-a-json-number", 2, PRODUCT + "{\"id\":\"v\",\"type\":\"valuation\",\"on\":\"2025-01-01\",\"issuer\":\"OpenAI\",\"amount\":5,\"currency\":\"USD\"}\n");
        events("e07-json-nested-100000-deep", 2, PRODUCT + "{\"id\":\"v\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n");
        events("e08-a-response-before-its-request", 2, PRODUCT + "{\"id\":\"cr\",\"type\":\"capability-request\",\"on\":\"2026-05-10\",\"product\":\"x\","
                + "\"to\":\"Microsoft\"}\n{\"id\":\"ca\",\"type\":\"capability-response\",\"on\":\"2026-05-01\",\"request\":\"cr\",\"answer\":\"decline\",\"by\":\"Microsoft\"}\n");
        events("e09-a-release-of-an-unknown-product", 2, PRODUCT + "{\"id\":\"r\",\"type\":\"release\",\"on\":\"2026-01-01\",\"product\":\"nope\",\"cloud\":\"aws\"}\n");
        events("e10-a-release-before-its-product", 0, PRODUCT + "{\"id\":\"r\",\"type\":\"release\",\"on\":\"2024-01-01\",\"product\":\"x\",\"cloud\":\"azure\"}\n");
        add("e11-a-release-before-its-product-strict", 2, d -> write(d.resolve("e.jsonl"), PRODUCT
                + "{\"id\":\"r\",\"type\":\"release\",\"on\":\"2024-01-01\",\"product\":\"x\",\"cloud\":\"azure\"}\n"), "gate", FLAGSHIP,
                "--events", file("e11-a-release-before-its-product-strict", "e.jsonl"), "--strict", "--product", "x", "--cloud", "azure",
                "--on", "2026-06-01");
        events("e12-a-payment-by-nobody", 2, PRODUCT + "{\"id\":\"pay\",\"type\":\"payment\",\"on\":\"2026-01-01\",\"payer\":\"Contoso\",\"payee\":\"Microsoft\","
                + "\"amount\":\"1\",\"currency\":\"USD\"}\n");
        events("e13-a-verification-of-no-event", 0, PRODUCT + "{\"id\":\"v\",\"type\":\"verification\",\"on\":\"2026-01-01\",\"event\":\"singularity\",\"by\":\"panel\"}\n");
        events("e14-an-unknown-type", 2, "{\"id\":\"m\",\"type\":\"merger\",\"on\":\"2026-01-01\"}\n");
        events("e15-no-id", 2, "{\"type\":\"product\",\"on\":\"2026-01-01\"}\n");
        events("e16-an-id-twice-with-other-content", 2, PRODUCT + PRODUCT.replace("\"api\"", "\"non-api\""));
        events("e17-month-13", 2, PRODUCT.replace("2025-01-01", "2025-13-01"));
        events("e18-a-bad-recorded-instant", 2, PRODUCT.replace("}", ",\"recorded\":\"soon\"}"));
        events("e19-a-valuation-beyond-a-quadrillion", 2, PRODUCT + "{\"id\":\"v\",\"type\":\"valuation\",\"on\":\"2025-01-01\",\"issuer\":\"OpenAI\","
                + "\"amount\":\"2000000000000000\",\"currency\":\"USD\"}\n");
        events("e20-a-payment-beyond-a-trillion", 2, PRODUCT + "{\"id\":\"pay\",\"type\":\"payment\",\"on\":\"2026-01-01\",\"payer\":\"OpenAI\",\"payee\":\"Microsoft\","
                + "\"amount\":\"2000000000000\",\"currency\":\"USD\"}\n");
        events("e21-a-dilution-of-150-percent", 2, PRODUCT + "{\"id\":\"i\",\"type\":\"issuance\",\"on\":\"2025-01-01\",\"issuer\":\"OpenAI\",\"dilution\":\"150%\"}\n");
        events("e22-blank-lines-only", 2, "\n\n   \n");
        events("e23-an-array", 2, "[1,2,3]\n");
        events("e24-null", 2, "null\n");
        events("e25-a-bidi-override-in-a-name", 0, PRODUCT.replace("\"name\":\"x\"", "\"name\":\"x\"").replace("\"kind\":\"api\"",
                "\"kind\":\"api\",\"note\":\"\u202e\"") + "{\"id\":\"v\",\"type\":\"valuation\",\"on\":\"2025-01-01\",\"issuer\":\"Open\u202eAI\","
                + "\"amount\":\"1\",\"currency\":\"USD\"}\n");
        events("e26-a-product-of-a-non-party", 2, PRODUCT.replace("\"owner\":\"OpenAI\"", "\"owner\":\"Contoso\""));
        events("e27-an-offer-answered-before-it-was-made", 2, PRODUCT + "{\"id\":\"o\",\"type\":\"offer\",\"on\":\"2025-05-01\",\"subject\":\"compute-capacity\","
                + "\"by\":\"OpenAI\",\"to\":\"Microsoft\"}\n{\"id\":\"or\",\"type\":\"offer-response\",\"on\":\"2025-04-01\",\"offer\":\"o\","
                + "\"answer\":\"decline\",\"by\":\"Microsoft\"}\n");
        events("e28-a-truncated-object", 2, PRODUCT.substring(0, 40) + "\n");
        events("e29-a-string-of-60-kb", 2, PRODUCT + "{\"id\":\"v\",\"type\":\"" + "y".repeat(60_000) + "\",\"on\":\"2025-01-01\"}\n");
        events("e30-an-offer-answer-that-is-not-one", 2, PRODUCT + "{\"id\":\"o\",\"type\":\"offer\",\"on\":\"2025-05-01\",\"subject\":\"compute-capacity\","
                + "\"by\":\"OpenAI\",\"to\":\"Microsoft\"}\n{\"id\":\"or\",\"type\":\"offer-response\",\"on\":\"2025-06-01\",\"offer\":\"o\","
                + "\"answer\":\"maybe\",\"by\":\"Microsoft\"}\n");
    }

    // ---------------------------------------------------------------- scenarios

    private static final String SCENARIO = "name: s\nparty: OpenAI\ncurrency: USD\nstart: 2026-07-01\nthrough: 2027-12-31\nrevenue: 1000\n"
            + "growth: {mean: 0.01, volatility: 0.1}\n";

    private static void scenario(String name, int exit, String text) {
        add(name, exit, d -> write(d.resolve("s.yaml"), text), "simulate", FLAGSHIP, "--scenario", file(name, "s.yaml"), "--runs", "20");
    }

    static {
        scenario("s01-nested-100000-deep", 2, "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        scenario("s02-a-billion-laughs", 2, "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n");
        scenario("s03-a-10-mb-comment", 2, "#" + "x".repeat(10 * 1024 * 1024) + "\n" + SCENARIO);
        scenario("s04-a-key-twice", 2, SCENARIO + "party: Microsoft\n");
        scenario("s05-an-alias", 0, SCENARIO + "mix: [&slice {share: 0.5, product: chatgpt}, *slice]\n");
        scenario("s06-volatility-of-1e308", 2, SCENARIO.replace("volatility: 0.1", "volatility: 1e308"));
        scenario("s07-monthly-to-9999", 2, SCENARIO.replace("2027-12-31", "9999-12-31") + "period: month\n");
        scenario("s08-five-thousand-slices", 2, SCENARIO + "mix:\n" + "  - {share: 0.0002}\n".repeat(5000));
        scenario("s09-euros-against-dollars", 2, SCENARIO.replace("USD", "EUR"));
        scenario("s10-a-party-of-nobody", 2, SCENARIO.replace("OpenAI", "Contoso"));
        add("s11-binary-garbage", 2, d -> {
            byte[] garbage = new byte[10_000];
            new java.util.Random(111).nextBytes(garbage);
            bytes(d.resolve("s.yaml"), garbage);
        }, "simulate", FLAGSHIP, "--scenario", file("s11-binary-garbage", "s.yaml"), "--runs", "20");
        scenario("s12-empty", 2, "");
        scenario("s13-a-list", 2, "- a\n- b\n");
        scenario("s14-growth-of-minus-100-percent", 2, SCENARIO.replace("mean: 0.01", "mean: -1"));
        scenario("s15-a-tag", 2, SCENARIO + "x: !!java.io.File /etc/passwd\n");
        scenario("s16-a-history-that-is-not-there", 2, SCENARIO + "history: nowhere.csv\n");
        scenario("s17-a-huge-revenue", 2, SCENARIO.replace("revenue: 1000", "revenue: 1e30"));
        scenario("s18-shock-probability-2", 2, SCENARIO + "shocks: [{probability: 2, impact: 0}]\n");
    }

    // ---------------------------------------------------------------- the command line

    static {
        String[] gate = {"gate", FLAGSHIP, "--events", EVENTS, "--product", "chatgpt", "--cloud", "aws"};
        add("c01-a-day-of-year-99999", 2, none(), concat(gate, "--on", "99999-01-01"));
        add("c02-february-30", 2, none(), concat(gate, "--on", "2026-02-30"));
        add("c03-as-known-gibberish", 2, none(), concat(gate, "--on", "2026-06-01", "--as-known", "yesterday"));
        add("c04-as-known-month-13", 2, none(), concat(gate, "--on", "2026-06-01", "--as-known", "2026-13-01T00:00:00Z"));
        add("c05-an-unknown-assumption", 2, none(), concat(gate, "--on", "2026-06-01", "--assume", "nope=1"));
        add("c06-an-assumption-of-the-wrong-type", 2, none(), concat(gate, "--on", "2026-06-01", "--assume", "revenue-share-rate=abc"));
        add("c07-an-assumption-of-10000-digits", 2, none(), concat(gate, "--on", "2026-06-01", "--assume", "revenue-share-rate="
                + "9".repeat(10_000) + "%"));
        add("c08-a-reading-that-is-not-yes-or-no", 2, none(), concat(gate, "--on", "2026-06-01", "--assume",
                "national-security-carve-out-survives=perhaps"));
        add("c09-through-before-from", 2, none(), "settle", FLAGSHIP, "--revenue", REVENUE, "--from", "2027-01-01", "--through", "2026-01-01");
        add("c10-an-empty-sqlite-url", 2, none(), "verify", "--db", "sqlite:");
        add("c11-a-nul-in-a-database-path", 2, none(), "verify", "--db", "sqlite:/tmp/a\u0000b");
        add("c12-a-database-that-refuses-connections", 2, none(), "verify", "--db", "jdbc:postgresql://127.0.0.1:1/treaty?connectTimeout=2");
        add("c13-minus-one-lines", 2, none(), "gen-revenue", "--lines", "-1", "--out", file("c13", "x.csv"));
        add("c14-a-ledger-onto-a-folder", 2, d -> {
            try {
                Files.createDirectories(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "gen-revenue", "--lines", "10", "--out", dir("c14-a-ledger-onto-a-folder"));
        add("c15-a-ledger-onto-a-full-device", 2, none(), "gen-revenue", "--lines", "10", "--out", "/dev/full");
        add("c16-a-report-through-a-link", 2, d -> {
            try {
                Files.createDirectories(d);
                Files.writeString(d.resolve("target.txt"), "keep");
                Files.deleteIfExists(d.resolve("link.html"));
                Files.createSymbolicLink(d.resolve("link.html"), d.resolve("target.txt").toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "report", FLAGSHIP, "--out", file("c16-a-report-through-a-link", "link.html"), "--on", "2026-06-01");
        add("c17-no-runs", 2, none(), "simulate", FLAGSHIP, "--scenario", "../examples/microsoft-openai/scenarios/growth.yaml", "--runs", "0");
        add("c18-twenty-million-runs", 2, none(), "simulate", FLAGSHIP, "--scenario", "../examples/microsoft-openai/scenarios/growth.yaml",
                "--runs", "20000000");
        add("c19-a-class-no-licence-names", 2, none(), "license", FLAGSHIP, "--licensee", "Microsoft", "--class", "widgets", "--on", "2026-06-01");
        add("c20-a-licensee-not-on-the-agreement", 2, none(), "license", FLAGSHIP, "--licensee", "Google", "--class", "models", "--on", "2026-06-01");
        add("c21-a-cloud-nobody-declared", 2, none(), concat(new String[]{"gate", FLAGSHIP, "--events", EVENTS, "--product", "chatgpt",
                "--cloud", "awz"}, "--on", "2026-06-01"));
        add("c22-a-subject-no-right-names", 2, none(), "buy", FLAGSHIP, "--buyer", "OpenAI", "--subject", "office-space", "--seller", "x",
                "--on", "2025-06-01");
        add("c23-an-unknown-command", 2, none(), "settel", FLAGSHIP);
        add("c24-an-unknown-option", 2, none(), "settle", FLAGSHIP, "--revenu", REVENUE);
        add("c25-as-recorded-without-a-store", 2, none(), concat(gate, "--on", "2026-06-01", "--as-recorded", "2026-01-01"));
        add("c26-a-statement-issue-without-a-period", 2, none(), "statement", "issue");
        add("c27-gate-before-the-agreement", 2, none(), concat(gate, "--on", "2010-01-01"));
        add("c28-a-bidi-override-in-an-argument", 2, none(), concat(new String[]{"gate", FLAGSHIP, "--events", EVENTS, "--product",
                "chat\u202egpt", "--cloud", "aws"}, "--on", "2026-06-01"));
        add("c29-as-known-far-in-the-past", 2, none(), concat(gate, "--on", "2026-06-01", "--as-known", "1900-01-01"));
        add("c30-a-folder-and-a-store", 2, none(), concat(gate, "--on", "2026-06-01", "--db", "sqlite:x.db"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRefusedOrAnsweredCleanly() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path work = WORK.resolve(c.name());
            c.files().accept(work);
            Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(c.args().toArray(String[]::new)),
                    c.name() + " took longer than 10 s");
            String shown = result.transcript().lines().map(l -> l.length() > 300 ? l.substring(0, 300) + "…" : l)
                    .reduce("", (a, b) -> a + b + "\n");
            Golden.assertMatches(GOLDEN.resolve(c.name() + ".txt"), "$ treaty " + String.join(" ", c.args().stream()
                    .map(a -> a.length() > 80 ? a.substring(0, 80) + "…" : a).toList()) + "\n" + shown);
            assertThat(result.exit()).as(result.transcript()).isEqualTo(c.exit());
            assertThat(result.out() + result.err()).doesNotContain("Exception", "\tat ", "internal error", "picocli WARN");
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.nio.file.NoSuchFileException gone) {
                // the case made no files
            }
        }));
    }

    @Test
    void thereAreExactlyTheKindsCountedAndEachHasItsGoldenFile() throws IOException {
        assertThat(CASES).hasSize(144);               // a case added or lost must be counted here on purpose
        assertThat(CASES.stream().map(Case::name).distinct()).hasSize(CASES.size());
        if (Boolean.getBoolean("treaty.updateGolden")) return;
        List<String> golden;
        try (Stream<Path> listing = Files.list(GOLDEN)) {
            golden = listing.map(p -> p.getFileName().toString().replace(".txt", "")).sorted().toList();
        }
        assertThat(golden).isEqualTo(CASES.stream().map(Case::name).sorted().toList());
    }
}
