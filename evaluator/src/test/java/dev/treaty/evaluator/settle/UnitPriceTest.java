package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A per-stream royalty worked by hand: USD 4 per thousand streams, the platform's monthly play
 * counts measured in streams, converted by the declared "thousand-streams = 1000 stream"; a
 * quantity in a unit with no declared conversion is refused.
 */
class UnitPriceTest {

    private static final AgreementFolder.Loaded DEAL = Fixtures.loadText("""
            # Streaming licence

            ```treaty
            agreement stream-deal "Streaming licence"
            party Platform
            party Label
            unit stream "Streams"
            unit thousand-streams = 1000 stream "Thousands of streams"
            unit tonne
            signed 2026-01-01
            effective 2026-01-01
            ```

            ## 1 Per-stream royalty

            ```treaty
            revenue-share per-stream {
              payer Platform
              payee Label
              rate USD 4 per thousand-streams by plays
              period month
              cap per period USD 6000
              due 30 days after period end
            }
            ```
            """);

    private static Facts plays(String... valueAndUnitByMonth) {
        List<EventReader.Text> texts = new java.util.ArrayList<>();
        for (int i = 0; i < valueAndUnitByMonth.length; i++) {
            if (valueAndUnitByMonth[i] == null) continue;
            String[] parts = valueAndUnitByMonth[i].split(" ");
            LocalDate month = LocalDate.of(2026, i + 1, 1);
            texts.add(new EventReader.Text(new FactSource(Path.of("plays.jsonl"), i + 1), "{\"id\":\"plays-" + month + "\",\"type\":\"measurement\","
                    + "\"on\":\"" + month.plusMonths(1) + "\",\"metric\":\"plays\",\"value\":\"" + parts[0] + "\",\"unit\":\"" + parts[1]
                    + "\",\"from\":\"" + month + "\",\"through\":\"" + month.plusMonths(1).minusDays(1) + "\",\"by\":\"Platform\"}"));
        }
        EventReader.Result read = EventReader.parse(texts);
        assertThat(read.errors()).isEmpty();
        return new Facts(read.facts());
    }

    @Test
    void streamsArePricedPerThousandAlongTheDeclaredConversion() {
        Statement statement = Fixtures.settle(DEAL, plays("1250000 stream", "400.5 thousand-streams", null, "2000000 stream"), LocalDate.MAX,
                LocalDate.of(2026, 4, 30), List.of()).statements().get(0);
        assertThat(statement.lines()).extracting(l -> l.period() + " " + l.rate() + " = " + l.due().amount().toPlainString()).containsExactly(
                // 1,250,000 streams = 1,250 thousand × USD 4
                "2026-01 USD 4 per thousand-streams × 1250 thousand-streams = 5000.00",
                // measured in thousands already: 400.5 × USD 4
                "2026-02 USD 4 per thousand-streams × 400.5 thousand-streams = 1602.00",
                "2026-03 USD 4 per thousand-streams × 0 (no plays measured) = 0.00",
                // 2,000 thousand × USD 4 = 8,000, cut to the monthly cap
                "2026-04 USD 4 per thousand-streams × 2000 thousand-streams = 6000.00");
    }

    @Test
    void aQuantityInAnUnrelatedUnitIsRefused() {
        assertThatThrownBy(() -> Fixtures.settle(DEAL, plays("12 tonne"), LocalDate.MAX, LocalDate.of(2026, 1, 31), List.of()))
                .isInstanceOf(SettlementException.class)
                .hasMessageContaining("prices per thousand-streams, but plays-2026-01-01")
                .hasMessageContaining("is measured in tonne, and no conversion between them is declared (units: stream, thousand-streams, tonne)");
    }

    @Test
    void theExplanationShowsTheConversionAndAPercentageIsNoQuantity() {
        Statement statement = Fixtures.settle(DEAL, plays("1250000 stream"), LocalDate.MAX, LocalDate.of(2026, 1, 31), List.of()).statements().get(0);
        assertThat(dev.treaty.evaluator.explain.ExplanationText.render(statement.lines().get(0).why()))
                .contains("plays in 2026-01: 1250000 stream measured by Platform, that is 1250 thousand-streams (1 stream = 0.001 thousand-streams, as declared)");
        Statement thousands = Fixtures.settle(DEAL, plays(null, "400.5 thousand-streams"), LocalDate.MAX, LocalDate.of(2026, 2, 28), List.of())
                .statements().get(0);
        assertThat(dev.treaty.evaluator.explain.ExplanationText.render(thousands.lines().get(1).why()))
                .contains("plays in 2026-02: 400.5 thousand-streams measured by Platform").doesNotContain("that is");
    }
}
