package dev.treaty.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions the Cedar comparison asks (bench/peers/questions.json) are the gate questions of
 * the decision tests, and their answers are Treaty's: gate.mjs holds Cedar to the same answers.
 */
class GatePeerTest {

    private static final Path ROOT = Path.of(System.getProperty("treaty.root", ".."));

    @Test
    void everyExpectedAnswerIsTreatys() throws Exception {
        List<GatePeer.Case> cases = GatePeer.cases(ROOT);
        assertThat(cases).hasSize(16);
        assertThat(GatePeer.disagreements(cases)).isEmpty();
        assertThat(cases).filteredOn(GatePeer.Case::allowed).hasSize(9);
    }

    @Test
    void aWrongExpectedAnswerIsReported() throws Exception {
        GatePeer.Case first = GatePeer.cases(ROOT).get(0);
        GatePeer.Case flipped = new GatePeer.Case(first.describe(), first.version(), first.facts(), first.question(), !first.allowed());
        assertThat(GatePeer.disagreements(List.of(flipped))).containsExactly(first.describe() + ": Treaty " + (first.allowed() ? "ALLOWED" : "DENIED"));
    }
}
