package dev.treaty.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code treaty test}: the examples carry their expected answers and pass them, cover every term of
 * the flagship, the April 2026 amendment changes exactly the answers its terms change, the JUnit
 * XML is valid, a failure says what was expected, what came and why (exit 1), and a broken test
 * file is reported at file:line:col (exit 2).
 */
class TestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String book() {
        return Cli.root().resolve("examples/book-deal").toString();
    }

    @Test
    void theExamplesCarryAtLeast25TestsEachAndPassThem() throws Exception {
        for (String folder : List.of(Cli.flagship(), book())) {
            Cli.Result result = Cli.run("test", folder, "--json");
            assertThat(result.exit()).as(result.out() + result.err()).isZero();
            JsonNode json = JSON.readTree(result.out());
            assertThat(json.get("passed").asBoolean()).isTrue();
            assertThat(json.get("tests").asInt()).as(folder).isGreaterThanOrEqualTo(25);
        }
        Cli.Result text = Cli.run("test", Cli.flagship(), book());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("ok    OpenAI's share reaches the cap in 2028-Q4").doesNotContain("FAIL").containsPattern("\\d+ tests, \\d+ expectations: all pass");
    }

    @Test
    void everyTermOfTheFlagshipAndOfTheBookDealIsCoveredWithItsBranches() throws Exception {
        JsonNode json = JSON.readTree(Cli.run("test", Cli.flagship(), book(), "--coverage", "--json").out());
        List<String> uncovered = new ArrayList<>();
        for (JsonNode report : json.get("coverage")) {
            for (JsonNode unit : report.get("units")) {
                String name = unit.get("document").asText() + " §" + unit.get("clause").asText() + " " + unit.get("term").asText();
                if (!unit.get("covered").asBoolean()) uncovered.add(name);
                unit.get("branches").forEach(b -> {
                    if (!b.get("covered").asBoolean()) uncovered.add(name + " [" + b.get("branch").asText() + "]");
                });
            }
            assertThat(report.get("covered").asInt()).isEqualTo(report.get("terms").asInt());
        }
        assertThat(uncovered).isEmpty();
        assertThat(json.get("coverage").get(0).get("terms").asInt()).as("the flagship's terms across its versions").isEqualTo(26);
        String text = Cli.run("test", Cli.flagship(), "--coverage").out();
        assertThat(text).contains("Coverage of msft-openai", "26 of 26 terms", "[✓ cap reached]", "[✓ exception to azure-first applies]");
    }

    /** What the April 2026 amendment's terms change, worked out from them by hand: (test, expectation). */
    private static final List<String> CHANGED_BY_APRIL_2026 = List.of(
            // 3.1 Azure first replaces the API's Azure exclusivity, and strikes 3.2 (non-API products on any cloud)
            "§3.1 Azure first replaces Azure exclusivity on 27 April 2026 | term azure-first",
            "§3.1 Azure first replaces Azure exclusivity on 27 April 2026 | term azure-first provider",
            "§3.1 Azure first replaces Azure exclusivity on 27 April 2026 | term api-on-azure",
            "§3.1 Azure first replaces Azure exclusivity on 27 April 2026 | term non-api-any-cloud",
            "April 2026: ChatGPT, first shipped on Azure, may also ship on AWS | term azure-first",
            "April 2026: ChatGPT, first shipped on Azure, may also ship on AWS | term api-on-azure",
            // a non-API product with an unanswered capability request: free under 3.2, held to Azure first now
            "April 2026: a request Microsoft has not answered keeps the product on Azure first | gate research-assistant gcp",
            // 4.1 the IP licence becomes non-exclusive
            "April 2026: the IP licence is non-exclusive through 2032 | license Microsoft models",
            // the amendment joins the version from the day it is signed
            "as known on the day it was signed, it is | version",
            // 6.1 a total cap on OpenAI's share, and the quarter split at the amendment
            "OpenAI's share reaches the cap in 2028-Q4, and nothing is due after | settle openai-to-microsoft cap-reached",
            "OpenAI's share reaches the cap in 2028-Q4, and nothing is due after | settle openai-to-microsoft total-due",
            "OpenAI's share reaches the cap in 2028-Q4, and nothing is due after | settle openai-to-microsoft 2029-Q1 due",
            "the April 2026 quarter is split at the amendment | settle openai-to-microsoft 2026-Q2@2026-04-01 due",
            "the April 2026 quarter is split at the amendment | settle openai-to-microsoft 2026-Q2@2026-04-27 due",
            "the April 2026 quarter is split at the amendment | settle openai-to-microsoft 2026-Q2@2026-04-27 due-date",
            "the April 2026 quarter is split at the amendment | settle openai-to-microsoft 2026-Q2@2026-04-27 rate",
            "a lower assumed cap is reached sooner | settle openai-to-microsoft cap-reached",
            "a lower assumed cap is reached sooner | settle openai-to-microsoft total-due",
            // 6.2 Microsoft's share to OpenAI is struck
            "Microsoft's share to OpenAI ends on 26 April 2026 | settle microsoft-to-openai total-due",
            "Microsoft's share to OpenAI ends on 26 April 2026 | settle microsoft-to-openai 2026-Q2 due",
            "Microsoft's share is not in force after the amendment | term microsoft-to-openai");

    @Test
    void againstTheApril2026AmendmentListsExactlyTheAnswersItsTermsChange() throws Exception {
        Cli.Result result = Cli.run("test", Cli.flagship(), "--against", "msft-openai-2026-04", "--json");
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> listed = new ArrayList<>();
        JSON.readTree(result.out()).get("against").get("changes").forEach(c -> listed.add(c.get("test").asText() + " | " + c.get("expect").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(CHANGED_BY_APRIL_2026);

        Cli.Result text = Cli.run("test", Cli.flagship(), "--against", "msft-openai-2026-04");
        assertThat(text.out()).contains("msft-openai-2026-04 changes " + CHANGED_BY_APRIL_2026.size() + " expected answers",
                "without msft-openai-2026-04: LICENSED (exclusive, through 2032-12-31)", "with    msft-openai-2026-04: LICENSED (non-exclusive");
        assertThat(Cli.run("test", Cli.flagship(), "--against", "no-such-document").exit()).isEqualTo(2);
    }

    @Test
    void theJunitXmlGoesIntoAFolderMadeForItAndNeverHalfWritten() throws Exception {
        Path xml = dir.resolve("not/yet/there/results.xml");
        assertThat(Cli.run("test", book(), "--junit", xml.toString()).exit()).isZero();
        validJunit(xml);
        Files.createDirectories(dir.resolve("a-folder.xml"));
        Cli.Result refused = Cli.run("test", book(), "--junit", dir.resolve("a-folder.xml").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("is not a regular file").doesNotContain("internal error");
    }

    @Test
    void aFailureSaysWhatWasExpectedWhatCameAndWhyAndExitsOne() throws Exception {
        Path folder = copyOfFlagship();
        Files.writeString(folder.resolve("wrong.test.treaty.md"), """
                # A wrong expectation

                ```treaty-test
                test: a wrong reading of the 2023 terms
                on: 2024-06-01
                events: facts/events.jsonl
                expect gate chatgpt aws = ALLOWED
                expect gate chatgpt azure = ALLOWED
                ```
                """);
        Cli.Result result = Cli.run("test", folder.toString(), "--filter", "wrong reading", "--junit", dir.resolve("junit.xml").toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL  a wrong reading of the 2023 terms", "wrong.test.treaty.md:7:8: expect gate chatgpt aws",
                "expected: ALLOWED", "actual:   DENIED", "why:", "cloud-exclusivity azure-exclusive", "events.jsonl",
                "1 test, 2 expectations: 1 test failed (1 expectation)");
        assertThat(result.out()).doesNotContain("chatgpt azure\n");
        validJunit(dir.resolve("junit.xml"));
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<failure", "expected: ALLOWED");
    }

    @Test
    void theJunitXmlOfTheExamplesValidatesAgainstTheJunitSchema() throws Exception {
        Path xml = dir.resolve("examples.xml");
        assertThat(Cli.run("test", Cli.flagship(), book(), "--junit", xml.toString()).exit()).isZero();
        validJunit(xml);
        String text = Files.readString(xml);
        assertThat(text).contains("<testsuites", "msft-openai.test.treaty.md", "northwind-book.test.treaty.md", "2026-04-27-amendment.treaty.md")
                .doesNotContain("<failure", "<error");
    }

    private static void validJunit(Path xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (var schema = TestCommandTest.class.getResourceAsStream("/junit.xsd")) {
            factory.newSchema(new StreamSource(schema)).newValidator().validate(new StreamSource(xml.toFile()));
        }
    }

    @Test
    void aBrokenTestFileIsReportedAtFileLineAndColumnAndNothingRuns() throws Exception {
        Path folder = copyOfFlagship();
        Files.writeString(folder.resolve("broken.test.treaty.md"), """
                # Broken

                ```treaty-test
                on: 2024-06-01
                test: misspelt
                onn: 2024-06-01
                expect gate chatgpt = ALLOWED
                expect gait chatgpt aws = ALLOWED
                expect settle openai-to-microsoft total-due = USD 1
                through: 2030-02-30
                ```
                """);
        Cli.Result result = Cli.run("test", folder.toString());
        assertThat(result.exit()).isEqualTo(2);
        String path = folder.resolve("broken.test.treaty.md").toString();
        assertThat(result.err()).contains(
                path + ":4:1: error: 'on' before any 'test: NAME' line",
                path + ":6:1: error: unknown key 'onn'",
                path + ":7:8: error: write 'expect gate PRODUCT CLOUD [SEGMENT] = ALLOWED|DENIED'",
                path + ":8:8: error: unknown expectation 'gait'",
                path + ":10:10: error: '2030-02-30' is not a date (YYYY-MM-DD)",
                path + ":9:8: error: 'expect settle' needs the test's 'through: DATE'",
                "nothing was run");
        assertThat(result.out()).isEmpty();
    }

    /** The flagship's agreement files and facts in a folder of the test's own (without its tests). */
    private Path copyOfFlagship() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("flagship"));
        Path facts = Files.createDirectories(folder.resolve("facts"));
        Path flagship = Path.of(Cli.flagship());
        try (var files = Files.list(flagship)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".treaty.md")).toList()) {
                // the agreement files keep their tests beside the clauses: they run too unless filtered
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.delete(folder.resolve("msft-openai.test.treaty.md"));
        for (String name : List.of("events.jsonl", "revenue.csv")) Files.copy(flagship.resolve("facts").resolve(name), facts.resolve(name));
        return folder;
    }
}
