package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.Fixtures;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.facts.Fact;
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
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of settlement, on random revenue (jqwik prints the seed of any failure). */
class SettlementProperties {

    private static final LocalDate SUNSET = LocalDate.of(2022, 6, 30);
    private static final AgreementFolder.Loaded AGREEMENT = Fixtures.loadText("""
            # Property agreement

            ```treaty
            agreement p
            party Alpha
            party Beta
            signed 2020-01-01
            effective 2020-01-01
            ```

            ## 1 Share

            ```treaty
            event agi {
              declared by Alpha
              verified by panel
            }

            revenue-share share {
              payer Alpha
              payee Beta
              tiers cumulative {
                up to USD 20000: 10%
                above: 20%
              }
              base category = core
              period quarter
              from 2020-01-01
              through 2022-06-30
              cap total USD 15000
              cap per period USD 4000
              minimum USD 50 per period
              advance USD 300 recoupable
              due 30 days after period end
              instalments 3 monthly
              currency USD
              until agi verified
            }

            licence l {
              licensor Alpha
              licensee Beta
              covers [models]
              exclusive until agi declared
              until agi verified
            }
            ```
            """);
    private static final LocalDate THROUGH = LocalDate.of(2023, 12, 31);

    @Provide
    Arbitrary<List<RevenueLine>> revenue() {
        Arbitrary<RevenueLine> line = Combinators.combine(
                Arbitraries.integers().between(0, 365 * 5),
                Arbitraries.of("Alpha", "Beta"),
                Arbitraries.of("core", "core", "core", "other"),
                Arbitraries.longs().between(-50_000_000L, 9_000_000_000L)
        ).as((day, party, category, micros) -> new RevenueLine(LocalDate.of(2019, 6, 1).plusDays(day), party, "", "",
                category, "", "", "", micros, "USD", new FactSource(Path.of("r.csv"), day + 2)));
        return line.list().ofMaxSize(120);
    }

    private static SettlementResult settle(List<RevenueLine> lines, Facts facts) {
        return Fixtures.settle(AGREEMENT, facts, LocalDate.MAX, THROUGH, lines);
    }

    /** Every figure of every line, with how many revenue lines each counted. */
    static String canonical(SettlementResult result) {
        return canonical(result, true);
    }

    /** Every figure of every line; the line counts left out where lines are split on purpose. */
    static String canonical(SettlementResult result, boolean withLineCounts) {
        return result.statements().stream().flatMap(s -> s.lines().stream()).map(l -> String.join("|", l.term(), l.period(),
                l.from().toString(), l.through().toString(), l.base().toPlainString(), withLineCounts ? Long.toString(l.lines()) : "",
                l.gross().toPlainString(), l.recouped().toPlainString(), l.minimumTopUp().toPlainString(), l.capCut().toPlainString(),
                l.due().toPlainString(), l.dueDate().toString(), l.instalments().toString()))
                .collect(Collectors.joining("\n"));
    }

    @Property
    void theTotalDueNeverExceedsTheCap(@ForAll("revenue") List<RevenueLine> lines) {
        for (Statement statement : settle(lines, Facts.NONE).statements()) {
            assertThat(statement.totalDue().amount()).isLessThanOrEqualTo(new BigDecimal("15000"));
            statement.lines().forEach(line -> assertThat(line.due().amount()).isLessThanOrEqualTo(new BigDecimal("4000")).isNotNegative());
        }
    }

    @Property
    void nothingIsDueForRevenueAfterTheSunset(@ForAll("revenue") List<RevenueLine> lines, @ForAll @IntRange(min = 1, max = 500) int days) {
        SettlementResult result = settle(lines, Facts.NONE);
        result.statements().forEach(s -> s.lines().forEach(l -> assertThat(l.through()).isBeforeOrEqualTo(SUNSET)));
        List<RevenueLine> more = new ArrayList<>(lines);
        more.add(new RevenueLine(SUNSET.plusDays(days), "Alpha", "", "", "core", "", "", "", 5_000_000_000L, "USD",
                new FactSource(Path.of("late.csv"), 1)));
        assertThat(canonical(settle(more, Facts.NONE))).isEqualTo(canonical(result));
    }

    @Property
    void splittingOrReorderingLinesNeverChangesAStatement(@ForAll("revenue") List<RevenueLine> lines, @ForAll long seed) {
        String expected = canonical(settle(lines, Facts.NONE), false);
        List<RevenueLine> changed = new ArrayList<>();
        Random random = new Random(seed);
        for (RevenueLine line : lines) {
            long part = line.amountMicros() == 0 ? 0 : random.nextLong(Math.abs(line.amountMicros()) + 1) * Long.signum(line.amountMicros());
            changed.add(withAmount(line, part));
            changed.add(withAmount(line, line.amountMicros() - part));
        }
        Collections.shuffle(changed, random);
        assertThat(canonical(settle(changed, Facts.NONE), false)).isEqualTo(expected);
    }

    private static RevenueLine withAmount(RevenueLine line, long micros) {
        return new RevenueLine(line.date(), line.party(), line.product(), line.kind(), line.category(), line.cloud(),
                line.region(), line.segment(), micros, line.currency(), line.source());
    }

    @Property
    void everyStatementsLinesSumToItsTotals(@ForAll("revenue") List<RevenueLine> lines) {
        for (Statement statement : settle(lines, Facts.NONE).statements()) {
            Money zero = Money.zero(statement.totalDue().currency());
            assertThat(statement.lines().stream().map(StatementLine::due).reduce(zero, Money::plus)).isEqualTo(statement.totalDue());
            assertThat(statement.lines().stream().map(StatementLine::gross).reduce(zero, Money::plus)).isEqualTo(statement.totalGross());
            assertThat(statement.lines().stream().map(StatementLine::base).reduce(zero, Money::plus)).isEqualTo(statement.totalBase());
            for (StatementLine line : statement.lines()) {
                assertThat(line.instalments().stream().map(StatementLine.Instalment::amount).reduce(zero, Money::plus)).isEqualTo(line.due());
                Money earned = line.gross().isNegative() ? zero : line.gross();
                assertThat(earned.minus(line.recouped()).plus(line.minimumTopUp()).minus(line.capCut())).isEqualTo(line.due());
            }
        }
    }

    @Property
    void aCopiedPlanGoesOnAloneAndSettlesAsIfFedEveryLine(@ForAll("revenue") List<RevenueLine> before,
                                                          @ForAll("revenue") List<RevenueLine> after) {
        List<SettlementPlan.VersionSpan> schedule = AGREEMENT.histories().get(0).versions(LocalDate.MAX).stream()
                .map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList();
        SettlementPlan template = SettlementPlan.of(schedule, Facts.NONE, THROUGH, Optional.empty());
        before.forEach(template);
        SettlementPlan copy = template.copy();
        after.forEach(copy);
        List<RevenueLine> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(canonical(Settlement.compute(copy, AGREEMENT.assumptions(), Optional.empty()))).isEqualTo(canonical(settle(all, Facts.NONE)));
        assertThat(canonical(Settlement.compute(template, AGREEMENT.assumptions(), Optional.empty())))
                .as("the copy's lines never reach the plan it was copied from").isEqualTo(canonical(settle(before, Facts.NONE)));
    }

    @Property
    void settlementIsDeterministic(@ForAll("revenue") List<RevenueLine> lines) {
        assertThat(canonical(settle(lines, Facts.NONE))).isEqualTo(canonical(settle(lines, Facts.NONE)));
    }

    @Provide
    Arbitrary<List<Fact>> events() {
        Arbitrary<Fact> event = Combinators.combine(
                Arbitraries.integers().between(0, 365 * 4),
                Arbitraries.integers().between(0, 400),
                Arbitraries.of("declaration", "verification"),
                Arbitraries.integers().between(0, 1_000_000)
        ).as((day, delay, type, id) -> {
            LocalDate on = LocalDate.of(2020, 1, 1).plusDays(day);
            Fact.Meta meta = new Fact.Meta(type + id, on, Optional.of(on.plusDays(delay).atStartOfDay().toInstant(ZoneOffset.UTC)),
                    new FactSource(Path.of("e.jsonl"), 1));
            return type.equals("declaration") ? new Fact.Declaration(meta, "agi", "Alpha") : new Fact.Verification(meta, "agi", "panel");
        });
        return event.list().ofMaxSize(4);
    }

    @Property
    void aLaterKnownFactNeverChangesAnAnswerAsKnownEarlier(@ForAll("revenue") List<RevenueLine> lines, @ForAll("events") List<Fact> events,
                                                           @ForAll @IntRange(min = 0, max = 365 * 5) int knownDay) {
        Instant knownAt = LocalDate.of(2020, 1, 1).plusDays(knownDay).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Fact> known = events.stream().filter(f -> !f.meta().knownFrom().isAfter(knownAt)).toList();
        Facts all = new Facts(events).knownAt(knownAt);
        Facts onlyEarlier = new Facts(known);
        assertThat(canonical(settle(lines, all))).isEqualTo(canonical(settle(lines, onlyEarlier)));

        var version = AGREEMENT.histories().get(0).asKnown(LocalDate.MAX);
        for (int day = 0; day < 365 * 4; day += 97) {
            LicenceCheck.Question question = new LicenceCheck.Question("Beta", "models", Optional.empty(), LocalDate.of(2020, 1, 1).plusDays(day));
            assertThat(LicenceCheck.decide(version, all, question).verdict())
                    .isEqualTo(LicenceCheck.decide(version, onlyEarlier, question).verdict());
        }
    }
}
