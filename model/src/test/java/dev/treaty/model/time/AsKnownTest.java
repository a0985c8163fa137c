package dev.treaty.model.time;

import dev.treaty.language.Diagnostics;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Assumption;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.term.RevenueShare;
import dev.treaty.model.term.TermKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.treaty.model.TestAgreements.HEADER;
import static dev.treaty.model.TestAgreements.load;
import static dev.treaty.model.TestAgreements.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history as known on a day: which documents count, the day each version starts, the
 * assumptions as they stood, and since when a term has been in force unchanged.
 */
class AsKnownTest {

    private static final String AGREEMENT = HEADER + """
            ## 1 Share

            ```treaty
            revenue-share s {
              payer Alpha
              payee Beta
              rate $rate
              period quarter
              due 30 days after period end
              currency USD
            }
            ```

            ## 2 Events

            ```treaty
            event e
            ```
            """;

    private static final String ASSUMPTIONS = """
            # Assumptions

            ```treaty
            assumptions for t
            assume rate = 10% "press reports" public since 2025-05-15
            ```
            """;

    /** Signed 2025-06-10, effective 2025-06-01: retroactive by nine days; changes clause 2 only. */
    private static final String AMENDMENT = """
            # Amendment

            ```treaty
            amendment a amends t
            signed 2025-06-10
            effective 2025-06-01
            ```

            ## 2 Events

            ```treaty
            replace

            event f
            ```
            """;

    /** A restatement that repeats the share word for word and adds a second, starting later. */
    private static final String RESTATEMENT = """
            # Restated

            ```treaty
            amendment r restates t
            signed 2026-01-01
            effective 2026-01-01
            ```

            ## 1 Share

            ```treaty
            revenue-share s {
              payer Alpha
              payee Beta
              rate $rate
              period quarter
              due 30 days after period end
              currency USD
            }

            revenue-share later {
              payer Beta
              payee Alpha
              rate 5%
              period quarter
              from 2026-04-01
              due 30 days after period end
              currency USD
            }
            ```
            """;

    private static AgreementHistory history() {
        AgreementFolder.Loaded loaded = load("t.treaty.md", AGREEMENT, "assumptions.treaty.md", ASSUMPTIONS, "a.treaty.md", AMENDMENT,
                "r.treaty.md", RESTATEMENT);
        assertThat(messages(loaded)).isEmpty();
        return loaded.histories().get(0);
    }

    private static String events(ConsolidatedAgreement version) {
        return String.join(",", version.termsOf(EventDefinition.class).stream().map(EventDefinition::name).toList());
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void theVersionInForceStartsOnItsDayAndEndsTheDayBeforeTheNext() {
        AgreementHistory.AsKnown all = history().asKnown(LocalDate.MAX);
        assertThat(all.versionOn(day("2024-12-31"))).isEmpty();
        assertThat(all.versionOn(day("2025-01-01")).map(AsKnownTest::events)).contains("e");
        assertThat(all.versionOn(day("2025-05-31")).map(AsKnownTest::events)).contains("e");
        assertThat(all.versionOn(day("2025-06-01")).map(AsKnownTest::events)).contains("f");
        assertThat(all.versions()).extracting(v -> v.inForce().toString())
                .containsExactly(DateWindowText.between("2025-01-01", "2025-05-31"), DateWindowText.between("2025-06-01", "2025-12-31"),
                        DateWindowText.from("2026-01-01"));
        assertThat(all.versionOn(day("2300-01-01"))).as("long after the last change").isPresent();
        assertThat(all.versionOn(day("2025-12-31")).orElseThrow().latest().id()).isEqualTo("a");
        assertThat(all.versionOn(day("2026-01-02")).orElseThrow().latest().id()).as("the day after the last start").isEqualTo("r");
        assertThat(all.versions().get(2).latest().id()).isEqualTo("r");
        assertThat(all.versions().get(0).latest().id()).isEqualTo("t");
    }

    @Test
    void onlyDocumentsSignedByTheDayAreKnown() {
        AgreementHistory history = history();
        assertThat(history.asKnown(day("2024-12-31")).versions()).as("before the agreement was signed").isEmpty();
        assertThat(history.asKnown(day("2024-12-31")).versionOn(day("2025-03-01"))).isEmpty();
        assertThat(history.asKnown(day("2025-06-09")).versionOn(day("2025-06-05")).map(AsKnownTest::events)).contains("e");
        assertThat(history.asKnown(day("2025-06-10")).versionOn(day("2025-06-05")).map(AsKnownTest::events))
                .as("on its signing day the retroactive amendment is known").contains("f");
        assertThat(history.asKnown(day("2025-06-10")).versions()).hasSize(2);
        assertThat(history.asKnown(day("2025-12-31")).versions()).hasSize(2);
        assertThat(history.asKnown(day("2026-01-01")).versions()).hasSize(3);
        assertThat(history.versionOn(day("2025-06-05"), day("2025-06-09")).map(AsKnownTest::events)).contains("e");
        assertThat(history.changes()).extracting(d -> d.id()).containsExactly("a", "r");
        assertThat(history.id()).isEqualTo("t");
    }

    @Test
    void anAssumptionNotYetPublicSaysSoAsKnownBeforeItsDay() {
        AgreementHistory history = history();
        Assumption before = history.asKnown(day("2025-05-14")).assumptions().get("rate");
        Assumption after = history.asKnown(day("2025-05-15")).assumptions().get("rate");
        assertThat(before.basis()).isEqualTo("press reports; not yet public as known on 2025-05-14 (public since 2025-05-15):"
                + " the later figure is used for want of another");
        assertThat(after.basis()).isEqualTo("press reports");
        assertThat(before.value()).isEqualTo(after.value());

        TermInForce share = history.versionOn(day("2025-03-01")).orElseThrow().term(TermKind.REVENUE_SHARE, "s").orElseThrow();
        assertThat(history.asKnown(day("2025-05-14")).assumptionsOf(share)).singleElement()
                .satisfies(a -> assertThat(a.basis()).contains("not yet public"));
        assertThat(history.asKnown(LocalDate.MAX).assumptionsOf(share)).singleElement()
                .satisfies(a -> assertThat(a.basis()).isEqualTo("press reports"));
        assertThat(history.assumptions()).containsKey("rate");
    }

    @Test
    void aTermRestatedUnchangedKeepsItsStartAndANewTermStartsWhenItSays() {
        AgreementHistory.AsKnown all = history().asKnown(LocalDate.MAX);
        ConsolidatedAgreement restated = all.versionOn(day("2026-06-01")).orElseThrow();
        TermInForce share = restated.term(TermKind.REVENUE_SHARE, "s").orElseThrow();
        TermInForce later = restated.term(TermKind.REVENUE_SHARE, "later").orElseThrow();

        assertThat(all.inForceSince(share, day("2026-06-01"))).as("stated alike since the agreement").isEqualTo(day("2025-01-01"));
        assertThat(all.inForceSince(later, day("2026-06-01"))).as("its own start, after the restatement's").isEqualTo(day("2026-04-01"));
        assertThat(all.inForceSince(share, day("2025-03-01"))).isEqualTo(day("2025-01-01"));
        assertThat(all.inForceSince(share, day("2019-01-01"))).as("no version then: where the term came from")
                .isEqualTo(share.provenance().effective());
        assertThat(restated.termsOf(RevenueShare.class)).hasSize(2);
        assertThat(restated.party("Alpha")).isPresent();
        assertThat(restated.party("Gamma")).isEmpty();
        assertThat(restated.term(TermKind.LICENCE, "s")).isEmpty();
    }

    /** Clause 1 of {@link #AGREEMENT} replaced, effective {@code effective}, with the share at 12%. */
    private static String rateChange(String effective) {
        return """
                # Rate change

                ```treaty
                amendment c amends t
                signed 2025-03-01
                effective %s
                ```

                ## 1 Share

                ```treaty
                replace

                revenue-share s {
                  payer Alpha
                  payee Beta
                  rate 12%%
                  period quarter
                  due 30 days after period end
                  currency USD
                }
                ```
                """.formatted(effective);
    }

    @Test
    void aTermWhoseValuesChangeIsInForceSinceTheChange() {
        AgreementFolder.Loaded loaded = load("t.treaty.md", AGREEMENT, "assumptions.treaty.md", ASSUMPTIONS,
                "c.treaty.md", rateChange("2026-01-01"));
        assertThat(messages(loaded)).isEmpty();
        AgreementHistory.AsKnown all = loaded.histories().get(0).asKnown(LocalDate.MAX);
        TermInForce changed = all.versionOn(day("2026-06-01")).orElseThrow().term(TermKind.REVENUE_SHARE, "s").orElseThrow();
        TermInForce first = all.versionOn(day("2025-06-01")).orElseThrow().term(TermKind.REVENUE_SHARE, "s").orElseThrow();
        assertThat(all.inForceSince(changed, day("2026-06-01"))).isEqualTo(day("2026-01-01"));
        assertThat(all.inForceSince(first, day("2025-06-01"))).isEqualTo(day("2025-01-01"));
    }

    /** Two shares in one clause each; amendments change the second one's rate, then the first's. */
    private static String twoShares(String firstRate, String secondRate) {
        return """
                ## 1 First

                ```treaty
                revenue-share first {
                  payer Alpha
                  payee Beta
                  rate %s
                  period quarter
                  due 30 days after period end
                  currency USD
                }
                ```

                ## 2 Second

                ```treaty
                revenue-share second {
                  payer Alpha
                  payee Beta
                  rate %s
                  period quarter
                  due 30 days after period end
                  currency USD
                }
                ```
                """.formatted(firstRate, secondRate);
    }

    private static String replacing(String id, String signed, String clause) {
        return """
                # Change

                ```treaty
                amendment %s amends t
                signed %s
                effective %s
                ```

                %s
                """.formatted(id, signed, signed, clause.replace("```treaty\n", "```treaty\nreplace\n\n"));
    }

    @Test
    void eachTermOfAVersionRunsFromItsOwnLastChange() {
        String clauses = twoShares("10%", "5%");
        String secondOnly = clauses.substring(clauses.indexOf("## 2")).replace("rate 5%", "rate 6%");
        String firstOnly = clauses.substring(0, clauses.indexOf("## 2")).replace("rate 10%", "rate 11%");
        // the same values again in d: no new start
        java.util.function.Supplier<AgreementFolder.Loaded> folder = () -> load("t.treaty.md", HEADER + clauses,
                "b.treaty.md", replacing("b", "2025-06-01", secondOnly),
                "c.treaty.md", replacing("c", "2026-01-01", firstOnly),
                "d.treaty.md", replacing("d", "2026-06-01", secondOnly));
        AgreementFolder.Loaded loaded = folder.get();
        assertThat(messages(loaded)).isEmpty();
        AgreementHistory.AsKnown all = loaded.histories().get(0).asKnown(LocalDate.MAX);
        ConsolidatedAgreement last = all.versionOn(day("2026-09-01")).orElseThrow();
        TermInForce first = last.term(TermKind.REVENUE_SHARE, "first").orElseThrow();
        TermInForce second = last.term(TermKind.REVENUE_SHARE, "second").orElseThrow();
        assertThat(last.terms().indexOf(second)).isPositive();

        assertThat(all.inForceSince(first, day("2026-09-01"))).isEqualTo(day("2026-01-01"));
        assertThat(all.inForceSince(second, day("2026-09-01"))).as("restated alike in d").isEqualTo(day("2025-06-01"));
        assertThat(all.inForceSince(second, day("2026-09-01"))).as("asked again").isEqualTo(day("2025-06-01"));
        TermInForce middle = all.versionOn(day("2025-09-01")).orElseThrow().term(TermKind.REVENUE_SHARE, "first").orElseThrow();
        assertThat(all.inForceSince(middle, day("2025-09-01"))).isEqualTo(day("2025-01-01"));

        // the same terms as other objects (from another reading of the folder) are compared by their values
        AgreementHistory.AsKnown again = folder.get().histories().get(0).asKnown(LocalDate.MAX);
        TermInForce otherSecond = again.versionOn(day("2026-09-01")).orElseThrow().term(TermKind.REVENUE_SHARE, "second").orElseThrow();
        TermInForce otherFirst = again.versionOn(day("2026-09-01")).orElseThrow().term(TermKind.REVENUE_SHARE, "first").orElseThrow();
        assertThat(all.inForceSince(otherSecond, day("2026-09-01"))).isEqualTo(day("2025-06-01"));
        assertThat(all.inForceSince(otherFirst, day("2026-09-01"))).isEqualTo(day("2026-01-01"));
        assertThat(all.inForceSince(otherFirst, day("2025-09-01"))).as("a term the version then does not state alike")
                .isEqualTo(day("2025-06-01"));
    }

    @Test
    void versionsCenturiesApartAreFoundWithoutADayIndex() {
        // 375 years between the first and the last version: past the day index's reach, so looked up by search
        AgreementFolder.Loaded loaded = load("t.treaty.md", AGREEMENT, "assumptions.treaty.md", ASSUMPTIONS,
                "c.treaty.md", rateChange("2400-01-01"));
        assertThat(messages(loaded)).isEmpty();
        AgreementHistory.AsKnown all = loaded.histories().get(0).asKnown(LocalDate.MAX);
        assertThat(all.versionOn(day("2024-12-31"))).isEmpty();
        assertThat(all.versionOn(day("2025-01-01")).orElseThrow().latest().id()).isEqualTo("t");
        assertThat(all.versionOn(day("2399-12-31")).orElseThrow().latest().id()).isEqualTo("t");
        assertThat(all.versionOn(day("2400-01-01")).orElseThrow().latest().id()).isEqualTo("c");
        assertThat(all.versionOn(day("2400-01-02")).orElseThrow().latest().id()).isEqualTo("c");
        assertThat(all.versionOn(day("2999-01-02")).orElseThrow().latest().id()).isEqualTo("c");
    }

    @Test
    void changesSignedAndEffectiveOnOneDayApplyInTheOrderOfTheirFiles() {
        String second = AMENDMENT.replace("amendment a amends t", "amendment b amends t").replace("event f", "event g");
        // given in the opposite order: the file name decides, not the order of reading
        AgreementFolder.Loaded loaded = load("t.treaty.md", AGREEMENT, "assumptions.treaty.md", ASSUMPTIONS, "b.treaty.md", second,
                "a.treaty.md", AMENDMENT);
        assertThat(messages(loaded)).isEmpty();
        AgreementHistory history = loaded.histories().get(0);
        assertThat(history.changes()).extracting(d -> d.id()).containsExactly("a", "b");
        assertThat(history.versionOn(day("2025-06-01")).map(AsKnownTest::events)).contains("g");
    }

    @Test
    void withoutADocumentTheHistoryIsAsIfItWereNeverSigned() {
        AgreementHistory history = history();
        AgreementHistory withoutAmendment = history.without("a", new Diagnostics());
        assertThat(withoutAmendment.changes()).extracting(d -> d.id()).containsExactly("r");
        assertThat(withoutAmendment.versionOn(day("2025-07-01")).map(AsKnownTest::events)).contains("e");
        assertThat(history.versionOn(day("2025-07-01")).map(AsKnownTest::events)).as("the history itself is unchanged").contains("f");
        assertThatThrownBy(() -> history.without("nothing", new Diagnostics())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no change 'nothing' in t");
    }

    @Test
    void provenanceSaysWhoSetAClauseAndHow() {
        ConsolidatedAgreement version = history().versionOn(day("2025-07-01")).orElseThrow();
        assertThat(version.clauses().get(dev.treaty.model.value.ClauseId.parse("2")).provenance().toString())
                .isEqualTo("replaced by a (signed 2025-06-10, effective 2025-06-01) at a.treaty.md:9");
        assertThat(version.clauses().get(dev.treaty.model.value.ClauseId.parse("1")).provenance().toString())
                .startsWith("set by t (signed 2025-01-01, effective 2025-01-01) at t.treaty.md:");
        assertThat(Provenance.How.RESTATED.label()).isEqualTo("restated");
    }

    /** How a DateWindow prints, spelled out here so the test reads as the windows it expects. */
    private static final class DateWindowText {
        static String between(String from, String through) {
            return dev.treaty.model.value.DateWindow.between(LocalDate.parse(from), LocalDate.parse(through)).toString();
        }

        static String from(String from) {
            return dev.treaty.model.value.DateWindow.between(LocalDate.parse(from), null).toString();
        }
    }
}
