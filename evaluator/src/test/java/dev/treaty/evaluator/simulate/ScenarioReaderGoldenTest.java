package dev.treaty.evaluator.simulate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario file read, or refused with the field and the reason, for each way one can be
 * wrong and at each limit: one small edit of a valid scenario per case, in a golden file. Update
 * with {@code -Dtreaty.updateGolden=true} and read the diff.
 */
class ScenarioReaderGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/scenario-reader.txt");

    private static final String VALID = """
            name: test
            party: OpenAI
            currency: USD
            start: 2026-07-01
            through: 2027-06-30
            period: quarter
            revenue: 1_000
            growth:
              distribution: normal
              mean: 0.1
              volatility: 0.05
            mix:
              - {share: 0.5, product: a, cloud: azure}
              - {share: 0.5, product: b, kind: api, category: c, region: eu, segment: s}
            shocks:
              - {name: dip, probability: 0.1, impact: -0.2}
              - {probability: 0, impact: 10}
            discount-rate: 0.08
            valuation-date: 2026-07-01
            """;

    @TempDir
    Path dir;

    private static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("valid", VALID);
        cases.put("defaults", "party: A\ncurrency: EUR\nstart: 2026-01-01\nthrough: 2026-12-31\nrevenue: 5\ngrowth: {mean: 0, volatility: 0}\n");
        cases.put("monthly", VALID.replace("period: quarter", "period: Month"));
        cases.put("unknown period", VALID.replace("period: quarter", "period: week"));
        cases.put("unknown field", VALID + "colour: red\n");
        cases.put("not a mapping", "- a\n- b\n");
        cases.put("empty", "");
        cases.put("missing party", VALID.replace("party: OpenAI\n", ""));
        cases.put("blank party", VALID.replace("party: OpenAI", "party: ' '"));
        cases.put("party a list", VALID.replace("party: OpenAI", "party: [a]"));
        cases.put("unknown currency", VALID.replace("currency: USD", "currency: XYZ"));
        cases.put("bad date", VALID.replace("start: 2026-07-01", "start: 2026-02-30"));
        cases.put("through before start", VALID.replace("through: 2027-06-30", "through: 2026-06-30"));
        cases.put("through on start", VALID.replace("through: 2027-06-30", "through: 2026-07-01"));
        cases.put("through the day after start", VALID.replace("through: 2027-06-30", "through: 2026-07-02"));
        cases.put("negative revenue", VALID.replace("revenue: 1_000", "revenue: -1"));
        cases.put("zero revenue", VALID.replace("revenue: 1_000", "revenue: 0"));
        cases.put("revenue at the limit", VALID.replace("revenue: 1_000", "revenue: 1000000000000000"));
        cases.put("revenue past the limit", VALID.replace("revenue: 1_000", "revenue: 1000000000000000.01"));
        cases.put("revenue over the limit", VALID.replace("revenue: 1_000", "revenue: 1000000000000000000.000001"));
        cases.put("revenue not a number", VALID.replace("revenue: 1_000", "revenue: lots"));
        cases.put("revenue too precise", VALID.replace("revenue: 1_000", "revenue: 1.0000000000001"));
        cases.put("revenue too long", VALID.replace("revenue: 1_000", "revenue: " + "1".repeat(41)));
        cases.put("growth not a mapping", VALID.replace("growth:\n  distribution: normal\n  mean: 0.1\n  volatility: 0.05", "growth: 5"));
        cases.put("unknown distribution", VALID.replace("distribution: normal", "distribution: cauchy"));
        cases.put("volatility negative", VALID.replace("volatility: 0.05", "volatility: -0.01"));
        cases.put("volatility at the limit", VALID.replace("volatility: 0.05", "volatility: 5"));
        cases.put("volatility over the limit", VALID.replace("volatility: 0.05", "volatility: 5.01"));
        cases.put("mean at -1", VALID.replace("mean: 0.1", "mean: -1"));
        cases.put("mean just above -1", VALID.replace("mean: 0.1", "mean: -0.99"));
        cases.put("mean at the limit", VALID.replace("mean: 0.1", "mean: 10"));
        cases.put("mean over the limit", VALID.replace("mean: 0.1", "mean: 10.01"));
        cases.put("mix empty", VALID.replace("mix:\n  - {share: 0.5, product: a, cloud: azure}\n  - {share: 0.5, product: b, kind: api, category: c,"
                + " region: eu, segment: s}", "mix: []"));
        cases.put("mix a mapping", VALID.replace("mix:\n  - {share: 0.5, product: a, cloud: azure}\n  - {share: 0.5, product: b, kind: api, category: c,"
                + " region: eu, segment: s}", "mix: {share: 1}"));
        cases.put("slice not a mapping", VALID.replace("  - {share: 0.5, product: a, cloud: azure}", "  - 0.5"));
        cases.put("slice without a share", VALID.replace("{share: 0.5, product: a, cloud: azure}", "{product: a}"));
        cases.put("slice of zero", VALID.replace("{share: 0.5, product: a, cloud: azure}", "{share: 0, product: a}"));
        cases.put("slice of an unknown field", VALID.replace("{share: 0.5, product: a, cloud: azure}", "{share: 0.5, colour: red}"));
        cases.put("slice field a list", VALID.replace("{share: 0.5, product: a, cloud: azure}", "{share: 0.5, product: [a]}"));
        cases.put("shares not adding up", VALID.replace("{share: 0.5, product: a, cloud: azure}", "{share: 0.4, product: a}"));
        StringBuilder many = new StringBuilder("mix:\n");
        for (int i = 0; i < 257; i++) many.append("  - {share: ").append(i == 0 ? "0.744" : "0.001").append(", product: p").append(i).append("}\n");
        cases.put("257 slices", VALID.replace("mix:\n  - {share: 0.5, product: a, cloud: azure}\n  - {share: 0.5, product: b, kind: api, category: c,"
                + " region: eu, segment: s}\n", many.toString()));
        cases.put("shocks a mapping", VALID.replace("shocks:\n  - {name: dip, probability: 0.1, impact: -0.2}\n  - {probability: 0, impact: 10}",
                "shocks: {probability: 1}"));
        cases.put("shock not a mapping", VALID.replace("  - {probability: 0, impact: 10}", "  - 3"));
        cases.put("shock probability over 1", VALID.replace("{name: dip, probability: 0.1", "{name: dip, probability: 1.01"));
        cases.put("shock probability 1", VALID.replace("{name: dip, probability: 0.1", "{name: dip, probability: 1"));
        cases.put("shock probability negative", VALID.replace("{name: dip, probability: 0.1", "{name: dip, probability: -0.01"));
        cases.put("shock impact -1", VALID.replace("impact: -0.2", "impact: -1"));
        cases.put("shock impact over the limit", VALID.replace("impact: 10}", "impact: 10.5}"));
        cases.put("discount at 1", VALID.replace("discount-rate: 0.08", "discount-rate: 1"));
        cases.put("discount over 1", VALID.replace("discount-rate: 0.08", "discount-rate: 1.01"));
        cases.put("discount at -1", VALID.replace("discount-rate: 0.08", "discount-rate: -1"));
        cases.put("discount just above -1", VALID.replace("discount-rate: 0.08", "discount-rate: -0.99"));
        cases.put("valuation date bad", VALID.replace("valuation-date: 2026-07-01", "valuation-date: soon"));
        cases.put("too many lines a run", VALID.replace("through: 2027-06-30", "through: 4526-07-31"));
        cases.put("lines a run at the limit", VALID.replace("through: 2027-06-30", "through: 4526-06-30"));
        cases.put("history missing", VALID + "history: nowhere.csv\n");
        cases.put("history beside it", VALID + "history: revenue.csv\n");
        cases.put("key given twice", VALID + "party: B\n");
        cases.put("key given twice inside", VALID.replace("mean: 0.1", "mean: 0.1\n  mean: 0.2"));
        cases.put("invalid YAML", VALID + "growth: [\n");
        cases.put("a key that is not text", VALID + "? [a, b]\n: c\n");
        cases.put("nested too deep", VALID + "history: " + "[".repeat(40) + "]".repeat(40) + "\n");
        cases.put("alias bomb", "a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n");
        cases.put("aliases followed", VALID.replace("name: test", "name: &p OpenAI").replace("party: OpenAI", "party: *p"));
        cases.put("a null value", VALID.replace("party: OpenAI", "party: ~"));
        return cases;
    }

    private static String describe(Scenario s) {
        return "name=" + s.name() + " party=" + s.party() + " currency=" + s.currency() + " " + s.start() + ".." + s.through()
                + " step=" + s.step() + " revenue=" + s.revenue().toPlainString() + " growth=" + s.growth() + "\n  mix=" + s.mix()
                + "\n  shocks=" + s.shocks() + " discount=" + s.discountRate().toPlainString() + " valuation=" + s.valuationDate()
                + " history=" + s.history().map(p -> p.getFileName().toString()).orElse("none");
    }

    @Test
    void everyScenarioIsReadOrRefusedWithItsFieldAndReason() throws IOException {
        Files.writeString(dir.resolve("revenue.csv"), "date,party,amount,currency\n");
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> c : cases().entrySet()) {
            Path file = dir.resolve("scenario.yaml");
            Files.writeString(file, c.getValue());
            String result;
            try {
                result = describe(Scenario.read(file));
            } catch (ScenarioException e) {
                result = e.getMessage().replace(file.toString(), "scenario.yaml");
            }
            out.append("== ").append(c.getKey()).append('\n').append(result).append('\n');
        }
        Files.createDirectory(dir.resolve("folder.yaml"));
        for (String name : new String[]{"folder.yaml", "missing.yaml"}) {
            try {
                Scenario.read(dir.resolve(name));
                out.append("== ").append(name).append("\nread\n");
            } catch (ScenarioException e) {
                out.append("== ").append(name).append('\n').append(e.getMessage().replace(dir.toString(), "DIR")).append('\n');
            }
        }
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, VALID + "#" + "x".repeat(dev.treaty.language.Limits.SCENARIO_BYTES_MAX) + "\n");
        Path latin = dir.resolve("latin.yaml");
        Files.write(latin, (VALID.replace("name: test", "name: caf\u00e9")).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (Path file : new Path[]{big, latin}) {
            try {
                Scenario.read(file);
                out.append("== ").append(file.getFileName()).append("\nread\n");
            } catch (ScenarioException e) {
                out.append("== ").append(file.getFileName()).append('\n').append(e.getMessage().replace(dir.toString(), "DIR")).append('\n');
            }
        }
        Path golden = GOLDEN;
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.writeString(golden, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
    }
}
