package dev.treaty.evaluator;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A decision made silently has the same verdict as the explained one, on every question asked of the flagship. */
class SilentDecisionsTest {

    @Test
    void silentAndExplainedDecisionsAgree() {
        Path folder = Fixtures.root().resolve("examples/microsoft-openai");
        AgreementFolder.Loaded loaded = Fixtures.load(folder);
        AgreementHistory history = loaded.histories().get(0);
        Facts facts = new Facts(EventReader.read(List.of(folder.resolve("facts/events.jsonl"))).facts());
        List<String> products = facts.of(Fact.Product.class).stream().map(Fact.Product::name).toList();
        int asked = 0;
        for (LocalDate on = LocalDate.of(2019, 8, 1); on.isBefore(LocalDate.of(2034, 1, 1)); on = on.plusDays(53)) {
            var version = history.asKnown(LocalDate.MAX);
            for (String product : products) {
                if (facts.product(product, on).isEmpty()) continue;
                for (String cloud : List.of("azure", "aws", "gcp")) {
                    for (Optional<String> segment : List.of(Optional.<String>empty(), Optional.of("us-national-security"))) {
                        var question = new ReleaseGate.Question(product, cloud, segment, on);
                        Decision full = ReleaseGate.decide(version, facts, question, Explainer.FULL);
                        Decision silent = ReleaseGate.decide(version, facts, question, Explainer.SILENT);
                        assertThat(silent.yes()).as(question.toString()).isEqualTo(full.yes());
                        assertThat(silent.why()).isSameAs(Explanation.NONE);
                        asked++;
                    }
                }
            }
            for (String ipClass : List.of("models", "products", "research", "consumer-hardware")) {
                var question = new LicenceCheck.Question("Microsoft", ipClass, Optional.empty(), on);
                Decision full = LicenceCheck.decide(version, facts, question, Explainer.FULL);
                Decision silent = LicenceCheck.decide(version, facts, question, Explainer.SILENT);
                assertThat(silent.yes()).as(question.toString()).isEqualTo(full.yes());
                assertThat(full.verdict()).startsWith(silent.verdict().replace(")", ""));
                asked++;
            }
        }
        assertThat(asked).isGreaterThan(500);
    }
}
