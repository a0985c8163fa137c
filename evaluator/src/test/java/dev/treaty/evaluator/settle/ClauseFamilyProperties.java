package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.value.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the clause families beyond the flat revenue share, on random facts: yearly resets,
 * band rates, rolling caps, and penalties for delay.
 */
class ClauseFamilyProperties {

    private static AgreementFolder.Loaded agreement(String term) {
        return Fixtures.loadText("""
                # Property agreement

                ```treaty
                agreement p
                party Alpha
                party Beta
                signed 2020-01-01
                effective 2020-01-01
                ```

                ## 1 Term

                ```treaty
                event delivered {
                  declared by Beta
                }
                event force-majeure {
                  declared by Alpha
                }

                %s
                ```
                """.formatted(term));
    }

    private static final AgreementFolder.Loaded YEARLY = agreement("""
            revenue-share fee {
              payer Alpha
              payee Beta
              tiers per year {
                up to USD 10000: 30%
                above: 15%
              }
              cap per year USD 4000
              period quarter
              due 30 days after period end
              currency USD
            }""");

    private static final AgreementFolder.Loaded BANDED = agreement("""
            revenue-share rebate {
              payer Alpha
              payee Beta
              bands per period {
                from USD 0 below USD 1000: 1%
                from USD 1000 to USD 5000: 2.5%
                over USD 5000 below USD 20000: 4%
                from USD 20000: 6%
              }
              period month
              due 30 days after period end
              currency USD
            }""");

    private static final AgreementFolder.Loaded ROLLING = agreement("""
            revenue-share credits {
              payer Alpha
              payee Beta
              rate 10%
              period month
              cap USD 1000 over the last 3 months
              due 30 days after period end
              currency USD
            }""");

    private static final AgreementFolder.Loaded PENALTY = agreement("""
            penalty late {
              payer Alpha
              payee Beta
              deadline 2021-03-31
              until delivered declared
              unless force-majeure declared
              rate USD 1000 per day
              price USD 100000
              cap total 40%
              termination after 30 days
              due 10 days after delivered declared
            }""");

    private static RevenueLine line(LocalDate date, long micros) {
        return new RevenueLine(date, "Alpha", "", "", "x", "", "", "", micros, "USD", new FactSource(Path.of("r.csv"), 2));
    }

    @Provide
    Arbitrary<List<RevenueLine>> revenue() {
        return Combinators.combine(Arbitraries.integers().between(0, 365 * 3 - 1), Arbitraries.longs().between(-500_000_000L, 9_000_000_000L))
                .as((day, micros) -> line(LocalDate.of(2020, 1, 1).plusDays(day), micros)).list().ofMaxSize(60);
    }

    private static Map<String, Money> dueByPeriod(AgreementFolder.Loaded agreement, List<RevenueLine> lines, LocalDate through) {
        Statement statement = Fixtures.settle(agreement, Facts.NONE, LocalDate.MAX, through, lines).statements().get(0);
        return statement.lines().stream().collect(Collectors.toMap(StatementLine::period, StatementLine::due, Money::plus, java.util.TreeMap::new));
    }

    @Property
    void yearlyTiersAndCapsNeverCarryOverAYearBoundary(@ForAll("revenue") List<RevenueLine> lines) {
        Map<String, Money> all = dueByPeriod(YEARLY, lines, LocalDate.of(2022, 12, 31));
        for (int year = 2020; year <= 2022; year++) {
            int y = year;
            // the year settled alone, with no revenue of any other year, owes exactly what it owes among them
            Map<String, Money> alone = dueByPeriod(YEARLY, lines.stream().filter(l -> l.date().getYear() == y).toList(), LocalDate.of(2022, 12, 31));
            Map<String, Money> inYear = all.entrySet().stream().filter(e -> e.getKey().startsWith(y + "-"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Map<String, Money> aloneInYear = alone.entrySet().stream().filter(e -> e.getKey().startsWith(y + "-"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(inYear).as("year " + y).isEqualTo(aloneInYear);
            Money yearTotal = inYear.values().stream().reduce(Money::plus).orElse(Money.zero(java.util.Currency.getInstance("USD")));
            assertThat(yearTotal.amount()).as("year cap in " + y).isLessThanOrEqualTo(new BigDecimal("4000"));
        }
    }

    /** The rate a month of {@code volume} gets, checked against its gross: one rate for the whole volume. */
    private static BigDecimal bandRate(long volume) {
        Statement statement = Fixtures.settle(BANDED, Facts.NONE, LocalDate.MAX, LocalDate.of(2020, 1, 31),
                List.of(line(LocalDate.of(2020, 1, 15), volume * 1_000_000L))).statements().get(0);
        StatementLine month = statement.lines().get(0);
        BigDecimal points = new BigDecimal(month.rate().substring(0, month.rate().indexOf('%')));
        assertThat(month.gross().amount()).as(month.rate()).isEqualByComparingTo(BigDecimal.valueOf(volume).multiply(points)
                .movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN));
        return points;
    }

    @Property
    void aBandRateNeverFallsAsTheVolumeRises(@ForAll @IntRange(min = 1, max = 40_000) int smaller, @ForAll @IntRange(min = 0, max = 40_000) int more) {
        BigDecimal low = bandRate(smaller);
        BigDecimal high = bandRate((long) smaller + more);
        assertThat(high).as(smaller + " then " + (smaller + more)).isGreaterThanOrEqualTo(low);
        // and it is one of the table's rates, for all of the volume
        assertThat(List.of("1", "2.5", "4", "6")).contains(low.toPlainString(), high.toPlainString());
    }

    @Property
    void aRollingCapIsNeverExceededInAnyWindow(@ForAll("revenue") List<RevenueLine> lines) {
        Statement statement = Fixtures.settle(ROLLING, Facts.NONE, LocalDate.MAX, LocalDate.of(2022, 12, 31), lines).statements().get(0);
        List<StatementLine> months = statement.lines();
        for (StatementLine month : months) {
            LocalDate windowStart = month.periodEnd().plusDays(1).minusMonths(3);
            BigDecimal inWindow = months.stream().filter(m -> !m.periodEnd().isBefore(windowStart) && !m.periodEnd().isAfter(month.periodEnd()))
                    .map(m -> m.due().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(inWindow).as("the 3 months ending " + month.periodEnd()).isLessThanOrEqualTo(new BigDecimal("1000"));
        }
    }

    @Provide
    Arbitrary<List<int[]>> spans() {
        return Combinators.combine(Arbitraries.integers().between(-20, 200), Arbitraries.integers().between(0, 30))
                .as((start, length) -> new int[]{start, length}).list().ofMaxSize(4);
    }

    @Property
    void aPenaltyCountsEveryLateDayOnceAndNeverOwesMoreThanItsCap(@ForAll @IntRange(min = -10, max = 240) int deliveredAfter,
                                                                   @ForAll("spans") List<int[]> forceMajeure) {
        LocalDate deadline = LocalDate.of(2021, 3, 31);
        LocalDate delivered = deadline.plusDays(deliveredAfter);
        List<EventReader.Text> texts = new ArrayList<>();
        texts.add(new EventReader.Text(new FactSource(Path.of("e.jsonl"), 1), "{\"id\":\"d\",\"type\":\"declaration\",\"on\":\"" + delivered
                + "\",\"event\":\"delivered\",\"by\":\"Beta\"}"));
        int n = 0;
        for (int[] span : forceMajeure) {
            LocalDate from = deadline.plusDays(span[0]);
            texts.add(new EventReader.Text(new FactSource(Path.of("e.jsonl"), 2), "{\"id\":\"fm" + n++ + "\",\"type\":\"declaration\",\"on\":\""
                    + from + "\",\"event\":\"force-majeure\",\"by\":\"Alpha\",\"through\":\"" + from.plusDays(span[1]) + "\"}"));
        }
        Facts facts = new Facts(EventReader.parse(texts).facts());
        SettlementResult result = Fixtures.settle(PENALTY, facts, LocalDate.MAX, LocalDate.of(2022, 12, 31), List.of());
        Statement statement = result.statements().stream().filter(s -> s.term().equals("late")).findFirst().orElseThrow();

        Optional<Penalties.Delay> delay = Penalties.count("late", SettlementPlan.schedule(PENALTY.histories().get(0).asKnown(LocalDate.MAX)),
                facts, LocalDate.of(2022, 12, 31));
        long lateDays = Math.max(0, ChronoUnit.DAYS.between(deadline, delivered) - 1);
        assertThat(delay).isPresent();
        assertThat(delay.get().counted() + delay.get().suspended()).as("every late day is counted or suspended, once").isEqualTo(lateDays);
        long suspendedDays = deadline.plusDays(1).datesUntil(delivered.isAfter(deadline) ? delivered : deadline.plusDays(1))
                .filter(d -> forceMajeure.stream().anyMatch(s -> !d.isBefore(deadline.plusDays(s[0])) && !d.isAfter(deadline.plusDays(s[0] + s[1]))))
                .count();
        assertThat(delay.get().suspended()).isEqualTo(suspendedDays);
        BigDecimal owed = statement.totalDue().amount();
        assertThat(owed).isLessThanOrEqualTo(new BigDecimal("40000"));
        assertThat(owed).isEqualByComparingTo(BigDecimal.valueOf(Math.min(40_000, 1000 * delay.get().counted())));
        assertThat(delay.get().terminableFrom().isPresent()).isEqualTo(delay.get().counted() > 30);
    }
}
