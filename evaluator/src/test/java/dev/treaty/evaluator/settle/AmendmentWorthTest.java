package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an amendment is worth is the history with it against the history without it: no period
 * before a change takes effect moves, and a retroactive change moves exactly the periods from its
 * effective date.
 */
class AmendmentWorthTest {

    @Test
    void noPeriodBeforeAFlagshipChangeTakesEffectMoves() {
        Path folder = Fixtures.root().resolve("examples/microsoft-openai");
        AgreementHistory history = Fixtures.load(folder).histories().get(0);
        Facts facts = new Facts(EventReader.read(List.of(folder.resolve("facts/events.jsonl"))).facts());
        List<AmendmentWorth> worths = AmendmentWorth.each(history.asKnown(LocalDate.MAX), facts, LocalDate.of(2031, 12, 31));
        RevenueReader.read(List.of(folder.resolve("facts/revenue.csv")), new dev.treaty.evaluator.facts.RevenueSink() {
            @Override
            public void accept(dev.treaty.evaluator.facts.RevenueLine line) {
                worths.forEach(w -> w.accept(line));
            }

            @Override
            public void retract(dev.treaty.evaluator.facts.RevenueLine line) {
                worths.forEach(w -> w.retract(line));
            }
        }, RevenueReader.Progress.NONE);
        assertThat(worths).extracting(w -> w.changes().get(0).id()).containsExactly("msft-openai-2023", "msft-openai-2025-01",
                "msft-openai-2025-10", "msft-openai-2026-02", "msft-openai-2026-04");
        for (AmendmentWorth worth : worths) {
            Document change = worth.changes().get(0);
            String effectiveQuarter = quarter(change.effective());
            worth.diff().byTermAndPeriod().forEach((key, row) -> {
                if (!row.change().isZero()) {
                    assertThat(key.period()).as(change.id() + " moved " + key).isGreaterThanOrEqualTo(effectiveQuarter);
                }
            });
        }
        SettlementDiff april = worths.get(4).diff();
        assertThat(april.isZero()).isFalse();
        assertThat(april.byTermAndPeriod().entrySet().stream().filter(e -> !e.getValue().change().isZero())
                .map(e -> e.getKey().period()).min(String::compareTo)).contains("2026-Q2");
        assertThat(worths.get(3).diff().isZero()).as("the February 2026 statement changes no term").isTrue();
    }

    @Test
    void aRetroactiveAmendmentMovesExactlyThePeriodsFromItsEffectiveDate() {
        AgreementFolder.Loaded book = Fixtures.load(Fixtures.root().resolve("examples/book-deal"));
        AgreementHistory history = book.histories().get(0);
        Document audio = history.changes().get(0);
        assertThat(audio.isRetroactive()).isTrue();
        assertThat(audio.effective()).isEqualTo(LocalDate.of(2026, 1, 1));
        AmendmentWorth worth = AmendmentWorth.of(history.asKnown(LocalDate.MAX), List.of(audio), Facts.NONE, LocalDate.of(2026, 12, 31));
        for (String month : List.of("2025-02", "2025-05", "2025-08", "2025-11", "2026-02", "2026-05", "2026-08", "2026-11")) {
            worth.accept(line(month + "-10", "Publisher", "audio", "4000"));
            worth.accept(line(month + "-11", "Publisher", "print", "30000"));
        }
        List<String> moved = worth.diff().byTermAndPeriod().entrySet().stream().filter(e -> !e.getValue().change().isZero())
                .map(e -> e.getKey().term() + " " + e.getKey().period()).toList();
        assertThat(moved).containsExactly("audio-royalty 2026-Q1", "audio-royalty 2026-Q2", "audio-royalty 2026-Q3", "audio-royalty 2026-Q4");
        // signed in March, effective in January: the quarter it was signed in is the first that moves, not the next one
        assertThat(audio.signed()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(worth.notes()).as("nothing later relied on it").isEmpty();

        // a line taken back (a repeated id found at the end of the read) leaves both sides as they were
        var diffBefore = worth.diff();
        var repeat = line("2026-05-12", "Publisher", "audio", "1000");
        worth.accept(repeat);
        assertThat(worth.diff()).isNotEqualTo(diffBefore);
        worth.retract(repeat);
        assertThat(worth.diff()).isEqualTo(diffBefore);
        // print counts on both sides, with the change and without it: taken back from both
        var print = line("2026-05-12", "Publisher", "print", "1000");
        worth.accept(print);
        worth.retract(print);
        assertThat(worth.diff()).isEqualTo(diffBefore);
        assertThat(worth.diff().byParties().values()).allSatisfy(row -> assertThat(row.before()).isEqualTo(diffBefore.byParties()
                .values().iterator().next().before()));
    }

    @Test
    void aChangeALaterOneReliedOnIsTakenOutWithANote() {
        AgreementFolder.Loaded loaded = dev.treaty.model.AgreementFolder.loadTexts(java.util.Map.of(
                java.nio.file.Path.of("t.treaty.md"), """
                        # T

                        ```treaty
                        agreement t
                        party A "A"
                        party B "B"
                        signed 2025-01-01
                        effective 2025-01-01
                        ```

                        ## 1 Events

                        ```treaty
                        event e
                        ```
                        """,
                java.nio.file.Path.of("a.treaty.md"), """
                        # A

                        ```treaty
                        amendment a amends t
                        signed 2025-02-01
                        effective 2025-02-01
                        ```

                        ## 2 More

                        ```treaty
                        add

                        event f
                        ```
                        """,
                java.nio.file.Path.of("b.treaty.md"), """
                        # B

                        ```treaty
                        amendment b amends t
                        signed 2025-03-01
                        effective 2025-03-01
                        ```

                        ## 2 More

                        ```treaty
                        replace

                        event g
                        ```
                        """), java.util.Map.of());
        assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
        AgreementHistory history = loaded.histories().get(0);
        AmendmentWorth worth = AmendmentWorth.of(history.asKnown(LocalDate.MAX), List.of(history.changes().get(0)), Facts.NONE,
                LocalDate.of(2025, 12, 31));
        assertThat(worth.notes()).extracting(d -> d.message()).containsExactly("cannot replace clause 2: it is not in force when b applies; clauses in force: 1");
    }

    private static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
