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
 * A royalty settled in dollars and paid in euros, worked by hand: 8% of each quarter's revenue,
 * converted at the rate of the quarter's last day (the last published on or before it) or of the
 * due date.
 */
class PaidInAnotherCurrencyTest {

    private static AgreementFolder.Loaded royalty(String day) {
        return Fixtures.loadText("""
                # Deal

                ```treaty
                agreement deal "Deal"
                party Alpha
                party Beta
                signed 2026-01-01
                effective 2026-01-01
                ```

                ## 1 Royalty

                ```treaty
                revenue-share royalty {
                  payer Alpha
                  payee Beta
                  rate 8%
                  period quarter
                  due 45 days after period end
                  currency USD
                  paid in EUR at %s rate
                }
                ```
                """.replace("%s", day));
    }

    private static Facts rates(String... lines) {
        List<EventReader.Text> texts = java.util.Arrays.stream(lines).map(l -> new EventReader.Text(new FactSource(Path.of("fx.jsonl"), 1),
                "{\"type\":\"fx-rate\",\"from\":\"USD\"," + (l.contains("\"to\"") ? "" : "\"to\":\"EUR\",") + l + "}")).toList();
        EventReader.Result read = EventReader.parse(texts);
        assertThat(read.errors()).isEmpty();
        return new Facts(read.facts());
    }

    private static final Facts RATES = rates(
            "\"id\":\"fx-q1\",\"on\":\"2026-03-27\",\"rate\":\"0.9234\"",      // a Friday: the last rate on or before Tuesday 31 March
            "\"id\":\"fx-q1-due\",\"on\":\"2026-05-15\",\"rate\":\"0.9011\"",
            "\"id\":\"fx-q2\",\"on\":\"2026-06-30\",\"rate\":\"0.8876\"",
            "\"id\":\"fx-late\",\"on\":\"2026-07-01\",\"rate\":\"2\"",
            "\"id\":\"fx-gbp\",\"on\":\"2026-03-30\",\"rate\":\"0.5\",\"to\":\"GBP\"");

    @Test
    void eachQuarterIsConvertedAtTheRateOfItsLastDay() {
        Statement statement = Fixtures.settle(royalty("period-end"), RATES, LocalDate.MAX, LocalDate.of(2026, 6, 30),
                List.of(line("2026-02-10", "Alpha", "x", "123456.78"), line("2026-05-10", "Alpha", "x", "50000"))).statements().get(0);
        StatementLine q1 = statement.lines().get(0);
        // 8% of USD 123,456.78 = USD 9,876.5424 → 9,876.54; × 0.9234 = EUR 9,119.997036 → 9,120.00
        assertThat(q1.due().toString()).isEqualTo("USD 9,876.54");
        assertThat(q1.paid().orElseThrow().amount().toString()).isEqualTo("EUR 9,120.00");
        assertThat(q1.paid().get().rateDay()).isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(q1.paid().get().fact()).isEqualTo("fx-q1");
        // 8% of USD 50,000 = USD 4,000.00; × 0.8876 = EUR 3,550.40 (the rate of 1 July comes after the quarter)
        assertThat(statement.lines().get(1).paid().orElseThrow().amount().toString()).isEqualTo("EUR 3,550.40");
        assertThat(statement.totalDue().toString()).as("the statement's totals stay in the term's currency").isEqualTo("USD 13,876.54");
    }

    @Test
    void orAtTheRateOfTheDueDate() {
        Statement statement = Fixtures.settle(royalty("due-date"), RATES, LocalDate.MAX, LocalDate.of(2026, 3, 31),
                List.of(line("2026-02-10", "Alpha", "x", "123456.78"))).statements().get(0);
        // due 15 May 2026: 9,876.54 × 0.9011 = 8,899.749594 → EUR 8,899.75
        assertThat(statement.lines().get(0).paid().orElseThrow().amount().toString()).isEqualTo("EUR 8,899.75");
    }

    @Test
    void noRateKnownByTheDayIsRefusedNamingThePairAndTheDay() {
        assertThatThrownBy(() -> Fixtures.settle(royalty("period-end"), rates("\"id\":\"fx\",\"on\":\"2026-04-01\",\"rate\":\"0.9\""),
                LocalDate.MAX, LocalDate.of(2026, 3, 31), List.of(line("2026-02-10", "Alpha", "x", "100"))))
                .isInstanceOf(SettlementException.class)
                .hasMessageContaining("no fx-rate USD→EUR is known on or before 2026-03-31");
    }
}
