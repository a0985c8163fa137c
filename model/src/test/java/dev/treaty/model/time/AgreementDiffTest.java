package dev.treaty.model.time;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.TermKind;
import dev.treaty.model.value.ClauseId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.treaty.model.TestAgreements.HEADER;
import static dev.treaty.model.TestAgreements.load;
import static dev.treaty.model.TestAgreements.messages;
import static org.assertj.core.api.Assertions.assertThat;

/** What changed between two versions: clauses and terms added, struck, changed and moved. */
class AgreementDiffTest {

    private static final String SHARE = """
            revenue-share s "Share" {
              payer Alpha
              payee Beta
              rate %s
              period quarter
              due 30 days after period end
              currency USD
            }
            """;

    private static final String AGREEMENT = HEADER + """
            ## 1 Share

            Alpha pays Beta a share.

            ```treaty
            %s```

            ## 2 Events

            ```treaty
            event e
            ```

            ## 3 Licence

            Alpha licenses its models to Beta.

            ```treaty
            licence l {
              licensor Alpha
              licensee Beta
              covers [models]
              exclusive
            }
            ```
            """.formatted(SHARE.formatted("10%"));

    private static final String AMENDMENT = """
            # Amendment

            ```treaty
            amendment a amends t
            signed 2025-06-01
            effective 2025-06-01
            ```

            ## 1 Share, raised

            Alpha pays Beta a larger share.

            ```treaty
            replace

            %s```

            ## 2 Events

            ```treaty
            strike
            ```

            ## 3 Licence

            Alpha licenses its models to Beta, as before, in other words.

            ```treaty
            replace

            licence l {
              licensor Alpha
              licensee Beta
              covers [models]
              exclusive
            }
            ```

            ## 4 A new event

            ```treaty
            add

            event f
            ```
            """.formatted(SHARE.formatted("12%"));

    private static List<AgreementDiff.ClauseChange> diff(AgreementFolder.Loaded loaded, String from, String to) {
        assertThat(messages(loaded)).isEmpty();
        AgreementHistory history = loaded.histories().get(0);
        return AgreementDiff.between(history.versionOn(LocalDate.parse(from)).orElseThrow(),
                history.versionOn(LocalDate.parse(to)).orElseThrow());
    }

    @Test
    void eachClauseAndTermSaysHowItChanged() {
        List<AgreementDiff.ClauseChange> changes = diff(load("t.treaty.md", AGREEMENT, "a.treaty.md", AMENDMENT), "2025-03-01", "2025-07-01");

        assertThat(changes).extracting(c -> c.id().toString() + " " + c.kind() + " " + c.title() + " text:" + c.textChanged())
                .containsExactly("1 CHANGED Share, raised text:true", "2 STRUCK Events text:false",
                        "3 CHANGED Licence text:true", "4 ADDED A new event text:false");
        AgreementDiff.TermChange share = changes.get(0).terms().get(0);
        assertThat(share.kind()).isEqualTo(AgreementDiff.TermChange.Kind.CHANGED);
        assertThat(share.label()).isEqualTo("revenue-share s");
        assertThat(share.attributes()).extracting(Object::toString).containsExactly("rate: 10% → 12%");
        assertThat(share.before()).isPresent();
        assertThat(share.after()).isPresent();
        assertThat(changes.get(1).terms()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(AgreementDiff.TermChange.Kind.STRUCK);
            assertThat(t.label()).isEqualTo("event e");
            assertThat(t.after()).isEmpty();
        });
        assertThat(changes.get(1).after()).isEmpty();
        assertThat(changes.get(2).terms()).as("the licence is stated again with the same values").isEmpty();
        assertThat(changes.get(3).terms()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(AgreementDiff.TermChange.Kind.ADDED);
            assertThat(t.termKind()).isEqualTo(TermKind.EVENT);
            assertThat(t.before()).isEmpty();
        });
        assertThat(changes.get(3).before()).isEmpty();
    }

    @Test
    void theSameVersionTwiceChangesNothingAndTheReverseSwapsAddedAndStruck() {
        AgreementFolder.Loaded loaded = load("t.treaty.md", AGREEMENT, "a.treaty.md", AMENDMENT);
        assertThat(diff(loaded, "2025-03-01", "2025-04-01")).isEmpty();
        List<AgreementDiff.ClauseChange> back = diff(loaded, "2025-07-01", "2025-03-01");
        assertThat(back).extracting(c -> c.id() + " " + c.kind()).containsExactly("1 CHANGED", "2 ADDED", "3 CHANGED", "4 STRUCK");
        assertThat(back.get(0).terms().get(0).attributes()).extracting(Object::toString).containsExactly("rate: 12% → 10%");
    }

    @Test
    void aRestatementThatMovesATermIsAChangeOfPlaceAndOneThatRepeatsTheTextIsNoChange() {
        String restated = """
                # Restated

                ```treaty
                amendment r restates t
                signed 2025-09-01
                effective 2025-09-01
                ```

                ## 1 Share

                Alpha pays Beta a share.

                ```treaty
                %s```

                ## 2 Events

                ```treaty
                event e
                ```

                ## 5 Licence, renumbered

                ```treaty
                licence l "The licence" {
                  licensor Alpha
                  licensee Beta
                  covers [models]
                  exclusive
                }
                ```
                """.formatted(SHARE.formatted("10%"));
        List<AgreementDiff.ClauseChange> changes = diff(load("t.treaty.md", AGREEMENT, "r.treaty.md", restated), "2025-03-01", "2025-10-01");

        assertThat(changes).extracting(c -> c.id() + " " + c.kind()).containsExactly("3 STRUCK", "5 ADDED");
        AgreementDiff.TermChange moved = changes.get(1).terms().get(0);
        assertThat(moved.kind()).isEqualTo(AgreementDiff.TermChange.Kind.CHANGED);
        assertThat(moved.attributes()).extracting(Object::toString).containsExactly("clause: 3 → 5", "title:  → The licence");
        assertThat(changes.get(0).terms()).as("the move is reported once, where the term now is").isEmpty();
        assertThat(changes.get(1).after().map(c -> c.clause().id())).contains(ClauseId.parse("5"));
        assertThat(changes.get(0).before()).isNotEqualTo(Optional.empty());
    }
}
