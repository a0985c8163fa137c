package dev.treaty.evaluator.facts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file read in parts on several threads gives what reading it in one go gives: the same lines
 * with the same numbers, the same repeats retracted, the same errors. The ledgers put line ends
 * inside quoted values, CRLF and LF, blank lines, bad lines, repeated and conflicting ids and a
 * last line without a line end across the cuts, and a fixed ledger is cut at every byte.
 */
class PartsProperties {

    /** A sink that remembers each line it holds by its number, and can be forked and joined. */
    static final class Recording implements RevenueSink {
        final List<String> held = new ArrayList<>();

        @Override
        public void accept(RevenueLine line) {
            held.add(describe(line, 0));
        }

        @Override
        public void retract(RevenueLine line) {
            assertThat(held.remove(describe(line, 0))).as("retracted a line it holds").isTrue();
        }

        @Override
        public RevenueSink fork() {
            return new Recording();
        }

        @Override
        public void join(RevenueSink fork, long lineShift) {
            for (String line : ((Recording) fork).held) {
                int colon = line.indexOf(':');
                held.add((Long.parseLong(line.substring(0, colon)) + lineShift) + line.substring(colon));
            }
        }

        private static String describe(RevenueLine line, long shift) {
            return (line.source().line() + shift) + ":" + line.date() + "," + line.party() + "," + line.product() + ","
                    + line.amountMicros() + "," + line.currency();
        }

        List<String> sortedHeld() {
            return held.stream().sorted().toList();
        }
    }

    private static String read(Path file, long[] cuts, int partitionBits) {
        Recording sink = new Recording();
        RevenueReader.Result result = RevenueReader.read(List.of(file), sink, RevenueReader.Progress.NONE,
                new RevenueReader.Tuning((start, size) -> cuts, partitionBits, 2));
        return result + "\n" + String.join("\n", sink.sortedHeld());
    }

    @Property(tries = 200)
    void aFileReadInPartsGivesWhatItGivesReadInOneGo(@ForAll("ledgers") String ledger, @ForAll("cutFractions") List<Double> fractions)
            throws IOException {
        Path file = Files.createTempFile("treaty-parts-", ".csv");
        try {
            Files.writeString(file, ledger);
            long size = Files.size(file);
            long[] cuts = fractions.stream().mapToLong(f -> (long) (f * size)).sorted().toArray();
            assertThat(read(file, cuts, 1)).isEqualTo(read(file, new long[0], 0));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aLedgerCutAtEveryByteReadsAsInOneGo() throws IOException {
        String ledger = "id,date,party,product,amount,currency\r\n"
                + "a,2026-01-01,OpenAI,\"two\nlines\",10.00,USD\r\n"
                + "b,2026-01-02,OpenAI,\"a \"\"quoted\"\"\r\nvalue\",20.00,USD\n"
                + "\n"
                + "a,2026-01-01,OpenAI,\"two\nlines\",10.00,USD\n"
                + "c,2026-13-01,OpenAI,bad-date,30.00,USD\n"
                + "b,2026-01-02,OpenAI,other,21.00,USD\r\n"
                + "d,2026-01-04,OpenAI,\"\n\n\",40.00,USD\n"
                + "e,2026-01-05,OpenAI,last,50.00,USD";
        Path file = Files.createTempFile("treaty-parts-", ".csv");
        try {
            Files.writeString(file, ledger);
            String whole = read(file, new long[0], 0);
            assertThat(whole).contains("duplicates=1").contains(":10: field 'id'").contains(":9: field 'date'").contains("11:2026-01-04");
            for (long at = 0; at <= ledger.length(); at++) {
                assertThat(read(file, new long[]{at}, 1)).as("cut at %d", at).isEqualTo(whole);
                assertThat(read(file, new long[]{at / 2, at}, 2)).as("cut at %d and %d", at / 2, at).isEqualTo(whole);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aMalformedRowEndsTheFileWhereverTheCutsFall() throws IOException {
        String ledger = "date,party,amount,currency\n2026-01-01,OpenAI,1,USD\n2026-01-02,Open\"AI,2,USD\n2026-01-03,OpenAI,3,USD\n";
        Path file = Files.createTempFile("treaty-parts-", ".csv");
        try {
            Files.writeString(file, ledger);
            String whole = read(file, new long[0], 0);
            assertThat(whole).contains(":3: malformed CSV").doesNotContain("3000000,USD");
            for (long at = 0; at <= ledger.length(); at++) assertThat(read(file, new long[]{at}, 0)).as("cut at %d", at).isEqualTo(whole);
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<Double>> cutFractions() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Rows with ids from a small pool (repeats and conflicts), quoted values with line ends, CRLF, blank and bad rows. */
    @Provide
    Arbitrary<String> ledgers() {
        Arbitrary<String> product = Arbitraries.of("chatgpt", "\"multi\nline\"", "\"with \"\"quotes\"\"\"", "\"crlf\r\ninside\"",
                "\"comma, inside\"", "");
        Arbitrary<String> row = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(1, 3),
                        product, Arbitraries.integers().between(0, 9), Arbitraries.of("\n", "\r\n"))
                .as((id, day, p, amount, end) -> switch (amount) {
                    case 9 -> "\n";                                                           // a blank line
                    case 8 -> "x" + id + ",2026-02-30,OpenAI," + p + ",1.00,USD" + end;    // a bad date
                    default -> (id == 0 ? "" : "r" + id) + ",2026-01-0" + day + ",OpenAI," + p + "," + (amount % 3) + ".50,USD" + end;
                });
        return Combinators.combine(row.list().ofMaxSize(40), Arbitraries.of(true, false)).as((rows, lastEnd) -> {
            StringBuilder text = new StringBuilder("id,date,party,product,amount,currency\n");
            rows.forEach(text::append);
            if (!lastEnd && text.charAt(text.length() - 1) == '\n') text.setLength(text.length() - (text.toString().endsWith("\r\n") ? 2 : 1));
            return text.toString();
        });
    }
}
