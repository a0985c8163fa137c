package dev.treaty.model.build;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.RevenueShare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.treaty.model.TestAgreements.agreementWith;
import static dev.treaty.model.TestAgreements.load;
import static dev.treaty.model.TestAgreements.messages;
import static org.assertj.core.api.Assertions.assertThat;

/** Units in the term language: what computes, and what is reported where. */
class ExpressionsTest {

    private static AgreementFolder.Loaded share(String attributes) {
        return load("t.treaty.md", agreementWith("""
                revenue-share rs {
                  payer Alpha
                  payee Beta
                  rate 10%
                  period quarter
                  due 30 days after period end
                  currency USD
                """ + attributes + "\n}"));
    }

    @Test
    void arithmeticWithUnitsComputesExactly() {
        AgreementFolder.Loaded loaded = share("""
                  cap total USD 1.5 billion + USD 500 million
                  minimum (USD 10000 * 25%) / 2 per period
                  from 2025-01-31 + 1 month
                  through 2025-01-01 + 2 years - 1 day
                """);
        assertThat(messages(loaded)).isEmpty();
        RevenueShare share = loaded.histories().get(0).versions().get(0).termsOf(RevenueShare.class).get(0);
        assertThat(share.totalCap().orElseThrow().amount().toString()).isEqualTo("USD 2,000,000,000");
        assertThat(share.minimum().orElseThrow().amount()).isEqualByComparingTo("1250");
        assertThat(share.validity().window().from()).contains(LocalDate.of(2025, 2, 28));
        assertThat(share.validity().window().through()).contains(LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cap total USD 5 * USD 3           | cannot multiply money by money (USD 5 * USD 3)",
            "cap total USD 5 + EUR 3           | cannot add USD and EUR amounts: agreements state conversions explicitly",
            "cap total USD 5 + 3%              | cannot add money and a percentage (USD 5 + 3%)",
            "through 2030-01-01 - 2029-01-01   | cannot subtract a date from a date (2030-01-01 - 2029-01-01)",
            "through 2030-02-30                | '2030-02-30' is not a calendar date",
            "through 2030-2-3                  | date '2030-2-3' must be written YYYY-MM-DD",
            "cap total USD 100 / 0             | division by zero",
            "cap total usd 100                 | 'usd' is not a currency code; write money as USD 1000 (ISO 4217 code, then the amount)",
            "cap total 12                      | 'cap total' takes an amount of money such as USD 1000, not a number (12)",
            "cap total USD -5                  | unexpected '-'; expected a number",
    })
    void illTypedExpressionsAreReportedAtTheirPosition(String attribute, String message) {
        AgreementFolder.Loaded loaded = share("  " + attribute);
        assertThat(loaded.hasErrors()).isTrue();
        assertThat(loaded.diagnostics()).anySatisfy(d -> assertThat(d.message()).isEqualTo(message));
        assertThat(loaded.diagnostics()).allSatisfy(d -> assertThat(d.at().line()).isEqualTo(21));
    }

    @Test
    void rateOverAHundredPercentIsAnError() {
        AgreementFolder.Loaded loaded = load("t.treaty.md", agreementWith("""
                revenue-share rs {
                  payer Alpha
                  payee Beta
                  rate 100.5%
                  period quarter
                  due 30 days after period end
                  currency USD
                }"""));
        assertThat(messages(loaded)).containsExactly("17:8 rate 100.5% is over 100%");
    }
}
