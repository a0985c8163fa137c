package dev.treaty.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flagship read faithfully to the record (issue 10): each reading answered on facts written
 * for it ({@code facts/flagship-readings.jsonl} beside the example's own), with its whole
 * explanation in a golden file under {@code golden/readings/}. Every decision must name the
 * clause, the version, the facts and the assumptions it rests on.
 */
class FlagshipReadingsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/readings");
    private static final String EVENTS = "../examples/microsoft-openai/facts/events.jsonl";
    private static final String READINGS = "src/test/resources/facts/flagship-readings.jsonl";
    private static final String REVENUE = "../examples/microsoft-openai/facts/revenue.csv";

    /** One reading: its golden file's name, the exit it must give, the command. */
    private record Reading(String name, int exit, List<String> args) {
    }

    private static Reading reading(String name, int exit, String... args) {
        List<String> all = new ArrayList<>(List.of(args[0], Cli.flagship(), "--events", EVENTS, READINGS, "--explain"));
        all.addAll(List.of(args).subList(1, args.length));
        return new Reading(name, exit, all);
    }

    private static final List<Reading> READINGS_ASKED = List.of(
            // a loosening amendment does not withdraw what it does not mention
            reading("01-national-security-release-of-2025-stays", 0,
                    "gate", "--product", "gov-api", "--cloud", "aws", "--segment", "us-national-security", "--on", "2026-06-01"),
            reading("02-national-security-carve-out-read-as-struck-release-still-stays", 0,
                    "gate", "--product", "gov-api", "--cloud", "aws", "--segment", "us-national-security", "--on", "2026-06-01",
                    "--assume", "national-security-carve-out-survives=no"),
            reading("03-national-security-new-product-under-the-carve-out", 0,
                    "gate", "--product", "gov-realtime", "--cloud", "aws", "--segment", "us-national-security", "--on", "2026-06-01"),
            reading("04-national-security-new-product-carve-out-read-as-struck", 1,
                    "gate", "--product", "gov-realtime", "--cloud", "aws", "--segment", "us-national-security", "--on", "2026-06-01",
                    "--assume", "national-security-carve-out-survives=no"),
            // a release already made stays made
            reading("05-non-api-product-on-gcp-before-april-2026-stays", 0,
                    "gate", "--product", "sora", "--cloud", "gcp", "--on", "2026-06-01"),
            reading("06-new-non-api-product-ships-first-on-azure", 1,
                    "gate", "--product", "deep-memory", "--cloud", "gcp", "--on", "2026-09-01"),
            reading("07-new-non-api-product-if-azure-first-does-not-cover-non-api", 0,
                    "gate", "--product", "deep-memory", "--cloud", "gcp", "--on", "2026-09-01",
                    "--assume", "azure-first-covers-non-api=no"),
            // a deadline cannot close before its rule exists
            reading("08-request-before-the-rule-still-awaiting-its-answer", 1,
                    "gate", "--product", "codex-cloud", "--cloud", "gcp", "--on", "2026-05-20"),
            reading("09-request-before-the-rule-silence-past-the-window", 0,
                    "gate", "--product", "codex-cloud", "--cloud", "gcp", "--on", "2026-05-28"),
            // exclusions hold whatever the question
            reading("10-consumer-hardware-subject-asked-as-products", 1,
                    "license", "--licensee", "Microsoft", "--class", "products", "--subject", "io-device", "--on", "2027-06-01"),
            // kinds nest
            reading("11-stateless-api-in-2025-is-an-api", 1,
                    "gate", "--product", "responses-api", "--cloud", "aws", "--on", "2025-06-01"),
            // the right of first refusal
            reading("12-capacity-offer-awaiting-microsoft", 1,
                    "buy", "--buyer", "OpenAI", "--subject", "compute-capacity", "--seller", "oracle", "--on", "2025-05-15"),
            reading("13-capacity-offer-silence-counts-as-decline", 0,
                    "buy", "--buyer", "OpenAI", "--subject", "compute-capacity", "--seller", "oracle", "--on", "2025-06-10"),
            reading("14-capacity-offer-exercised-by-microsoft", 1,
                    "buy", "--buyer", "OpenAI", "--subject", "compute-capacity", "--seller", "coreweave", "--on", "2025-07-01"),
            reading("15-no-right-of-first-refusal-after-october-2025", 0,
                    "buy", "--buyer", "OpenAI", "--subject", "compute-capacity", "--seller", "google", "--on", "2025-11-01"),
            reading("16-open-offers-are-obligations", 0, "obligations", "--on", "2025-07-20"),
            // ends and exclusivity from the record, or a named reading
            reading("17-licence-of-2024-exclusive-on-a-named-reading", 0,
                    "license", "--licensee", "Microsoft", "--class", "models", "--on", "2024-06-01"),
            reading("18-research-ip-exclusive-on-a-named-reading", 0,
                    "license", "--licensee", "Microsoft", "--class", "research", "--on", "2026-06-01"),
            // the same revenue under the history with and without April 2026: without it, the October 2025
            // share still ends with 2030 (nothing in 2031), and nothing before 2026-Q2 changes
            reading("19-what-april-2026-is-worth-and-october-2025-ends-with-2030", 0,
                    "diff", "--from", "2026-04-26", "--to", "2026-04-27", "--revenue", REVENUE, "--through", "2031-12-31"),
            // the cap was not public until 11 May 2026
            reading("20-cap-not-yet-public-as-known-on-5-may-2026", 0,
                    "settle", "--revenue", REVENUE, "--from", "2026-04-01", "--through", "2026-06-30", "--term", "openai-to-microsoft",
                    "--as-known", "2026-05-05"));

    /** Decisions that rest on clauses and assumptions alone: no fact is asked about. */
    private static final List<String> ANSWERED_WITHOUT_FACTS = List.of("15-no-right-of-first-refusal-after-october-2025",
            "17-licence-of-2024-exclusive-on-a-named-reading", "18-research-ip-exclusive-on-a-named-reading");

    @TestFactory
    Stream<DynamicTest> eachReadingGivesItsGoldenAnswer() {
        return READINGS_ASKED.stream().map(reading -> DynamicTest.dynamicTest(reading.name(), () -> {
            Cli.Result result = Cli.run(reading.args().toArray(String[]::new));
            Golden.assertMatches(GOLDEN.resolve(reading.name() + ".txt"), "$ treaty " + String.join(" ", reading.args()) + "\n"
                    + result.transcript());
            assertThat(result.exit()).as(result.err()).isEqualTo(reading.exit());
            if (List.of("gate", "license", "buy").contains(reading.args().get(0))) {
                assertThat(result.out()).as("names the clause and the version").contains("· clause ", " of msft-openai");
                if (!ANSWERED_WITHOUT_FACTS.contains(reading.name())) {
                    assertThat(result.out()).as("names the facts").containsPattern("· [a-z-]+ [a-z0-9-]+ at \\S+\\.jsonl:\\d+");
                }
            }
            if (reading.args().get(0).equals("diff")) {
                assertThat(result.out()).doesNotContain(" 2031-Q", " 2026-Q1 ", " 2025-Q").contains("2030-Q4");
            }
        }));
    }

    @Test
    void theReadingsThatRestOnAnAssumptionNameIt() {
        for (String name : List.of("01-national-security-release-of-2025-stays", "06-new-non-api-product-ships-first-on-azure",
                "09-request-before-the-rule-silence-past-the-window", "13-capacity-offer-silence-counts-as-decline",
                "17-licence-of-2024-exclusive-on-a-named-reading", "18-research-ip-exclusive-on-a-named-reading")) {
            Reading reading = READINGS_ASKED.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            assertThat(Cli.run(reading.args().toArray(String[]::new)).out()).as(name).contains("· assumption $");
        }
        assertThat(Cli.run(READINGS_ASKED.get(19).args().toArray(String[]::new)).out())
                .contains("$revenue-share-cap", "not yet public as known on 2026-05-05 (public since 2026-05-11)");
    }

    @Test
    void everyGoldenFileHasItsReadingAndEveryReadingItsGoldenFile() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(GOLDEN)) {
            files = listing.map(p -> p.getFileName().toString().replaceAll("\\.txt$", "")).sorted().toList();
        }
        assertThat(files).containsExactlyElementsOf(READINGS_ASKED.stream().map(Reading::name).sorted().toList());
        assertThat(READINGS_ASKED).hasSize(20);
    }
}
