package dev.treaty.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Release gates and licences of the flagship, case by case, through the command line. */
class DecisionsTest {

    private static final String EVENTS = "../examples/microsoft-openai/facts/events.jsonl";
    private static final String AGI_VERIFIED = "src/test/resources/facts/agi-verified-2026-01.jsonl";
    private static final String AGI_DECLARED = "src/test/resources/facts/agi-declared-2024.jsonl";

    private static Cli.Result run(String command, String extraEvents, String arguments) {
        List<String> args = new ArrayList<>(List.of(command, Cli.flagship(), "--events", EVENTS));
        if (extraEvents != null && !extraEvents.isBlank()) args.add(extraEvents.equals("agi-verified") ? AGI_VERIFIED : AGI_DECLARED);
        args.addAll(List.of(arguments.trim().split("\\s+")));
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                                                  | extra events | arguments                                                         | exit | says
            "2023 terms: any product on another cloud                 |              | --product chatgpt --cloud aws --on 2024-06-01                     | 1 | cloud-exclusivity azure-exclusive: chatgpt may run only on azure",
            "2023 terms: on Azure itself                              |              | --product chatgpt --cloud azure --on 2024-06-01                   | 0 | satisfied, azure is the exclusive cloud",
            "January 2025 terms: the API on another cloud             |              | --product openai-api --cloud gcp --on 2025-06-01                  | 1 | cloud-exclusivity api-on-azure: openai-api may run only on azure",
            "January 2025 terms: a non-API product elsewhere          |              | --product chatgpt --cloud gcp --on 2025-06-01                     | 0 | does not cover this product",
            "October 2025 terms: an API product on another cloud      |              | --product responses-api --cloud aws --on 2025-12-01               | 1 | api-on-azure: responses-api may run only on azure",
            "October 2025 terms: US national-security customer        |              | --product gov-api --cloud aws --segment us-national-security --on 2025-12-01 | 0 | is an exception to it and applies",
            "October 2025 terms: the same API without the segment     |              | --product gov-api --cloud aws --on 2025-12-01                     | 1 | gov-api may run only on azure",
            "October 2025 terms: non-API products on any cloud        |              | --product chatgpt --cloud oracle --on 2025-12-01                  | 0 | release-permission non-api-any-cloud: allows chatgpt on oracle",
            "October 2025 terms: API exclusivity ends with verified AGI | agi-verified | --product openai-api --cloud aws --on 2026-02-01              | 0 | cloud-exclusivity api-on-azure has ended: until agi verified",
            "2026 terms: shipped first on Azure                       |              | --product chatgpt --cloud aws --on 2026-06-01                     | 0 | shipped on azure first, on 2022-11-30",
            "2026 terms: Microsoft declined the capabilities          |              | --product agent-kit --cloud gcp --on 2026-07-01                   | 0 | Microsoft answered decline on 2026-06-30",
            "2026 terms: Microsoft will support but it has not shipped |             | --product voice-engine --cloud aws --on 2026-08-01                | 1 | Microsoft answered support on 2026-07-10",
            "2026 terms: unanswered request inside its window         |              | --product research-assistant --cloud gcp --on 2026-09-15          | 1 | awaiting Microsoft's answer until 2026-10-02",
            "2026 terms: unanswered request after its window          |              | --product research-assistant --cloud gcp --on 2026-10-05          | 0 | no answer by the deadline 2026-10-02; silence counts as decline",
            "2026 terms: no request and not shipped on Azure          |              | --product deep-memory --cloud aws --on 2026-09-01                 | 1 | no capability request for deep-memory to Microsoft",
            "2026 terms: once shipped on Azure it may go anywhere     |              | --product deep-memory --cloud aws --on 2026-10-20                 | 0 | shipped on azure first, on 2026-10-15",
    })
    void gate(String description, String extraEvents, String arguments, int exit, String says) {
        Cli.Result result = run("gate", extraEvents, arguments);
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(exit);
        assertThat(result.out()).startsWith(exit == 0 ? "ALLOWED: " : "DENIED: ").contains(says);
        assertThat(result.out()).contains("· clause ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "models after the 2026 amendment: non-exclusive through 2032 |  | --licensee Microsoft --class models --on 2026-06-01        | 0 | LICENSED (non-exclusive, through 2032-12-31)",
            "models under the 2019 terms: exclusive until AGI declared   |  | --licensee Microsoft --class models --on 2024-06-01        | 0 | LICENSED (exclusive, with no end date, until agi declared)",
            "models under the October 2025 terms: exclusive until AGI    |  | --licensee Microsoft --class models --on 2025-12-01        | 0 | LICENSED (exclusive, through 2032-12-31)",
            "2019 terms: a declared AGI ends the pre-AGI licence | agi-declared | --licensee Microsoft --class models --on 2024-06-01   | 1 | licence microsoft-ip has ended: until agi declared",
            "October 2025 terms: verified AGI ends exclusivity only | agi-verified | --licensee Microsoft --class models --on 2026-02-01 | 0 | LICENSED (non-exclusive, through 2032-12-31)",
            "consumer hardware is excluded                               |  | --licensee Microsoft --class consumer-hardware --on 2026-06-01 | 1 | licence microsoft-ip excludes consumer-hardware",
            "research IP before 2030                                     |  | --licensee Microsoft --class research --on 2027-06-01      | 0 | LICENSED (exclusive, through 2030-12-31, until agi verified)",
            "research IP after a verified AGI                 | agi-verified | --licensee Microsoft --class research --on 2026-02-01      | 1 | licence microsoft-research-ip has ended: until agi verified",
            "research IP after 2030                                      |  | --licensee Microsoft --class research --on 2031-01-01      | 1 | licence microsoft-research-ip has lapsed on 2031-01-01",
            "a model released in 2025 used in 2030                       |  | --licensee Microsoft --class models --subject gpt-5 --on 2030-06-01 | 0 | subject gpt-5 released on 2025-08-07",
            "a model released in 2031 used in 2033                       |  | --licensee Microsoft --class models --subject gpt-7 --on 2033-01-01 | 1 | licence microsoft-ip has lapsed on 2033-01-01 (through 2032-12-31)",
            "OpenAI holds no licence from Microsoft                      |  | --licensee OpenAI --class models --on 2026-06-01           | 1 | no licence in force to OpenAI covers models",
    })
    void license(String description, String extraEvents, String arguments, int exit, String says) {
        Cli.Result result = run("license", extraEvents, arguments);
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(exit);
        assertThat(result.out()).startsWith(exit == 0 ? "LICENSED (" : "NOT LICENSED: ").contains(says);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "after the 2026 issuance: diluted, at the latest valuation | --holder Microsoft --on 2026-06-01 | Microsoft holds 25.92% of OpenAI on 2026-06-01, worth USD 189,216,000,000.00",
            "before the issuance was recorded | --holder Microsoft --on 2026-06-01 --as-known 2026-04-01 | Microsoft holds 27% of OpenAI on 2026-06-01, worth USD 135,000,000,000.00",
            "at the definitive agreement | --holder Microsoft --on 2025-10-28 | Microsoft holds 27% of OpenAI on 2025-10-28, worth USD 135,000,000,000.00",
    })
    void stake(String description, String arguments, String says) {
        Cli.Result result = run("stake", "", arguments);
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith(says);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "in October 2026 | --on 2026-10-01 | committed USD 250,000,000,000, drawn USD 33,000,000,000, remaining USD 217,000,000,000, 2283 days left (through 2032-12-31)",
            "before any spend | --on 2025-11-01 | drawn USD 0, remaining USD 250,000,000,000",
            "after the window | --on 2033-01-01 | remaining USD 217,000,000,000, 0 days left",
    })
    void commitment(String description, String arguments, String says) {
        Cli.Result result = run("commitment", "", arguments);
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains(says);
    }

    @org.junit.jupiter.api.Test
    void anUnknownProductIsBadInput() {
        Cli.Result result = run("gate", "", "--product no-such-product --cloud aws --on 2026-06-01");
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("no product event names 'no-such-product'");
    }

    @org.junit.jupiter.api.Test
    void everyExplanationNamesTheClauseTheVersionAndTheFacts() {
        String version = "msft-openai-2026-04 (amendment, signed 2026-04-27, effective 2026-04-27)";
        assertThat(run("gate", "", "--product agent-kit --cloud gcp --on 2026-07-01 --explain").out())
                .contains("clause 3.1 \"Azure first\" of " + version, "capability-response ca-agent-kit at ../examples/microsoft-openai/facts/events.jsonl:20");
        assertThat(run("license", "", "--licensee Microsoft --class models --on 2026-06-01 --explain").out())
                .contains("clause 4.1 \"Models and products\" of " + version);
        assertThat(run("stake", "", "--holder Microsoft --on 2026-06-01 --explain").out())
                .contains("clause 2 \"Microsoft's stake\" of msft-openai-2025-10 (restatement", "valuation v-2026-03 at", "issuance i-2026-03 at");
        assertThat(run("commitment", "", "--on 2026-10-01 --explain").out())
                .contains("clause 7 \"Azure purchase commitment\" of msft-openai-2025-10", "spend s-2026-q3 at");
        Cli.Result settle = Cli.run("settle", Cli.flagship(), "--revenue", "../examples/microsoft-openai/facts/revenue.csv",
                "--events", EVENTS, "--from", "2026-04-01", "--through", "2026-06-30", "--term", "openai-to-microsoft", "--explain");
        assertThat(settle.out()).contains("clause 6.1 \"OpenAI's share to Microsoft\" of " + version,
                "100 revenue lines of ../examples/microsoft-openai/facts/revenue.csv (lines 930–1037)",
                "assumption $revenue-share-cap = USD 38,000,000,000", "rounded half-even to 2");
    }

    @org.junit.jupiter.api.Test
    void obligationsListWhatEachPartyMustDoWithTheirSources() {
        Cli.Result result = Cli.run("obligations", Cli.flagship(), "--events", EVENTS, "--revenue",
                "../examples/microsoft-openai/facts/revenue.csv", "--on", "2026-09-15", "--explain");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains(
                "answer capability request cr-research-assistant (research-assistant: long-context, made 2026-09-02): answer by 2026-10-02, else it counts as decline",
                "capability-request cr-research-assistant at ../examples/microsoft-openai/facts/events.jsonl:27",
                "pay Microsoft (openai-to-microsoft): USD 3,617,827,150.53 fell due by 2026-09-15",
                "pay OpenAI (microsoft-to-openai): USD 2,432,258,064.51 fell due by 2026-09-15",
                "commitment: buy USD 227,500,000,000 more of Microsoft's services by 2032-12-31",
                "clause 6.1 \"OpenAI's share to Microsoft\" of msft-openai-2026-04");
        assertThat(Cli.run("obligations", Cli.flagship(), "--events", EVENTS, "--on", "2030-03-01").out())
                .contains("lapses 2030-12-31: licence microsoft-research-ip (clause 4.2)", "lapses 2030-12-31: revenue-share openai-to-microsoft");
    }
}
