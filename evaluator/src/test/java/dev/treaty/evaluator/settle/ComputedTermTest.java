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

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Computed terms worked by hand: a hosting fee of USD 5,000 a month plus 2% of hosting revenue,
 * and a credit of the month's revenue in proportion to the availability missed.
 */
class ComputedTermTest {

    private static AgreementFolder.Loaded deal(String term) {
        return Fixtures.loadText("""
                # Hosting

                ```treaty
                agreement hosting-deal "Hosting"
                party Alpha
                party Beta
                signed 2026-01-01
                effective 2026-01-01
                ```

                ## 1 Fee

                ```treaty
                %s
                ```
                """.replace("%s", term));
    }

    private static final AgreementFolder.Loaded FEE = deal("""
            computed hosting-fee "Hosting fee" {
              payer Alpha
              payee Beta
              amount USD 5000 + 2% * revenue
              base category = hosting
              period month
              due 30 days after period end
            }""");

    private static final AgreementFolder.Loaded CREDIT = deal("""
            computed availability-credit "Credit for availability missed" {
              payer Alpha
              payee Beta
              amount revenue * (100 - measured availability) / 100
              period month
              cap per period USD 1000
              due 30 days after period end
            }""");

    private static Facts availability(String... byMonth) {
        List<EventReader.Text> texts = new java.util.ArrayList<>();
        for (int i = 0; i < byMonth.length; i++) {
            LocalDate month = LocalDate.of(2026, i + 1, 1);
            texts.add(new EventReader.Text(new FactSource(Path.of("m.jsonl"), i + 1), "{\"id\":\"a-" + month + "\",\"type\":\"measurement\","
                    + "\"on\":\"" + month.plusMonths(1) + "\",\"metric\":\"availability\",\"value\":\"" + byMonth[i] + "\",\"from\":\"" + month
                    + "\",\"through\":\"" + month.plusMonths(1).minusDays(1) + "\",\"by\":\"Alpha\"}"));
        }
        return new Facts(EventReader.parse(texts).facts());
    }

    @Test
    void aFixedFeePlusAShareOfRevenue() {
        Statement statement = Fixtures.settle(FEE, Facts.NONE, LocalDate.MAX, LocalDate.of(2026, 2, 28),
                List.of(line("2026-01-10", "Alpha", "hosting", "60000"), line("2026-01-20", "Alpha", "hosting", "40000"),
                        line("2026-01-25", "Alpha", "consulting", "99999"))).statements().get(0);
        assertThat(statement.kind().keyword()).isEqualTo("computed");
        assertThat(statement.lines()).extracting(l -> l.period() + " " + l.due().amount().toPlainString() + " | " + l.rate()).containsExactly(
                // USD 5,000 + 2% × USD 100,000 (the consulting line is not hosting)
                "2026-01 7000.00 | USD 5,000 + 2% × revenue with revenue = USD 100,000",
                "2026-02 5000.00 | USD 5,000 + 2% × revenue with revenue = USD 0");
    }

    @Test
    void aCreditInProportionToTheAvailabilityMissed() {
        Statement statement = Fixtures.settle(CREDIT, availability("99.5%", "98%", "100%"), LocalDate.MAX, LocalDate.of(2026, 3, 31),
                List.of(line("2026-01-10", "Alpha", "x", "80000"), line("2026-02-10", "Alpha", "x", "80000"),
                        line("2026-03-10", "Alpha", "x", "80000"))).statements().get(0);
        // 80,000 × 0.5 / 100 = 400; 80,000 × 2 / 100 = 1,600, cut to the cap of 1,000; nothing missed in March
        assertThat(statement.lines()).extracting(l -> l.period() + " " + l.due().amount().toPlainString())
                .containsExactly("2026-01 400.00", "2026-02 1000.00", "2026-03 0.00");
    }

    @Test
    void aMeasurementTheFormulaNeedsButNobodyMadeIsRefused() {
        assertThatThrownBy(() -> Fixtures.settle(CREDIT, availability("99.5%"), LocalDate.MAX, LocalDate.of(2026, 2, 28),
                List.of(line("2026-01-10", "Alpha", "x", "80000"))))
                .isInstanceOf(SettlementException.class)
                .hasMessageContaining("computes with measured availability, but no measurement of it covers 2026-02");
    }
}
