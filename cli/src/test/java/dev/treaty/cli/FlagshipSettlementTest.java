package dev.treaty.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flagship's quarterly statements 2019–2030 over the illustrative revenue: golden (CSV), and
 * the facts the partnership's history demands checked one by one.
 */
class FlagshipSettlementTest {

    private static final String REVENUE = "../examples/microsoft-openai/facts/revenue.csv";
    private static final String EVENTS = "../examples/microsoft-openai/facts/events.jsonl";
    private static JsonNode statements;

    @BeforeAll
    static void settle() throws Exception {
        Cli.Result result = Cli.run("settle", Cli.flagship(), "--revenue", REVENUE, "--events", EVENTS, "--through", "2031-12-31", "--json");
        assertThat(result.exit()).as(result.err()).isZero();
        statements = new ObjectMapper().readTree(result.out()).get("statements");
    }

    private static List<JsonNode> lines(String term) {
        List<JsonNode> lines = new ArrayList<>();
        for (JsonNode statement : statements) {
            if (statement.get("term").asText().equals(term)) statement.get("lines").forEach(lines::add);
        }
        return lines;
    }

    private static LocalDate date(JsonNode line, String field) {
        return LocalDate.parse(line.get(field).asText());
    }

    @Test
    void quarterlyStatementsMatchTheGoldenFile() {
        Cli.Result result = Cli.run("settle", Cli.flagship(), "--revenue", REVENUE, "--events", EVENTS, "--through", "2031-12-31", "--csv");
        assertThat(result.exit()).isZero();
        Golden.assertMatches(Path.of("src/test/resources/golden/settle-2019-2031.csv"), result.out());
    }

    @Test
    void theQuarterOfTheApril2026AmendmentIsSplitOnItsEffectiveDate() {
        List<JsonNode> q2 = lines("openai-to-microsoft").stream().filter(l -> l.get("period").asText().equals("2026-Q2")).toList();
        assertThat(q2).hasSize(2);
        assertThat(q2.get(0).get("through").asText()).isEqualTo("2026-04-26");
        assertThat(q2.get(0).get("document").asText()).isEqualTo("msft-openai-2025-10");
        assertThat(q2.get(1).get("from").asText()).isEqualTo("2026-04-27");
        assertThat(q2.get(1).get("document").asText()).isEqualTo("msft-openai-2026-04");
    }

    @Test
    void paymentsStopExactlyAtTheCap() {
        List<JsonNode> lines = lines("openai-to-microsoft");
        BigDecimal total = lines.stream().map(l -> new BigDecimal(l.get("due").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("38000000000.00");
        JsonNode reached = lines.stream().filter(l -> new BigDecimal(l.get("capCut").asText()).signum() > 0).findFirst().orElseThrow();
        assertThat(reached.get("period").asText()).isEqualTo("2028-Q4");
        assertThat(reached.get("capRemaining").asText()).isEqualTo("0.00");
        lines.stream().filter(l -> date(l, "from").isAfter(date(reached, "through")))
                .forEach(l -> assertThat(new BigDecimal(l.get("due").asText())).isZero());
    }

    @Test
    void nothingIsSettledAfter2030() {
        for (JsonNode statement : statements) {
            statement.get("lines").forEach(l -> assertThat(date(l, "through")).isBeforeOrEqualTo(LocalDate.of(2030, 12, 31)));
        }
    }

    @Test
    void microsoftPaysNoShareAfterTheAmendment() {
        List<JsonNode> lines = lines("microsoft-to-openai");
        assertThat(lines).isNotEmpty();
        lines.forEach(l -> assertThat(date(l, "through")).isBeforeOrEqualTo(LocalDate.of(2026, 4, 26)));
    }

    @Test
    void sharesRunBothWaysAreSetOffUntilTheAmendment() throws Exception {
        Cli.Result result = Cli.run("settle", Cli.flagship(), "--revenue", REVENUE, "--events", EVENTS, "--through", "2031-12-31", "--json");
        JsonNode net = new ObjectMapper().readTree(result.out()).get("net");
        List<String> periods = new ArrayList<>();
        net.forEach(n -> periods.add(n.get("period").asText()));
        assertThat(periods).contains("2019-Q3", "2026-Q2").doesNotContain("2026-Q3");
        JsonNode q1 = null;
        for (JsonNode n : net) if (n.get("period").asText().equals("2026-Q1")) q1 = n;
        assertThat(q1.get("debtor").asText()).isEqualTo("OpenAI");
        assertThat(q1.get("owed").asText()).isEqualTo("745161290.31");
    }

    @Test
    void aVerifiedAgiEndsTheShareUnderTheOctober2025Terms() throws Exception {
        Cli.Result result = Cli.run("settle", Cli.flagship(), "--revenue", REVENUE, "--events", EVENTS,
                "src/test/resources/facts/agi-verified-2026-01.jsonl", "--from", "2025-10-01", "--through", "2026-06-30",
                "--term", "openai-to-microsoft", "--json");
        JsonNode lines = new ObjectMapper().readTree(result.out()).get("statements").get(0).get("lines");
        List<String> spans = new ArrayList<>();
        lines.forEach(l -> spans.add(l.get("from").asText() + ".." + l.get("through").asText()));
        // until agi verified (2026-01-10): nothing from then until the April 2026 amendment makes it independent of AGI
        assertThat(spans).containsExactly("2025-10-01..2025-10-27", "2025-10-28..2025-12-31", "2026-01-01..2026-01-09",
                "2026-04-27..2026-06-30");
    }

    @Test
    void theMoneyDiffOfTheAmendmentIsPerPeriodAndPerParty() throws Exception {
        Cli.Result result = Cli.run("diff", Cli.flagship(), "--from", "2026-04-26", "--to", "2026-04-27", "--revenue", REVENUE,
                "--events", EVENTS, "--json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode parties = new ObjectMapper().readTree(result.out()).get("money").get("byParties");
        assertThat(parties.get(0).get("parties").asText()).isEqualTo("OpenAI → Microsoft");
        assertThat(parties.get(0).get("after").asText()).isEqualTo("38000000000.00");
        assertThat(parties.get(1).get("parties").asText()).isEqualTo("Microsoft → OpenAI");
        // with the amendment, Microsoft's share ends on 2026-04-26; without it, it would have run on through 2030
        assertThat(parties.get(1).get("after").asText()).isEqualTo("2432258064.51");
        assertThat(new BigDecimal(parties.get(1).get("before").asText())).isGreaterThan(new BigDecimal("2432258064.51"));
    }
}
