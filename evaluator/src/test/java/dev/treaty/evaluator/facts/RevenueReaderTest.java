package dev.treaty.evaluator.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevenueReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Ids kept in blocks of {@code blockRecords} in {@code 2^bits} partitions; never cut. */
    static RevenueReader.Tuning ids(int bits, int blockRecords) {
        return new RevenueReader.Tuning((start, size) -> new long[0], bits, blockRecords);
    }

    @ParameterizedTest(name = "ids spilled in blocks of {0}")
    @ValueSource(ints = {1, 2, 3, 1_000})
    void repeatedIdsAreCountedOnceAndConflictsReportedWhateverTheRunSize(int blockRecords) throws IOException {
        Path first = write("a.csv", """
                currency,amount,party,date,id,extra
                USD,100.00,OpenAI,2026-01-01,x1,ignored
                USD,200.00,OpenAI,2026-01-02,x2,ignored
                USD,300.00,OpenAI,2026-01-03,x3,ignored
                USD,400.00,OpenAI,2026-01-04,,no id: never a duplicate
                USD,400.00,OpenAI,2026-01-04,,no id: never a duplicate
                """);
        Path second = write("b.csv", """
                id,date,party,amount,currency,extra
                x2,2026-01-02,OpenAI,200.00,USD,ignored
                x3,2026-01-03,OpenAI,999.00,USD,ignored
                x4,2026-01-05,OpenAI,500.00,USD,ignored
                """);
        List<RevenueLine> lines = new ArrayList<>();
        RevenueReader.Result result = RevenueReader.read(List.of(first, second), lines::add, RevenueReader.Progress.NONE,
                ids(blockRecords % 3, blockRecords));

        assertThat(lines).extracting(RevenueLine::amountMicros)
                .containsExactly(100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L, 400_000_000L, 500_000_000L);
        assertThat(lines.get(0).source().line()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.errors()).extracting(Object::toString).containsExactly(
                second + ":3: field 'id': this id is already used by a different line (" + first + ":4)");
    }

    @Test
    void aLastLineWithoutALineEndKeepsItsLongIdSoTheSameLineElsewhereCountsOnce() throws IOException {
        String id = "order-2026-01-01-0000000000000000000000000000000001";
        Path noLineEnd = write("a.csv", "date,party,amount,currency,id\n2026-01-01,OpenAI,5,USD," + id);
        Path again = write("b.csv", "date,party,amount,currency,id\n2026-01-01,OpenAI,5,USD," + id + "\n");
        List<RevenueLine> lines = new ArrayList<>();
        RevenueReader.Result result = RevenueReader.read(List.of(noLineEnd, again), lines::add, RevenueReader.Progress.NONE);
        assertThat(result.errors()).isEmpty();
        assertThat(result.duplicates()).as("the same line with the same id, read twice").isEqualTo(1);
        assertThat(lines).singleElement().extracting(RevenueLine::amountMicros).isEqualTo(5_000_000L);
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeMissing() throws IOException {
        Path file = write("c.csv", "amount,currency,date,party,cloud\n-12.5,EUR,2026-02-28,Beta,gcp\n");
        List<RevenueLine> lines = new ArrayList<>();
        RevenueReader.Result result = RevenueReader.read(List.of(file), lines::add, RevenueReader.Progress.NONE);
        assertThat(result.errors()).isEmpty();
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.amountMicros()).isEqualTo(-12_500_000L);
            assertThat(line.currency()).isEqualTo("EUR");
            assertThat(line.field("cloud")).isEqualTo("gcp");
            assertThat(line.field("product")).isNull();
        });
    }

    @Test
    void amountsAreParsedExactlyToTheMillionth() {
        List<FactError> errors = new ArrayList<>();
        FactSource at = new FactSource(Path.of("x.csv"), 2);
        assertThat(RevenueReader.micros("0.000001", at, errors)).isEqualTo(1);
        assertThat(RevenueReader.micros("1234567.89", at, errors)).isEqualTo(1_234_567_890_000L);
        assertThat(RevenueReader.micros(".5", at, errors)).isEqualTo(500_000);
        assertThat(RevenueReader.micros("+7", at, errors)).isEqualTo(7_000_000);
        assertThat(errors).isEmpty();
        assertThat(RevenueReader.micros("1e5", at, errors)).isEqualTo(Long.MIN_VALUE);
        assertThat(RevenueReader.micros("5.", at, errors)).isEqualTo(Long.MIN_VALUE);
        assertThat(errors).hasSize(2);
    }

    @Test
    void manySpilledRunsFindTheSameRepeatsAsOne() throws IOException {
        StringBuilder text = new StringBuilder("id,date,party,amount,currency\n");
        for (int i = 0; i < 60; i++) {
            int id = i % 45;                         // ids 0..14 repeat, the same line again
            text.append('r').append(id).append(",2026-01-").append(String.format("%02d", id % 28 + 1)).append(",OpenAI,")
                    .append(id).append(".00,USD\n");
        }
        text.append("r3,2026-01-04,OpenAI,999.00,USD\n");    // a conflict
        Path file = write("many.csv", text.toString());
        List<String> results = new ArrayList<>();
        for (int blockRecords : new int[]{1, 2, 1_000}) {
            List<RevenueLine> lines = new ArrayList<>();
            RevenueReader.Result result = RevenueReader.read(List.of(file), lines::add, RevenueReader.Progress.NONE, ids(2, blockRecords));
            results.add(lines.size() + " lines, " + result.duplicates() + " repeats, " + result.errors());
        }
        assertThat(results).containsOnly("45 lines, 15 repeats, [" + file + ":62: field 'id': this id is already used by a"
                + " different line (" + file + ":5)]");
    }
}
