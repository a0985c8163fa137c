package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.treaty.evaluator.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The book deal's royalties against a table worked by hand. Tiers (cumulative): 10% to USD 50,000,
 * 12.5% to 150,000, 15% above; an advance of 20,000 recouped from royalties; at least 1,000 a
 * quarter; and from 2026, by an amendment signed 2026-03-01 but effective 2026-01-01, 25% on audio.
 *
 * <pre>
 * period   base      gross                                    recouped  left     top-up  due
 * 2025-Q1  30,000     3,000.00 (10% of 30,000)                 3,000    17,000   1,000   1,000.00
 * 2025-Q2  40,000     4,500.00 (10% of 20,000 + 12.5% of 20,000) 4,500  12,500   1,000   1,000.00
 * 2025-Q3 100,000    13,000.00 (12.5% of 80,000 + 15% of 20,000) 12,500      0     500   1,000.00
 * 2025-Q4   5,000       750.00 (15%)                               0         0     250   1,000.00
 * 2026-Q1  10,000     1,500.00 (15%)                               0         0       0   1,500.00
 * audio 2026-Q1 8,000 2,000.00 (25%)                                                      2,000.00
 * </pre>
 */
class BookDealSettlementTest {

    private static final AgreementFolder.Loaded BOOK = Fixtures.load(Fixtures.root().resolve("examples/book-deal"));
    private static final List<RevenueLine> REVENUE = List.of(
            line("2025-02-10", "Publisher", "print", "20000"), line("2025-03-20", "Publisher", "ebook", "10000"),
            line("2025-05-15", "Publisher", "print", "40000"),
            line("2025-08-01", "Publisher", "print", "60000"), line("2025-09-30", "Publisher", "ebook", "40000"),
            line("2025-11-11", "Publisher", "print", "5000"),
            line("2026-02-01", "Publisher", "print", "10000"), line("2026-02-02", "Publisher", "audio", "8000"),
            line("2026-02-03", "Author", "print", "99999"));

    private static String row(StatementLine line) {
        return String.join(" ", line.period(), line.base().amount().stripTrailingZeros().toPlainString(),
                line.gross().amount().toPlainString(), line.recouped().amount().toPlainString(),
                line.minimumTopUp().amount().toPlainString(), line.due().amount().toPlainString(), line.dueDate().toString());
    }

    @Test
    void royaltiesMatchTheTableWorkedByHand() {
        SettlementResult result = Fixtures.settle(BOOK, Facts.NONE, LocalDate.MAX, LocalDate.of(2026, 3, 31), REVENUE);

        Statement print = result.statements().get(0);
        assertThat(print.term()).isEqualTo("print-royalty");
        assertThat(print.lines()).extracting(BookDealSettlementTest::row).containsExactly(
                "2025-Q1 30000 3000.00 3000.00 1000.00 1000.00 2025-05-30",
                "2025-Q2 40000 4500.00 4500.00 1000.00 1000.00 2025-08-29",
                "2025-Q3 100000 13000.00 12500.00 500.00 1000.00 2025-11-29",
                "2025-Q4 5000 750.00 0.00 250.00 1000.00 2026-03-01",
                "2026-Q1 10000 1500.00 0.00 0.00 1500.00 2026-05-30");
        assertThat(print.lines().get(0).from()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(print.totalDue().amount()).isEqualByComparingTo("5500.00");

        Statement audio = result.statements().get(1);
        assertThat(audio.term()).isEqualTo("audio-royalty");
        assertThat(audio.lines()).extracting(BookDealSettlementTest::row).containsExactly("2026-Q1 8000 2000.00 0.00 0.00 2000.00 2026-05-30");
    }

    @Test
    void beforeTheRetroactiveAmendmentWasSignedThereWasNoAudioRoyalty() {
        SettlementResult asKnownInFebruary = Fixtures.settle(BOOK, Facts.NONE, LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), REVENUE);
        assertThat(asKnownInFebruary.statements()).extracting(Statement::term).containsExactly("print-royalty");
        SettlementResult asKnownInMarch = Fixtures.settle(BOOK, Facts.NONE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), REVENUE);
        assertThat(asKnownInMarch.statements()).extracting(Statement::term).containsExactly("print-royalty", "audio-royalty");
    }

    @Test
    void everyExplanationCitesTheClauseAndTheRevenueLines() {
        SettlementResult result = Fixtures.settle(BOOK, Facts.NONE, LocalDate.MAX, LocalDate.of(2026, 3, 31), REVENUE);
        StatementLine line = result.statements().get(0).lines().get(2);
        assertThat(line.why().allReferences()).extracting(Object::toString)
                .anyMatch(r -> r.startsWith("clause 2.2 \"Minimum guarantee\" of northwind-book (agreement, signed 2025-01-15"))
                .anyMatch(r -> r.startsWith("2 revenue lines of test.csv"));
        assertThat(dev.treaty.evaluator.explain.ExplanationText.render(line.why()))
                .contains("12.5% of USD 80,000 + 15% of USD 20,000", "recouped USD 12,500.00", "topped up by USD 500.00");
    }
}
