package dev.treaty.evaluator.facts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeated-id search against the obvious model (a map from id to its first line), with blocks
 * so small that every read spills, several writers (the parts of a file) some of which are
 * dropped, ordinals with gaps, and ids whose hashes share their leading bits (so they fall in one
 * partition and the same table slots): the same duplicates, in ascending order, and the same conflicts.
 */
class DuplicateFinderProperties {

    /** One line: its ordinal, its id's 128-bit hash and its content's hash. */
    record Line(long ordinal, long high, long low, long content) {
    }

    @Property(tries = 300)
    void findsExactlyTheRepeatsAndConflictsTheModelFinds(@ForAll("lines") List<Line> lines,
                                                         @ForAll @IntRange(min = 1, max = 40) int blockRecords,
                                                         @ForAll @IntRange(min = 0, max = 3) int partitionBits,
                                                         @ForAll @IntRange(min = 1, max = 5) int writers,
                                                         @ForAll @IntRange(min = 0, max = 4) int dropped) {
        // the lines are cut into consecutive parts, one writer each; the part numbered `dropped` (if
        // there is one) is discarded, as a part read from a bad cut is
        List<List<Line>> parts = new ArrayList<>();
        for (int w = 0; w < writers; w++) parts.add(lines.subList(lines.size() * w / writers, lines.size() * (w + 1) / writers));
        List<Line> kept = new ArrayList<>();
        for (int w = 0; w < writers; w++) if (w != dropped) kept.addAll(parts.get(w));
        // the model: the first line of each id; a later one repeats it, a conflict when its content differs
        Map<List<Long>, Line> first = new HashMap<>();
        TreeSet<Long> duplicates = new TreeSet<>();
        List<DuplicateFinder.Conflict> conflicts = new ArrayList<>();
        for (Line line : kept) {
            Line earlier = first.putIfAbsent(List.of(line.high(), line.low()), line);
            if (earlier == null) continue;
            duplicates.add(line.ordinal());
            if (earlier.content() != line.content()) conflicts.add(new DuplicateFinder.Conflict(line.ordinal(), earlier.ordinal()));
        }
        try (DuplicateFinder finder = new DuplicateFinder(partitionBits, blockRecords)) {
            for (int w = 0; w < writers; w++) {
                DuplicateFinder.Writer writer = finder.writer();
                for (Line line : parts.get(w)) writer.add(line.ordinal(), line.high(), line.low(), line.content());
                if (w == dropped) writer.discard();
            }
            DuplicateFinder.Found found = finder.finish();
            assertThat(found.conflictCount()).isEqualTo(conflicts.size());
            assertThat(found.conflicts()).containsExactlyElementsOf(conflicts);        // in the order of the input
            try (LongRuns.Reader reader = found.duplicates()) {
                assertThat(reader.isEmpty()).isEqualTo(duplicates.isEmpty());
                long last = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).ordinal() + 2;
                List<Long> reported = new ArrayList<>();
                for (long ordinal = 0; ordinal <= last; ordinal++) if (reader.contains(ordinal)) reported.add(ordinal);
                assertThat(reported).containsExactlyElementsOf(duplicates);
            }
        }
    }

    @Property(tries = 50)
    void idsGivenAsTextAreTheirHashes(@ForAll("texts") List<String> ids) {
        Map<String, Long> first = new HashMap<>();
        TreeSet<Long> duplicates = new TreeSet<>();
        try (DuplicateFinder finder = new DuplicateFinder(1, 3)) {
            DuplicateFinder.Writer writer = finder.writer();
            for (int i = 0; i < ids.size(); i++) {
                if (first.putIfAbsent(ids.get(i), (long) i) != null) duplicates.add((long) i);
                byte[] bytes = ("," + ids.get(i) + ",").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (i % 2 == 0) writer.add(i, ids.get(i), 7);
                else writer.add(i, bytes, 1, bytes.length - 1, 7);
            }
            DuplicateFinder.Found found = finder.finish();
            assertThat(found.conflicts()).isEmpty();
            try (LongRuns.Reader reader = found.duplicates()) {
                List<Long> reported = new ArrayList<>();
                for (long ordinal = 0; ordinal < ids.size(); ordinal++) if (reader.contains(ordinal)) reported.add(ordinal);
                assertThat(reported).containsExactlyElementsOf(duplicates);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        return Arbitraries.of("a", "b", "ab", "ba", "", "é", "a\u0000", "longer-id-0001", "longer-id-0002").list().ofMaxSize(60);
    }

    /**
     * Lines with growing ordinals (gaps of 1 to 3), ids from a small pool in which groups of up to
     * eight share the hash's leading bits and the low word's slot bits, contents mostly the same per id.
     */
    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<long[]> line = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 9))
                .as((prefix, variant, gap, content) -> new long[]{prefix, variant, gap, content < 8 ? 0 : content});
        return line.list().ofMaxSize(250).map(drawn -> {
            List<Line> lines = new ArrayList<>();
            long ordinal = 0;
            for (long[] d : drawn) {
                ordinal += d[2];
                // the leading bits from the prefix; the low bits and the second half from the variant
                long high = (d[0] * 0x9E3779B97F4A7C15L) & (-1L << 21) | (d[1] & 1);
                long low = (d[1] * 0x632BE59BD9B4E019L) & (-1L << 40) | d[0];       // the table's slot bits from the prefix alone
                lines.add(new Line(ordinal, high, low, d[3] * 31 + d[0] * 7 + d[1]));
            }
            return lines;
        });
    }
}
