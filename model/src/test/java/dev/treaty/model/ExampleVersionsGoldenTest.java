package dev.treaty.model;

import dev.treaty.model.term.Term;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ClauseInForce;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every version of each bundled example as the model builds it — documents applied, parties,
 * clauses with their provenance, and each term's attributes and parties as the model states them
 * — compared with a golden file under {@code src/test/resources/golden/} (regenerate with
 * {@code -Dtreaty.updateGolden=true} and review the diff). The command line prints these through
 * its own formatting; this holds the model to them directly.
 */
class ExampleVersionsGoldenTest {

    /** Relative to the module, so paths read alike on every machine. */
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"microsoft-openai", "book-deal"})
    void everyVersionWithItsTermsAsTheModelStatesThem(String example) throws IOException {
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(EXAMPLES.resolve(example)), Map.of());
        assertThat(loaded.hasErrors()).isFalse();
        StringBuilder out = new StringBuilder();
        for (Assumption assumption : loaded.assumptions().values()) {
            out.append("assumption ").append(assumption).append(assumption.publicSince().map(d -> ", public since " + d).orElse(""))
                    .append(assumption.isPublicOn(LocalDate.of(2026, 1, 1)) ? ", public on 2026-01-01" : ", not public on 2026-01-01")
                    .append('\n');
        }
        AgreementHistory history = loaded.histories().get(0);
        for (ConsolidatedAgreement version : history.versions()) {
            out.append("\n== ").append(version.agreementId()).append(" \"").append(version.title()).append("\" in force ")
                    .append(version.inForce()).append('\n');
            for (Document document : version.applied()) {
                out.append("applied: ").append(document.describe()).append(document.isRetroactive() ? " (retroactive)" : "")
                        .append(", kind ").append(document.kind().label()).append('\n');
            }
            out.append("parties: ").append(version.parties()).append('\n');
            out.append("kinds: ").append(version.kinds()).append("; clouds: ").append(version.clouds()).append('\n');
            for (ClauseInForce clause : version.clauses().values()) {
                out.append(clause.clause().heading()).append(" — ").append(clause.provenance()).append('\n');
            }
            for (TermInForce inForce : version.terms()) {
                Term term = inForce.term();
                out.append("  ").append(term.header().label()).append(" [").append(term.header().title()).append("] in clause ")
                        .append(inForce.clause().clause().id()).append('\n');
                term.attributes().forEach((name, value) -> out.append("    ").append(name).append(": ").append(value).append('\n'));
                term.parties().forEach((role, party) -> out.append("    party ").append(role).append(": ").append(party).append('\n'));
            }
        }
        Path golden = GOLDEN.resolve(example + "-versions.txt");
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, out.toString());
            return;
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
    }
}
