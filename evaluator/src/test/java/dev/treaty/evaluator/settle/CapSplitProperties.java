package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A per-period cap holds for the whole period when amendments split it: the pieces of one quarter
 * under different versions share one cap, whatever the split points. A review once saw the amount
 * already paid in a period dropped from the cap, which paid a split quarter's cap twice.
 */
class CapSplitProperties {

    private static final BigDecimal CAP = new BigDecimal("1000");
    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate END = LocalDate.of(2021, 12, 31);

    private static final String AGREEMENT = """
            # Capped share

            ```treaty
            agreement p
            party Alpha
            party Beta
            signed 2020-01-01
            effective 2020-01-01
            ```

            ## 1 Share

            ```treaty
            revenue-share share {
              payer Alpha
              payee Beta
              rate 10%%
              period quarter
              from 2020-01-01
              through 2021-12-31
              cap per period USD %s
              due 30 days after period end
              currency USD
            }
            ```
            """;

    private static final String AMENDMENT = """
            # Amendment %1$d

            ```treaty
            amendment a%1$d amends p
            signed %2$s
            effective %2$s
            ```

            ## 1 Share

            ```treaty
            replace

            revenue-share share {
              payer Alpha
              payee Beta
              rate %3$d%%
              period quarter
              from 2020-01-01
              through 2021-12-31
              cap per period USD %4$s
              due 30 days after period end
              currency USD
            }
            ```
            """;

    @Provide
    Arbitrary<List<RevenueLine>> revenue() {
        return Combinators.combine(Arbitraries.integers().between(0, 730), Arbitraries.longs().between(-2_000_000_000L, 20_000_000_000L))
                .as((day, micros) -> new RevenueLine(START.plusDays(day), "Alpha", "", "", "", "", "", "", micros, "USD",
                        new FactSource(Path.of("r.csv"), day + 2)))
                .list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(1, 729).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    }

    private static SettlementResult settle(List<Integer> splitDays, List<RevenueLine> lines) {
        Map<Path, String> texts = new LinkedHashMap<>();
        texts.put(Path.of("p.treaty.md"), AGREEMENT.formatted(CAP.toPlainString()));
        List<Integer> sorted = splitDays.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            LocalDate on = START.plusDays(sorted.get(i));
            texts.put(Path.of("a" + i + ".treaty.md"), AMENDMENT.formatted(i, on, 12 + 3 * i, CAP.toPlainString()));
        }
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
        assertThat(loaded.diagnostics()).as("fixture").noneMatch(d -> d.isError());
        var history = loaded.histories().get(0);
        List<SettlementPlan.VersionSpan> schedule = SettlementPlan.schedule(history.asKnown(LocalDate.MAX));
        SettlementPlan plan = SettlementPlan.of(schedule, Facts.NONE, END, Optional.empty());
        lines.forEach(plan);
        return Settlement.compute(plan, loaded.assumptions(), Optional.empty());
    }

    /** The due of each period, summed over the pieces the amendments cut it into. */
    private static Map<String, BigDecimal> duePerPeriod(SettlementResult result) {
        Map<String, BigDecimal> due = new LinkedHashMap<>();
        result.statements().forEach(statement -> statement.lines().forEach(line ->
                due.merge(line.period(), line.due().amount(), BigDecimal::add)));
        return due;
    }

    @Property
    void noPeriodPaysMoreThanItsCapWhereverItIsSplit(@ForAll("splits") List<Integer> splits, @ForAll("revenue") List<RevenueLine> lines) {
        SettlementResult result = settle(splits, lines);
        duePerPeriod(result).forEach((period, due) -> assertThat(due).as(period).isLessThanOrEqualTo(CAP));
    }

    @Property
    void aPeriodWhoseShareReachesTheCapPaysExactlyTheCap(@ForAll("splits") List<Integer> splits,
                                                         @ForAll @IntRange(min = 0, max = 729) int day) {
        // one line large enough that its share alone passes the cap, in whichever piece it falls
        RevenueLine big = new RevenueLine(START.plusDays(day), "Alpha", "", "", "", "", "", "", 50_000_000_000L, "USD",
                new FactSource(Path.of("r.csv"), 2));
        SettlementResult result = settle(splits, List.of(big));
        Map<String, BigDecimal> due = duePerPeriod(result);
        String period = result.statements().get(0).lines().stream().filter(l -> !l.from().isAfter(big.date()) && !l.through().isBefore(big.date()))
                .findFirst().orElseThrow().period();
        assertThat(due.get(period)).isEqualByComparingTo(CAP);
        due.forEach((other, amount) -> {
            if (!other.equals(period)) assertThat(amount).as(other).isZero();
        });
    }
}
