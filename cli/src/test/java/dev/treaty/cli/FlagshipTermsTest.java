package dev.treaty.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The terms in force in each era of the Microsoft–OpenAI partnership, checked term by term. */
class FlagshipTermsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode show(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("show", Cli.flagship(), "--json"));
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private static Optional<JsonNode> term(JsonNode version, String kind, String name) {
        for (JsonNode clause : version.get("clauses")) {
            for (JsonNode term : clause.get("terms")) {
                if (term.get("kind").asText().equals(kind) && term.get("name").asText().equals(name)) return Optional.of(term);
            }
        }
        return Optional.empty();
    }

    private static List<String> kinds(JsonNode version) {
        List<String> kinds = new ArrayList<>();
        version.get("clauses").forEach(c -> c.get("terms").forEach(t -> kinds.add(t.get("kind").asText() + " " + t.get("name").asText())));
        return kinds;
    }

    private static String attribute(JsonNode term, String name) {
        JsonNode value = term.get("attributes").get(name);
        return value == null ? null : value.asText();
    }

    @Test
    void afterTheApril2026AmendmentTheLicenceIsNonExclusiveAndOnlyOpenAIPays() throws Exception {
        JsonNode version = show("--on", "2026-06-01");

        JsonNode licence = term(version, "licence", "microsoft-ip").orElseThrow();
        assertThat(attribute(licence, "exclusive")).isEqualTo("no");
        assertThat(attribute(licence, "through")).isEqualTo("2032-12-31");
        assertThat(attribute(licence, "covers")).isEqualTo("[models, products]");

        assertThat(term(version, "revenue-share", "microsoft-to-openai")).isEmpty();
        JsonNode share = term(version, "revenue-share", "openai-to-microsoft").orElseThrow();
        assertThat(attribute(share, "through")).isEqualTo("2030-12-31");
        assertThat(attribute(share, "cap total")).startsWith("USD 38,000,000,000");
        assertThat(attribute(share, "until")).isNull();
        assertThat(share.get("assumptions").get("revenue-share-cap").get("basis").asText()).contains("press report");

        JsonNode firstShip = term(version, "first-ship", "azure-first").orElseThrow();
        assertThat(attribute(firstShip, "cloud")).isEqualTo("azure");
        assertThat(attribute(firstShip, "unless")).isEqualTo("provider declines capabilities");
        assertThat(attribute(firstShip, "response within")).isEqualTo("30 days, default decline");
        assertThat(kinds(version)).noneMatch(k -> k.startsWith("cloud-exclusivity"));
    }

    @Test
    void inMid2024AzureWasTheExclusiveCloudForEverything() throws Exception {
        JsonNode version = show("--on", "2024-06-01");

        JsonNode exclusivity = term(version, "cloud-exclusivity", "azure-exclusive").orElseThrow();
        assertThat(attribute(exclusivity, "cloud")).isEqualTo("azure");
        assertThat(attribute(exclusivity, "products")).isEqualTo("all");
        // exclusive on a named reading of the record: the 2019 statements do not say so
        assertThat(attribute(term(version, "licence", "microsoft-ip").orElseThrow(), "exclusive"))
                .isEqualTo("yes, if $ip-exclusive-before-october-2025");
        assertThat(attribute(term(version, "licence", "microsoft-ip").orElseThrow(), "until")).isEqualTo("agi declared");
        assertThat(kinds(version)).contains("revenue-share openai-to-microsoft", "revenue-share microsoft-to-openai");
        assertThat(kinds(version)).noneMatch(k -> k.startsWith("first-ship") || k.startsWith("right-of-first-refusal"));
        assertThat(version.get("documents")).hasSize(2);
    }

    @Test
    void inDecember2025TheOctoberDefinitiveAgreementGoverns() throws Exception {
        JsonNode version = show("--on", "2025-12-01");

        assertThat(attribute(term(version, "event", "agi").orElseThrow(), "verified by")).isEqualTo("expert-panel");
        JsonNode research = term(version, "licence", "microsoft-research-ip").orElseThrow();
        assertThat(attribute(research, "covers")).isEqualTo("[research]");
        assertThat(attribute(research, "through")).isEqualTo("2030-12-31");
        assertThat(attribute(research, "until")).isEqualTo("agi verified");
        JsonNode api = term(version, "cloud-exclusivity", "api-on-azure").orElseThrow();
        assertThat(attribute(api, "products")).isEqualTo("kind in [api, stateless-api]");
        assertThat(attribute(api, "until")).isEqualTo("agi verified");
        assertThat(attribute(term(version, "purchase-commitment", "azure-commitment").orElseThrow(), "amount"))
                .isEqualTo("USD 250,000,000,000");
        assertThat(attribute(term(version, "licence", "microsoft-ip").orElseThrow(), "exclusive")).isEqualTo("yes, until agi verified");
        assertThat(kinds(version)).noneMatch(k -> k.startsWith("right-of-first-refusal"));
        assertThat(kinds(version)).contains("stake microsoft-stake", "release-permission national-security-any-cloud");
    }

    @Test
    void asKnownBeforeTheAmendmentWasSignedTheOldTermsStillApply() throws Exception {
        JsonNode version = show("--on", "2026-06-01", "--as-known", "2026-04-01T12:00:00Z");
        assertThat(attribute(term(version, "licence", "microsoft-ip").orElseThrow(), "exclusive")).isEqualTo("yes, until agi verified");
        assertThat(term(version, "revenue-share", "microsoft-to-openai")).isPresent();
    }

    @Test
    void anAssumptionCanBeOverriddenFromTheCommandLine() throws Exception {
        JsonNode version = show("--on", "2026-06-01", "--assume", "revenue-share-rate=15%");
        JsonNode share = term(version, "revenue-share", "openai-to-microsoft").orElseThrow();
        assertThat(attribute(share, "rate")).isEqualTo("15%");
        assertThat(share.get("assumptions").get("revenue-share-rate").get("basis").asText())
                .startsWith("overridden on the command line (was 20%");
    }

    @Test
    void theApril2026DiffListsExactlyTheAnnouncedChanges() throws Exception {
        Cli.Result result = Cli.run("diff", Cli.flagship(), "--from", "2026-04-26", "--to", "2026-04-27", "--json");
        assertThat(result.exit()).isZero();
        List<String> changes = new ArrayList<>();
        for (JsonNode clause : JSON.readTree(result.out()).get("changes")) {
            assertThat(clause.get("by").asText()).isEqualTo("msft-openai-2026-04");
            for (JsonNode term : clause.get("terms")) {
                List<String> attributes = new ArrayList<>();
                term.get("attributes").forEach(a -> attributes.add(a.get("attribute").asText()));
                changes.add(term.get("change").asText() + " " + term.get("kind").asText() + " " + term.get("name").asText()
                        + (attributes.isEmpty() ? "" : " " + attributes));
            }
        }
        assertThat(changes).containsExactlyInAnyOrder(
                "struck cloud-exclusivity api-on-azure",                  // Azure only → Azure first,
                "added first-ship azure-first",                           //   unless Microsoft cannot and chooses not to
                "struck release-permission non-api-any-cloud",            // all products on any cloud
                // not withdrawn by a loosening amendment: kept as an exception to Azure first, on a named reading
                "changed release-permission national-security-any-cloud [exception to, if]",
                "changed licence microsoft-ip [exclusive]",               // licence now non-exclusive, still through 2032
                "struck revenue-share microsoft-to-openai",               // Microsoft no longer pays a share
                "changed revenue-share openai-to-microsoft [until, cap total]"); // still through 2030, capped, not tied to AGI
    }
}
