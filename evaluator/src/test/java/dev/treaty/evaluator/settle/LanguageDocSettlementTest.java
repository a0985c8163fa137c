package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every revenue-share and penalty example of docs/language.md settles: loaded into a small
 * agreement beside the events it names, and settled over two years of revenue, availability
 * measurements, a force majeure and a delivery, it gives a statement whose totals reconcile with
 * its lines, and nothing is refused.
 */
class LanguageDocSettlementTest {

    private static final Pattern BLOCK = Pattern.compile("(?ms)^```treaty\\n((?:revenue-share|penalty|instalment-sale|computed) .*?)^```");

    private static final String AGREEMENT = """
            # Harness

            ```treaty
            agreement deal "Harness"
            party Alpha
            party Beta
            party Microsoft
            party OpenAI
            party Author
            party Publisher
            unit stream
            unit thousand-streams = 1000 stream
            signed 2025-01-01
            effective 2025-01-01
            ```

            ## 1 Events

            ```treaty
            event agi {
              declared by OpenAI
              verified by expert-panel
            }
            event delivered {
              declared by Alpha
            }
            event force-majeure {
              declared by Beta
            }
            ```
            """;

    private static final String ASSUMPTIONS = """
            # Assumptions

            ```treaty
            assumptions for deal
            assume revenue-share-rate = 20% "test"
            assume revenue-share-cap = USD 38 billion "test"
            assume payment-due = 45 days "test"
            ```
            """;

    @TestFactory
    Stream<DynamicTest> everyMoneyExampleSettles() throws IOException {
        String text = Files.readString(Fixtures.root().resolve("docs/language.md"));
        List<DynamicTest> tests = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String block = matcher.group(1);
            int line = (int) text.substring(0, matcher.start()).lines().count() + 1;
            tests.add(DynamicTest.dynamicTest("docs/language.md:" + line, () -> assertSettles(block, line)));
        }
        assertThat(tests).as("revenue-share and penalty examples").hasSizeGreaterThanOrEqualTo(10);
        return tests.stream();
    }

    private static void assertSettles(String block, int line) {
        Map<Path, String> texts = new LinkedHashMap<>();
        texts.put(Path.of("harness.treaty.md"), AGREEMENT + "\n## 2 Example\n\n```treaty\n" + block + "```\n");
        texts.put(Path.of("assumptions.treaty.md"), ASSUMPTIONS);
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
        assertThat(loaded.hasErrors()).as("docs/language.md:" + line + " " + loaded.diagnostics()).isFalse();
        String term = block.strip().split("\\s+")[1];

        SettlementResult result = Fixtures.settle(loaded, facts(), LocalDate.MAX, LocalDate.of(2026, 12, 31), revenue());
        Statement statement = result.statements().stream().filter(s -> s.term().equals(term)).findFirst().orElseThrow();
        assertThat(statement.lines()).as("docs/language.md:" + line + ": lines of " + term).isNotEmpty();
        var sum = statement.lines().stream().map(StatementLine::due).reduce((a, b) -> a.plus(b)).orElseThrow();
        assertThat(sum).as("docs/language.md:" + line + ": the lines add up to the total").isEqualTo(statement.totalDue());
        assertThat(statement.totalDue().isNegative()).isFalse();
    }

    /** Every payer's revenue in every category the examples filter on, month by month through 2026. */
    private static List<RevenueLine> revenue() {
        List<RevenueLine> lines = new ArrayList<>();
        for (LocalDate month = LocalDate.of(2025, 1, 1); month.getYear() < 2027; month = month.plusMonths(1)) {
            for (String party : List.of("Alpha", "Beta", "OpenAI", "Microsoft", "Publisher")) {
                for (String category : List.of("subscription", "print", "ebook", "api", "non-api")) {
                    lines.add(Fixtures.line(month.plusDays(14).toString(), party, category, "25000"));
                }
            }
        }
        return lines;
    }

    /** Availability for every month of 2025 and 2026 but one, a USD→EUR rate each month, a force majeure of ten days, a delivery, and AGI declared and verified. */
    private static Facts facts() {
        List<EventReader.Text> texts = new ArrayList<>();
        String[] levels = {"99.95%", "99.5%", "98.2%", "94.0%"};
        int i = 0;
        for (LocalDate month = LocalDate.of(2025, 1, 1); month.getYear() < 2027; month = month.plusMonths(1), i++) {
            texts.add(text("{\"id\":\"plays-" + month + "\",\"type\":\"measurement\",\"on\":\"" + month.plusMonths(1) + "\",\"metric\":\"plays\","
                    + "\"value\":\"" + (1_000_000 + 250_000 * i) + "\",\"unit\":\"stream\",\"from\":\"" + month + "\",\"through\":\""
                    + month.plusMonths(1).minusDays(1) + "\",\"by\":\"Beta\"}"));
            texts.add(text("{\"id\":\"fx-" + month + "\",\"type\":\"fx-rate\",\"on\":\"" + month + "\",\"from\":\"USD\",\"to\":\"EUR\","
                    + "\"rate\":\"0.9" + (i % 7) + "\"}"));
            if (month.equals(LocalDate.of(2026, 11, 1))) continue;
            texts.add(text("{\"id\":\"m-" + month + "\",\"type\":\"measurement\",\"on\":\"" + month.plusMonths(1) + "\",\"metric\":\"availability\","
                    + "\"value\":\"" + levels[i % levels.length] + "\",\"from\":\"" + month + "\",\"through\":\""
                    + month.plusMonths(1).minusDays(1) + "\",\"by\":\"Alpha\"}"));
        }
        texts.add(text("{\"id\":\"fm\",\"type\":\"declaration\",\"on\":\"2026-07-10\",\"event\":\"force-majeure\",\"by\":\"Beta\",\"through\":\"2026-07-19\"}"));
        texts.add(text("{\"id\":\"agi\",\"type\":\"declaration\",\"on\":\"2026-03-01\",\"event\":\"agi\",\"by\":\"OpenAI\"}"));
        texts.add(text("{\"id\":\"agi-v\",\"type\":\"verification\",\"on\":\"2026-04-01\",\"event\":\"agi\",\"by\":\"expert-panel\"}"));
        texts.add(text("{\"id\":\"done\",\"type\":\"declaration\",\"on\":\"2026-09-18\",\"event\":\"delivered\",\"by\":\"Alpha\"}"));
        EventReader.Result read = EventReader.parse(texts);
        assertThat(read.errors()).isEmpty();
        return new Facts(read.facts());
    }

    private static EventReader.Text text(String json) {
        return new EventReader.Text(new FactSource(Path.of("events.jsonl"), 1), json);
    }
}
