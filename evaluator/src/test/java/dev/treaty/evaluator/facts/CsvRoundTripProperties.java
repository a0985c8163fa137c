package dev.treaty.evaluator.facts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whatever the rows (quoted or not, commas, quotes, line breaks and non-ASCII inside, fields from
 * empty to longer than the scanner's first buffers) and however the input arrives (a byte at a
 * time or all at once), the scanner gives back exactly the fields written, with the line each
 * row starts on and the bytes read so far.
 */
class CsvRoundTripProperties {

    /** A field's text; quoted when it must be (and sometimes when it need not). */
    private record Field(String text, boolean quoted) {
        String encoded() {
            return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }
    }

    @Provide
    Arbitrary<List<List<Field>>> tables() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyzé€ 0123456789.-_").ofMinLength(0).ofMaxLength(60)
                .map(String::strip);
        Arbitrary<String> special = Arbitraries.strings().withChars("ab,\"\n\r é").ofMinLength(0).ofMaxLength(40);
        Arbitrary<String> long1 = Arbitraries.strings().withChars("abc,\"\n").ofMinLength(300).ofMaxLength(5_000);
        Arbitrary<Field> field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, plain.map(t -> new Field(t, false))),
                net.jqwik.api.Tuple.of(2, plain.map(t -> new Field(t, true))),
                net.jqwik.api.Tuple.of(3, special.map(t -> new Field(t, true))),
                net.jqwik.api.Tuple.of(1, long1.map(t -> new Field(t, true))));
        return field.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> chunks() {
        return Arbitraries.of(1, 2, 3, 5, 64, 1 << 20);
    }

    @Property(tries = 60)
    void everyFieldComesBackAsWritten(@ForAll("tables") List<List<Field>> table, @ForAll("chunks") int chunk,
                                      @ForAll boolean crlf, @ForAll boolean finalNewline) throws IOException {
        String newline = crlf ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder();
        List<Long> startLines = new ArrayList<>();
        long line = 1;
        for (int r = 0; r < table.size(); r++) {
            startLines.add(line);
            List<Field> row = table.get(r);
            // a row of one empty unquoted field is a blank line: quote it so it stays a row
            if (row.size() == 1 && row.get(0).text().isEmpty()) row = List.of(new Field("", true));
            table.set(r, row);
            for (int f = 0; f < row.size(); f++) {
                if (f > 0) csv.append(',');
                csv.append(row.get(f).encoded());
                line += row.get(f).quoted() ? row.get(f).text().chars().filter(c -> c == '\n').count() : 0;
            }
            if (r < table.size() - 1 || finalNewline) csv.append(newline);
            line++;
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (CsvScanner scanner = new CsvScanner(chunked(bytes, chunk))) {
            for (int r = 0; r < table.size(); r++) {
                assertThat(scanner.next()).as("row %d", r).isTrue();
                assertThat(scanner.rowLine()).isEqualTo(startLines.get(r));
                List<Field> row = table.get(r);
                assertThat(scanner.fieldCount()).isEqualTo(row.size());
                for (int f = 0; f < row.size(); f++) {
                    String expected = row.get(f).text();
                    assertThat(scanner.fresh(f)).isEqualTo(expected);
                    assertThat(scanner.string(f)).isEqualTo(expected);
                    assertThat(scanner.isEmpty(f)).isEqualTo(expected.isEmpty());
                }
                assertThat(scanner.isEmpty(row.size())).isTrue();
                assertThat(scanner.fresh(row.size())).isEmpty();
                assertThat(scanner.string(row.size())).isEmpty();
            }
            assertThat(scanner.next()).isFalse();
            assertThat(scanner.bytesRead()).isEqualTo(bytes.length);
        }
    }

    private static InputStream chunked(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void rowsAndQuotedFieldsLongerThanTheFirstBuffersAreRead() throws IOException {
        String longQuoted = "q,\"\n".repeat(300_000);                 // 1.2 MB unescaped... and more escaped
        String longPlain = "p".repeat(1_500_000);
        String csv = "a,b\n\"" + longQuoted.substring(0, 700_000).replace("\"", "\"\"") + "\",x\n" + longPlain.substring(0, 900_000) + ",y\n";
        try (CsvScanner scanner = new CsvScanner(chunked(csv.getBytes(StandardCharsets.UTF_8), 1 << 16))) {
            assertThat(scanner.next()).isTrue();
            assertThat(scanner.next()).isTrue();
            assertThat(scanner.fresh(0)).isEqualTo(longQuoted.substring(0, 700_000));
            assertThat(scanner.fresh(1)).isEqualTo("x");
            assertThat(scanner.next()).isTrue();
            assertThat(scanner.rowLine()).isEqualTo(2 + 175_000 + 1);
            assertThat(scanner.fresh(0)).hasSize(900_000);
            assertThat(scanner.fresh(1)).isEqualTo("y");
            assertThat(scanner.next()).isFalse();
        }
    }

    @Test
    void aRowOverTheLimitIsMalformed() {
        byte[] row = ("a,b\n" + "x".repeat(CsvScanner.ROW_BYTES_MAX + 1) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            try (CsvScanner scanner = new CsvScanner(new ByteArrayInputStream(row))) {
                while (scanner.next()) {
                    // read on
                }
            }
        }).isInstanceOf(CsvScanner.MalformedException.class).hasMessage("a row longer than " + CsvScanner.ROW_BYTES_MAX + " bytes");
        byte[] wide = ("x" + ",x".repeat(CsvScanner.FIELDS_MAX)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            try (CsvScanner scanner = new CsvScanner(new ByteArrayInputStream(wide))) {
                scanner.next();
            }
        }).isInstanceOf(CsvScanner.MalformedException.class).hasMessage("more than " + CsvScanner.FIELDS_MAX + " fields");
        assertThatThrownBy(() -> {
            try (CsvScanner scanner = new CsvScanner(new ByteArrayInputStream("\"a\"b\n".getBytes(StandardCharsets.UTF_8)))) {
                scanner.next();
            }
        }).isInstanceOf(CsvScanner.MalformedException.class).hasMessage("unexpected character after a quoted field");
    }

    @Test
    void distinctValuesThatShareASlotStayDistinct() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 20_000; i++) csv.append("v").append(i).append(',').append("long-value-".repeat(5)).append(i % 3).append('\n');
        try (CsvScanner scanner = new CsvScanner(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))) {
            for (int i = 0; i < 20_000; i++) {
                assertThat(scanner.next()).isTrue();
                assertThat(scanner.string(0)).isEqualTo("v" + i);
                long hash = scanner.lastHash();
                assertThat(scanner.string(1)).isEqualTo("long-value-".repeat(5) + (i % 3));
                assertThat(scanner.lastHash()).isNotEqualTo(hash).isNotZero();
            }
            assertThat(scanner.next()).isFalse();
        }
    }

    @Test
    void closingTheScannerClosesItsInput() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new CsvScanner(in).close();
        assertThat(closed[0]).isTrue();
    }
}
