package dev.treaty.evaluator.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each field of a revenue line, as read or refused with its reason, by the streaming reader (the
 * settlement's) and the keyed one (the store's): amounts exactly to the millionth and at their
 * limits, dates, currencies, the recorded instant, parties.
 */
class RevenueFieldsTest {

    @TempDir
    Path dir;

    private String readBoth(String header, String row) throws IOException {
        Path file = dir.resolve("r.csv");
        Files.writeString(file, header + "\n" + row + "\n");
        List<RevenueLine> lines = new ArrayList<>();
        RevenueReader.Result streamed = RevenueReader.read(List.of(file), lines::add, RevenueReader.Progress.NONE);
        List<String> keyed = new ArrayList<>();
        RevenueReader.Result keyedResult = RevenueReader.readKeyed(List.of(file), (line, id, supersedes, hash) ->
                keyed.add(describe(line) + (id.isEmpty() ? "" : " id=" + id) + (supersedes.isEmpty() ? "" : " supersedes=" + supersedes)),
                RevenueReader.Progress.NONE);
        assertThat(keyedResult.errors()).as("both readers refuse alike").isEqualTo(streamed.errors());
        assertThat(keyedResult.lines()).isEqualTo(streamed.lines());
        if (!streamed.errors().isEmpty()) {
            return String.join("; ", streamed.errors().stream().map(e -> e.toString().replace(file.toString(), "r.csv")).toList());
        }
        assertThat(lines).hasSize(1);
        assertThat(keyed).singleElement().asString().startsWith(describe(lines.get(0)));
        return keyed.get(0);
    }

    private static String describe(RevenueLine line) {
        return line.date() + " " + line.party() + " " + line.amountMicros() + " " + line.currency()
                + (line.recordedMicros() == RevenueLine.NOT_RECORDED ? "" : " recorded=" + line.recordedMicros());
    }

    @ParameterizedTest(name = "amount {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0                  | 2026-01-01 A 0 USD",
            "1                  | 2026-01-01 A 1000000 USD",
            "+5                 | 2026-01-01 A 5000000 USD",
            "-5                 | 2026-01-01 A -5000000 USD",
            "-0.000001          | 2026-01-01 A -1 USD",
            "12.345678          | 2026-01-01 A 12345678 USD",
            "12.3               | 2026-01-01 A 12300000 USD",
            ".5                 | 2026-01-01 A 500000 USD",
            "0000000000007.25   | 2026-01-01 A 7250000 USD",
            "1000000000000      | 2026-01-01 A 1000000000000000000 USD",
            "-1000000000000     | 2026-01-01 A -1000000000000000000 USD",
            "999999999999.999999 | 2026-01-01 A 999999999999999999 USD",
            "1000000000001      | r.csv:2: field 'amount': '1000000000001' is too large for one line",
            "99999999999999     | r.csv:2: field 'amount': '99999999999999' is too large for one line",
            "1.2345678          | r.csv:2: field 'amount': '1.2345678' has more than 6 decimal places",
            "5.                 | r.csv:2: field 'amount': '5.' is not a decimal amount",
            ".                  | r.csv:2: field 'amount': '.' is not a decimal amount",
            "-                  | r.csv:2: field 'amount': '-' is not a decimal amount",
            "1e3                | r.csv:2: field 'amount': '1e3' is not a decimal amount",
            "1.2.3              | r.csv:2: field 'amount': '1.2.3' is not a decimal amount",
            "12a                | r.csv:2: field 'amount': '12a' is not a decimal amount",
            "1.5x               | r.csv:2: field 'amount': '1.5x' is not a decimal amount",
            "`\"1,000\"`        | r.csv:2: field 'amount': '1,000' is not a decimal amount",
            "`\"\"`             | r.csv:2: field 'amount': missing",
    })
    void amounts(String amount, String expected) throws IOException {
        assertThat(readBoth("date,party,amount,currency", "2026-01-01,A," + amount.strip() + ",USD")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "date {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "2026-02-28   | 2026-02-28 A 1000000 USD",
            "2024-02-29   | 2024-02-29 A 1000000 USD",
            "0001-01-01   | 0001-01-01 A 1000000 USD",
            "9999-12-31   | 9999-12-31 A 1000000 USD",
            "2026-02-30   | r.csv:2: field 'date': '2026-02-30' is not a calendar date",
            "2026-13-01   | r.csv:2: field 'date': '2026-13-01' is not a calendar date",
            "2026-00-10   | r.csv:2: field 'date': '2026-00-10' is not a calendar date",
            "2026-2-28    | r.csv:2: field 'date': '2026-2-28' is not a date (YYYY-MM-DD)",
            "2026/02/28   | r.csv:2: field 'date': '2026/02/28' is not a date (YYYY-MM-DD)",
            "2026-0a-28   | r.csv:2: field 'date': '2026-0a-28' is not a date (YYYY-MM-DD)",
            "a026-01-28   | r.csv:2: field 'date': 'a026-01-28' is not a date (YYYY-MM-DD)",
            "2026-01-2x   | r.csv:2: field 'date': '2026-01-2x' is not a date (YYYY-MM-DD)",
            "20260228     | r.csv:2: field 'date': '20260228' is not a date (YYYY-MM-DD)",
            "2026-01-011  | r.csv:2: field 'date': '2026-01-011' is not a date (YYYY-MM-DD)",
            "`\"\"`       | r.csv:2: field 'date': missing",
    })
    void dates(String date, String expected) throws IOException {
        assertThat(readBoth("date,party,amount,currency", date.strip() + ",A,1,USD")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "currency {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "EUR        | 2026-01-01 A 1000000 EUR",
            "JPY        | 2026-01-01 A 1000000 JPY",
            "XYZ        | r.csv:2: field 'currency': unknown currency 'XYZ'",
            "usd        | r.csv:2: field 'currency': unknown currency 'usd'",
            "US         | r.csv:2: field 'currency': unknown currency 'US'",
            "USDX       | r.csv:2: field 'currency': unknown currency 'USDX'",
            "`\"\"`     | r.csv:2: field 'currency': missing",
    })
    void currencies(String currency, String expected) throws IOException {
        assertThat(readBoth("date,party,amount,currency", "2026-01-01,A,1," + currency.strip())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "recorded {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "2026-04-02T09:00:00Z            | 2026-01-01 A 1000000 USD recorded=1775120400000000",
            "2026-04-02T09:00:00.123456789Z  | 2026-01-01 A 1000000 USD recorded=1775120400123456",
            "1969-12-31T23:59:59Z            | 2026-01-01 A 1000000 USD recorded=-1000000",
            "`\"\"`                          | 2026-01-01 A 1000000 USD",
            "2026-04-02                      | r.csv:2: field 'recorded': '2026-04-02' is not an ISO-8601 instant such as 2026-04-02T09:00:00Z",
            "+999999999-12-31T23:59:59Z      | r.csv:2: field 'recorded': '+999999999-12-31T23:59:59Z' is not an ISO-8601 instant such as 2026-04-02T09:00:00Z",
    })
    void recordedInstants(String recorded, String expected) throws IOException {
        assertThat(readBoth("date,party,amount,currency,recorded", "2026-01-01,A,1,USD," + recorded.strip())).isEqualTo(expected);
    }

    @Test
    void everyFieldAtOnceAndTheOptionalColumns() throws IOException {
        assertThat(readBoth("Date,PARTY,amount,currency,id,supersedes,product,kind,category,cloud,region,segment,extra",
                "2026-01-01,A,1,USD,x1,x0,p,k,c,aws,eu,s,ignored")).isEqualTo("2026-01-01 A 1000000 USD id=x1 supersedes=x0");
        assertThat(readBoth("date,party,amount,currency", "2026-02-30,,1.2345678,XYZ")).isEqualTo(
                "r.csv:2: field 'date': '2026-02-30' is not a calendar date; r.csv:2: field 'party': missing; "
                        + "r.csv:2: field 'amount': '1.2345678' has more than 6 decimal places; r.csv:2: field 'currency': unknown currency 'XYZ'");
        assertThat(readBoth("date,party,amount,currency,date", "2026-01-01,A,1,USD,2026-01-01"))
                .isEqualTo("r.csv:1: field 'date': column named twice");
        assertThat(readBoth("\uFEFFdate, party ,amount", "2026-01-01,A,1"))
                .isEqualTo("r.csv:1: field 'currency': required column is missing from the header");
        assertThat(readBoth("date,party,amount,currency", "2026-01-01,A,1"))
                .isEqualTo("r.csv:2: has 3 fields; the header has 4");
        assertThat(readBoth("date,party,amount,currency", "2026-01-01,A,1,000,USD"))
                .isEqualTo("r.csv:2: has 5 fields; the header has 4 (an unquoted comma inside a value? quote it, or write amounts without thousands separators)");
    }
}
