package dev.treaty.app;

import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question's canonical JSON, written directly for speed, is exactly what Jackson writes for the
 * same question as a tree: the decision log and replays depend on the text being one and the same.
 */
class QuestionJsonProperties {

    @Property
    void aGateQuestionIsWrittenAsItsTreeIs(@ForAll String product, @ForAll String cloud, @ForAll Optional<String> segment,
                                           @ForAll @IntRange(min = -100_000, max = 100_000) int day) {
        LoggedDecisions.Gate gate = new LoggedDecisions.Gate(new ReleaseGate.Question(product, cloud, segment, LocalDate.ofEpochDay(day)));
        assertThat(gate.json()).isEqualTo(gate.node().toString());
    }

    @Property
    void aLicenceQuestionIsWrittenAsItsTreeIs(@ForAll String licensee, @ForAll String ipClass, @ForAll Optional<String> subject,
                                              @ForAll @IntRange(min = -100_000, max = 100_000) int day) {
        LoggedDecisions.License licence = new LoggedDecisions.License(new LicenceCheck.Question(licensee, ipClass, subject, LocalDate.ofEpochDay(day)));
        assertThat(licence.json()).isEqualTo(licence.node().toString());
    }
}
