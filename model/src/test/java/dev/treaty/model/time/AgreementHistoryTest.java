package dev.treaty.model.time;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.EventDefinition;
import dev.treaty.model.value.ClauseId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.treaty.model.TestAgreements.HEADER;
import static dev.treaty.model.TestAgreements.load;
import static dev.treaty.model.TestAgreements.messages;
import static org.assertj.core.api.Assertions.assertThat;

class AgreementHistoryTest {

    private static final String AGREEMENT = HEADER + """
            ## 1 One

            ```treaty
            event one
            ```

            ## 2 Two

            ```treaty
            event two
            ```
            """;

    private static String amendment(String id, String signed, String effective, String clauses) {
        return "# " + id + "\n\n```treaty\namendment " + id + " amends t\nsigned " + signed + "\neffective " + effective
                + "\n```\n\n" + clauses;
    }

    private static String eventsOn(ConsolidatedAgreement version) {
        return String.join(",", version.termsOf(EventDefinition.class).stream().map(EventDefinition::name).toList());
    }

    @Test
    void aRetroactiveAmendmentAppliesFromItsEffectiveDateButOnlyOnceKnown() {
        AgreementFolder.Loaded loaded = load("a.treaty.md", AGREEMENT,
                "b.treaty.md", amendment("retro", "2025-06-01", "2025-03-01",
                        "## 1 One\n\n```treaty\nreplace\n\nevent one-retro\n```\n"));
        assertThat(messages(loaded)).isEmpty();
        AgreementHistory history = loaded.histories().get(0);

        LocalDate april = LocalDate.of(2025, 4, 1);
        assertThat(eventsOn(history.versionOn(april).orElseThrow())).isEqualTo("one-retro,two");
        assertThat(eventsOn(history.versionOn(april, LocalDate.of(2025, 5, 31)).orElseThrow())).isEqualTo("one,two");
        assertThat(eventsOn(history.versionOn(LocalDate.of(2025, 2, 28)).orElseThrow())).isEqualTo("one,two");
        assertThat(history.versionOn(april).orElseThrow().clauses().get(ClauseId.parse("1")).provenance())
                .satisfies(p -> {
                    assertThat(p.documentId()).isEqualTo("retro");
                    assertThat(p.how()).isEqualTo(Provenance.How.REPLACED);
                    assertThat(p.at().line()).isEqualTo(9);
                });
    }

    @Test
    void nothingIsInForceBeforeTheAgreementTakesEffectOrIsSigned() {
        AgreementHistory history = load("a.treaty.md", AGREEMENT).histories().get(0);
        assertThat(history.versionOn(LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(history.versionOn(LocalDate.of(2025, 6, 1), LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void aLaterSignatureWinsEvenWhenItTakesEffectEarlier() {
        AgreementFolder.Loaded loaded = load("a.treaty.md", AGREEMENT,
                "b.treaty.md", amendment("first-signed", "2025-02-01", "2025-05-01",
                        "## 1 One\n\n```treaty\nreplace\n\nevent one-first\n```\n"),
                "c.treaty.md", amendment("second-signed", "2025-03-01", "2025-04-01",
                        "## 1 One\n\n```treaty\nreplace\n\nevent one-second\n```\n"));
        AgreementHistory history = loaded.histories().get(0);
        assertThat(eventsOn(history.versionOn(LocalDate.of(2025, 4, 15)).orElseThrow())).isEqualTo("one-second,two");
        assertThat(eventsOn(history.versionOn(LocalDate.of(2025, 5, 15)).orElseThrow())).isEqualTo("one-second,two");
        assertThat(eventsOn(history.versionOn(LocalDate.of(2025, 5, 15), LocalDate.of(2025, 2, 15)).orElseThrow()))
                .isEqualTo("one-first,two");
    }

    @Test
    void aRestatementSupersedesEverythingBeforeIt() {
        String restatement = "# R\n\n```treaty\namendment r restates t\nparty Alpha\nparty Gamma\nsigned 2025-06-01\neffective 2025-06-01\n```\n\n"
                + "## 5 Five\n\n```treaty\nevent five\n```\n";
        AgreementHistory history = load("a.treaty.md", AGREEMENT, "r.treaty.md", restatement).histories().get(0);
        ConsolidatedAgreement version = history.versionOn(LocalDate.of(2025, 7, 1)).orElseThrow();
        assertThat(eventsOn(version)).isEqualTo("five");
        assertThat(version.parties()).extracting(p -> p.shortName()).containsExactly("Alpha", "Gamma");
        assertThat(history.versions()).hasSize(2);
        assertThat(history.versions().get(0).inForce().through()).contains(LocalDate.of(2025, 5, 31));
    }

    @Test
    void strikingAClauseStrikesItsSubClauses() {
        String agreement = AGREEMENT + "\n## 2.1 Sub\n\n```treaty\nevent sub\n```\n";
        AgreementHistory history = load("a.treaty.md", agreement,
                "b.treaty.md", amendment("s", "2025-02-01", "2025-02-01", "## 2 Two\n\n```treaty\nstrike\n```\n"))
                .histories().get(0);
        assertThat(history.versionOn(LocalDate.of(2025, 3, 1)).orElseThrow().clauses().keySet())
                .extracting(ClauseId::toString).containsExactly("1");
    }
}
