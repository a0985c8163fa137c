package dev.treaty.model.build;

import dev.treaty.language.Diagnostic;
import dev.treaty.language.Diagnostics;
import dev.treaty.model.value.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every combination of units the term language computes, and each it refuses, evaluated as a
 * value given on the command line ({@code --assume name=value}), which goes through the same
 * grammar and evaluator as a term's attribute. The result is shown as Treaty prints it, with its
 * type, so a wrong unit is as visible as a wrong amount.
 */
class ExpressionTableTest {

    private static String evaluate(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Quantity> value = DocumentBuilder.commandLineValue(text, diagnostics);
        if (diagnostics.hasErrors()) {
            return "error: " + String.join("; ", diagnostics.sorted().stream().map(Diagnostic::message).toList());
        }
        return value.map(q -> q.typeName() + " " + q).orElse("nothing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // addition and subtraction, unit by unit
            "USD 10 + USD 5.25              | money USD 15.25",
            "USD 10 - USD 15                | money USD -5",
            "2 + 3                          | a number 5",
            "2 - 3.5                        | a number -1.5",
            "10% + 5.5%                     | a percentage 15.5%",
            "10% - 15%                      | a percentage -5%",
            "2025-01-31 + 1 month           | a date 2025-02-28",
            "2025-03-01 - 1 day             | a date 2025-02-28",
            "2025-01-01 + 2 weeks           | a date 2025-01-15",
            "2024-02-29 + 1 year            | a date 2025-02-28",
            "1 month + 2025-01-31           | a date 2025-02-28",
            "1 month + 2 weeks              | a duration 1 month 14 days",
            "1 year - 1 month               | a duration 1 year -1 month",
            // multiplication: commutative where it means something
            "2 * 3                          | a number 6",
            "USD 10 * 2                     | money USD 20",
            "2 * USD 10                     | money USD 20",
            "USD 100 * 10%                  | money USD 10.0",
            "10% * USD 100                  | money USD 10.0",
            "10% * 2                        | a percentage 20%",
            "2 * 10%                        | a percentage 20%",
            "10% * 10%                      | a percentage 1%",
            "1 month * 3                    | a duration 3 months",
            "3 * 1 week                     | a duration 21 days",
            "2 × 3                          | a number 6",
            // division
            "USD 10 / 4                     | money USD 2.5",
            "10 / 4                         | a number 2.5",
            "10% / 4                        | a percentage 2.5%",
            "USD 10 / USD 4                 | a number 2.5",
            "1 / 3                          | a number 0.3333333333333333333333333333333333",
            // magnitudes
            "USD 1.5 million                | money USD 1,500,000",
            "USD 2 billion                  | money USD 2,000,000,000",
            "USD 3 trillion                 | money USD 3,000,000,000,000",
            "EUR 10 thousand                | money EUR 10,000",
            "999999 days                    | a duration 999999 days",
            // refused, with the reason
            "1 month - 2025-01-31           | error: cannot subtract a date from a duration (1 month - 2025-01-31)",
            "2025-01-01 + 2025-01-02        | error: cannot add a date and a date (2025-01-01 + 2025-01-02)",
            "USD 1 + 1                      | error: cannot add money and a number (USD 1 + 1)",
            "1 + 1%                         | error: cannot add a number and a percentage (1 + 1%)",
            "USD 5 - EUR 3                  | error: cannot subtract USD and EUR amounts: agreements state conversions explicitly",
            "USD 5 * USD 3                  | error: cannot multiply money by money (USD 5 * USD 3)",
            "1 month * 2.5                  | error: cannot multiply a duration by a number (1 month * 2.5)",
            "1 month * 1000000              | error: cannot multiply a duration by a number (1 month * 1000000)",
            "1 month * 10%                  | error: cannot multiply a duration by a percentage (1 month * 10%)",
            "2025-01-01 * 2                 | error: cannot multiply a date by a number (2025-01-01 * 2)",
            "USD 10 / 0                     | error: division by zero",
            "USD 10 / USD 0                 | error: division by zero",
            "10 / 0%                        | error: division by zero",
            "1 month / 2                    | error: cannot divide a duration by a number (1 month / 2)",
            "USD 10 / EUR 2                 | error: cannot divide USD and EUR amounts: agreements state conversions explicitly",
            "10 / USD 2                     | error: cannot divide a number by money (10 / USD 2)",
            "1.5 days                       | error: a duration is a whole number of days, weeks, months or years below 1,000,000",
            "1000000 days                   | error: a duration is a whole number of days, weeks, months or years below 1,000,000",
            "XYZ 10                         | error: unknown currency 'XYZ'",
    })
    void combinesUnitsOrSaysWhyNot(String expression, String expected) {
        assertThat(evaluate(expression)).isEqualTo(expected);
    }
}
