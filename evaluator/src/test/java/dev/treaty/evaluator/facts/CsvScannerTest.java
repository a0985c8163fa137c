package dev.treaty.evaluator.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvScannerTest {

    /** Reads all rows, feeding the scanner {@code chunk} bytes at a time to cross every buffer boundary. */
    private static List<String> rows(String csv, int chunk) throws IOException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<String> rows = new ArrayList<>();
        try (CsvScanner scanner = new CsvScanner(in)) {
            while (scanner.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < scanner.fieldCount(); i++) fields.add(scanner.fresh(i));
                rows.add(scanner.rowLine() + ":" + String.join("|", fields));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "read {0} bytes at a time")
    @ValueSource(ints = {1, 2, 3, 7, 1 << 20})
    void quotesLineEndingsAndSpacesAreReadAsRfc4180Says(int chunk) throws IOException {
        String csv = "a,b,c\r\n"
                + "1, spaced ,\"quoted, with comma\"\n"
                + "2,\"with \"\"quotes\"\"\",\"two\nlines\"\n"
                + "\n"
                + "3,é,\n"
                + "4,last,no newline";
        assertThat(rows(csv, chunk)).containsExactly(
                "1:a|b|c",
                "2:1|spaced|quoted, with comma",
                "3:2|with \"quotes\"|two\nlines",
                "5:",
                "6:3|é|",
                "7:4|last|no newline");
    }

    @ParameterizedTest(name = "read {0} bytes at a time")
    @ValueSource(ints = {1, 3, 1 << 20})
    void aLastRowWithoutALineEndIsReadWholeHoweverLongItIs(int chunk) throws IOException {
        // the last row is longer than all before it: moving it to the buffer's start overlaps where it was
        // (it was read as "defghijij" before refill told its callers how far it moved at the end of the input)
        assertThat(rows("a\nbcdefghij", chunk)).containsExactly("1:a", "2:bcdefghij");
        assertThat(rows("aaaa\n\"q\",bcdefghij", chunk)).containsExactly("1:aaaa", "2:q|bcdefghij");
        assertThat(rows("\"\"\n,", chunk)).containsExactly("1:", "2:|");
        assertThat(rows("a\r\nbcdefghij\r", chunk)).containsExactly("1:a", "2:bcdefghij");
    }

    @Test
    void anUnclosedQuoteIsMalformed() {
        assertThatThrownBy(() -> rows("a,b\n1,\"open\n", 4)).isInstanceOf(CsvScanner.MalformedException.class)
                .hasMessage("missing closing quote");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsMalformed() {
        assertThatThrownBy(() -> rows("a,b\n1,x\"y\n", 1 << 20)).isInstanceOf(CsvScanner.MalformedException.class);
    }

    @Test
    void repeatedValuesAreSharedStrings() throws IOException {
        try (CsvScanner scanner = new CsvScanner(new ByteArrayInputStream("OpenAI,x\nOpenAI,y\n".getBytes(StandardCharsets.UTF_8)))) {
            scanner.next();
            String first = scanner.string(0);
            scanner.next();
            assertThat(scanner.string(0)).isSameAs(first).isEqualTo("OpenAI");
        }
    }

    @Test
    void invalidUtf8IsReported() {
        byte[] bytes = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> {
            try (CsvScanner scanner = new CsvScanner(new ByteArrayInputStream(bytes))) {
                scanner.next();
                scanner.next();
                scanner.fresh(0);
            }
        }).isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
}
