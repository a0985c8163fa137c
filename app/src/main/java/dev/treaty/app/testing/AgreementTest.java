package dev.treaty.app.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One test of an agreement, as written in a {@code treaty-test} block: its facts, its date and
 * as-known instant, its assumption overrides, and what it expects.
 *
 * @param folder        the agreement folder the test is about
 * @param on            the date its questions are asked on (gate, licence, terms, stake, commitment, obligations)
 * @param asKnown       documents signed and facts known by then ({@link Instant#MAX}: everything)
 * @param revenueHeader the CSV header of its inline revenue lines
 * @param through       the last day of revenue settled (for {@code expect settle …})
 * @param variant       a text change to one agreement file, for {@code expect diagnostic}
 */
public record AgreementTest(String name, Path file, int line, Path folder, Optional<LocalDate> on, Instant asKnown,
                            Map<String, String> assume, List<Path> events, List<Path> revenue, List<Inline> inlineEvents,
                            String revenueHeader, List<Inline> inlineRevenue, Optional<LocalDate> through, Optional<Variant> variant,
                            List<Expectation> expectations) {

    public AgreementTest {
        assume = Map.copyOf(assume);
        events = List.copyOf(events);
        revenue = List.copyOf(revenue);
        inlineEvents = List.copyOf(inlineEvents);
        inlineRevenue = List.copyOf(inlineRevenue);
        expectations = List.copyOf(expectations);
    }

    /** Where the test is written: {@code file:line}. */
    public String at() {
        return file + ":" + line;
    }

    /** A fact written in the test itself, with the line it is on. */
    public record Inline(int line, String text) {
    }

    /** A broken variant: {@code from} replaced by {@code to} in {@code file} (the first occurrence). */
    public record Variant(Path file, String from, String to, int line) {
    }

    /**
     * What a test expects: the words after {@code expect} up to {@code =} (its kind first, then its
     * arguments) and the value after it.
     */
    public record Expectation(Path file, int line, int column, Kind kind, List<String> args, String expected) {

        public Expectation {
            args = List.copyOf(args);
        }

        /** How it reads in the test, without the value: "gate chatgpt aws". */
        public String subject() {
            return kind.word + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }

        public String at() {
            return file + ":" + line + ":" + column;
        }
    }

    /** The kinds of expectation, by their word in the test. */
    public enum Kind {
        GATE("gate"), LICENSE("license"), BUY("buy"), SETTLE("settle"), STAKE("stake"), COMMITMENT("commitment"), OBLIGATION("obligation"),
        TERM("term"), VERSION("version"), DIAGNOSTIC("diagnostic");

        public final String word;

        Kind(String word) {
            this.word = word;
        }

        static Optional<Kind> of(String word) {
            if (word.equals("licence")) return Optional.of(LICENSE);
            for (Kind kind : values()) if (kind.word.equals(word)) return Optional.of(kind);
            return Optional.empty();
        }
    }
}
