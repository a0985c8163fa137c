package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.facts.EventReader;
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

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is owed for revenue after a term ends, on whatever day it ends: its own {@code through}
 * mid-period, an {@code until} event declared on any day, or the end of the settlement. (The
 * other properties end terms on quarter ends, where a missing cut cannot show.)
 */
class SunsetProperties {

    private static final LocalDate START = LocalDate.of(2020, 1, 1);

    private static String agreement(LocalDate through) {
        return """
                # Sunset

                ```treaty
                agreement p
                party Alpha
                party Beta
                signed 2020-01-01
                effective 2020-01-01
                ```

                ## 1 Share

                ```treaty
                event stop {
                  declared by Alpha
                }

                revenue-share share {
                  payer Alpha
                  payee Beta
                  rate 10%%
                  period quarter
                  through %s
                  until stop declared
                  due 30 days after period end
                  currency USD
                }
                ```
                """.formatted(through);
    }

    @Provide
    Arbitrary<List<RevenueLine>> revenue() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.longs().between(1, 9_000_000_000L))
                .as((day, micros) -> new RevenueLine(START.plusDays(day), "Alpha", "", "", "", "", "", "", micros, "USD",
                        new FactSource(Path.of("r.csv"), day + 2)))
                .list().ofMinSize(1).ofMaxSize(60);
    }

    private static SettlementResult settle(LocalDate termThrough, Optional<LocalDate> stop, LocalDate settleThrough, List<RevenueLine> lines) {
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(Map.of(Path.of("p.treaty.md"), agreement(termThrough)), Map.of());
        assertThat(loaded.diagnostics()).as("fixture").noneMatch(d -> d.isError());
        Facts facts = Facts.NONE;
        if (stop.isPresent()) {
            EventReader.Result read = EventReader.parse(List.of(new EventReader.Text(new FactSource(Path.of("e.jsonl"), 1),
                    "{\"id\":\"s\",\"type\":\"declaration\",\"on\":\"" + stop.get() + "\",\"event\":\"stop\",\"by\":\"Alpha\"}")));
            assertThat(read.errors()).isEmpty();
            facts = new Facts(read.facts());
        }
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(loaded.histories().get(0).asKnown(LocalDate.MAX)), facts,
                settleThrough, Optional.empty());
        lines.forEach(plan);
        return Settlement.compute(plan, loaded.assumptions(), Optional.empty());
    }

    @Property
    void nothingIsOwedForRevenueAfterTheTermEnds(@ForAll @IntRange(min = 30, max = 900) int throughDay,
                                                  @ForAll @IntRange(min = 1, max = 1200) int stopDay,
                                                  @ForAll boolean stopped,
                                                  @ForAll @IntRange(min = 10, max = 1000) int settleDay,
                                                  @ForAll("revenue") List<RevenueLine> lines) {
        LocalDate termThrough = START.plusDays(throughDay);
        Optional<LocalDate> stop = stopped ? Optional.of(START.plusDays(stopDay)) : Optional.empty();
        LocalDate settleThrough = START.plusDays(settleDay);
        LocalDate lastDay = termThrough.isBefore(settleThrough) ? termThrough : settleThrough;
        if (stop.isPresent() && !stop.get().minusDays(1).isAfter(lastDay)) lastDay = stop.get().minusDays(1);
        LocalDate last = lastDay;

        SettlementResult result = settle(termThrough, stop, settleThrough, lines);
        long counted = 0;
        for (Statement statement : result.statements()) {
            for (StatementLine line : statement.lines()) {
                assertThat(line.through()).as("a line past the end " + last).isBeforeOrEqualTo(last);
                counted += line.lines();
            }
        }
        long expected = lines.stream().filter(l -> !l.date().isAfter(last)).count();
        assertThat(counted).as("every line up to the end, and none after").isEqualTo(expected);
        assertThat(result.revenueLines()).isEqualTo(lines.size());
        assertThat(result.ignoredLines()).isEqualTo(lines.size() - expected);

        // revenue after the end changes nothing
        List<RevenueLine> more = new ArrayList<>(lines);
        more.add(new RevenueLine(last.plusDays(1), "Alpha", "", "", "", "", "", "", 7_000_000_000L, "USD", new FactSource(Path.of("late.csv"), 1)));
        String before = SettlementProperties.canonical(result);
        assertThat(SettlementProperties.canonical(settle(termThrough, stop, settleThrough, more))).isEqualTo(before);
    }
}
