package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service credit by measured availability: the level and its explanation, and the measurements it refuses. */
class MeasuredLevelsTest {

    private static final AgreementFolder.Loaded DEAL = Fixtures.loadText("""
            # SaaS

            ```treaty
            agreement saas "SaaS"
            party Provider
            party Customer
            signed 2026-01-01
            effective 2026-01-01
            ```

            ## 1 Credits

            ```treaty
            revenue-share credits {
              payer Provider
              payee Customer
              rate by availability {
                from 95% below 99.9%: 10%
                from 99.9% to 100%: 0%
              }
              period month
              due 30 days after period end
              currency USD
            }
            ```
            """);

    private static Facts measured(String... idAndValue) {
        List<EventReader.Text> texts = new java.util.ArrayList<>();
        for (String pair : idAndValue) {
            String[] parts = pair.split(" ");
            texts.add(new EventReader.Text(new FactSource(Path.of("m.jsonl"), texts.size() + 1), "{\"id\":\"" + parts[0] + "\",\"type\":\"measurement\","
                    + "\"on\":\"2026-02-01\",\"metric\":\"availability\",\"value\":\"" + parts[1] + "\",\"from\":\"2026-01-01\",\"through\":\"2026-01-31\","
                    + "\"by\":\"Provider\"}"));
        }
        return new Facts(EventReader.parse(texts).facts());
    }

    private static Statement settle(Facts facts) {
        return Fixtures.settle(DEAL, facts, LocalDate.MAX, LocalDate.of(2026, 1, 31), List.of(line("2026-01-10", "Provider", "x", "50000")))
                .statements().get(0);
    }

    @Test
    void theLevelAndItsExplanation() {
        StatementLine january = settle(measured("a-1 98.5%")).lines().get(0);
        assertThat(january.due().amount()).isEqualByComparingTo("5000");
        assertThat(january.rate()).isEqualTo("10% (availability 98.5%)");
        assertThat(ExplanationText.render(january.why())).contains("availability in 2026-01: 98.5% measured by Provider, in the level from 95% below 99.9%: 10%",
                "measurement a-1");
    }

    @Test
    void aNumberWhereTheLevelsArePercentagesIsRefused() {
        assertThatThrownBy(() -> settle(measured("a-1 98.5"))).isInstanceOf(SettlementException.class)
                .hasMessageContaining("availability is measured as 98.5 (a-1 (m.jsonl:1)) but its levels are percentages");
    }

    @Test
    void aValueInNoLevelIsRefusedNamingTheTable() {
        assertThatThrownBy(() -> settle(measured("a-1 90%"))).isInstanceOf(SettlementException.class)
                .hasMessageContaining("availability of 90% in 2026-01 (a-1 (m.jsonl:1)) falls in no level of its table by availability");
    }

    @Test
    void twoMeasurementsOfTheSameDaysAreAConflict() {
        assertThatThrownBy(() -> settle(measured("a-1 98.5%", "a-2 99.95%"))).isInstanceOf(SettlementException.class)
                .hasMessageContaining("two measurements of availability cover 2026-01: a-1 (m.jsonl:1), a-2 (m.jsonl:2)");
    }
}
