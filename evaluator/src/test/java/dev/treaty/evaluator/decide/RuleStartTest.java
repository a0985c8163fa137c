package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.term.Condition;
import dev.treaty.model.time.AgreementHistory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first-ship rule that starts after the capability request was made: the response window runs
 * from the rule's start, and the explanation says so; a release permission declared an exception
 * to it lifts it for its segment only. The filters name every field a gate knows or lacks (a gate has
 * no region: a filter on it matches nothing).
 */
class RuleStartTest {

    private static final String AGREEMENT = """
            # Late rule

            ```treaty
            agreement w
            party Owner
            party Cloud
            cloud home
            cloud away
            kind service
            signed 2020-01-01
            effective 2020-01-01
            ```

            ## 1 Release rules

            ```treaty
            first-ship home-first {
              owner Owner
              provider Cloud
              cloud home
              products kind = service
              except region = eu
              unless provider declines capabilities
              response within 10 days default decline
              from 2021-06-01
            }

            release-permission research-anywhere {
              owner Owner
              products kind = service and cloud = away
              clouds [away]
              segments [research]
              exception to home-first
            }
            ```
            """;

    private static final AgreementHistory.AsKnown KNOWN;
    private static final Facts FACTS;

    static {
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(Map.of(Path.of("w.treaty.md"), AGREEMENT), Map.of());
        assertThat(loaded.diagnostics()).as("fixture").noneMatch(d -> d.isError());
        KNOWN = loaded.histories().get(0).asKnown(LocalDate.MAX);
        EventReader.Result read = EventReader.parse(List.of(
                new EventReader.Text(new FactSource(Path.of("w.jsonl"), 1),
                        "{\"id\":\"p-s\",\"type\":\"product\",\"on\":\"2021-01-01\",\"name\":\"s\",\"owner\":\"Owner\",\"kind\":\"service\"}"),
                new EventReader.Text(new FactSource(Path.of("w.jsonl"), 2),
                        "{\"id\":\"q-s\",\"type\":\"capability-request\",\"on\":\"2021-05-01\",\"product\":\"s\",\"capabilities\":[\"gpu\"],\"to\":\"Cloud\"}")));
        assertThat(read.errors()).as("facts").isEmpty();
        FACTS = new Facts(read.facts());
    }

    private static Decision gate(String segment, String on, Explainer ex) {
        return ReleaseGate.decide(KNOWN, FACTS, new ReleaseGate.Question("s", "away", Optional.ofNullable(segment), LocalDate.parse(on)), ex);
    }

    @Test
    void aRequestMadeBeforeTheRuleIsGivenItsWindowFromTheRulesStart() {
        Decision awaiting = gate(null, "2021-06-05", Explainer.FULL);
        assertThat(awaiting.yes()).isFalse();
        assertThat(ExplanationText.render(awaiting.why())).contains("request q-s (2021-05-01): awaiting Cloud's answer until 2021-06-11"
                + " (the window runs from 2021-06-01, when the rule took effect; the request came before it); then silence counts as decline");

        Decision past = gate(null, "2021-06-12", Explainer.FULL);
        assertThat(past.yes()).isTrue();
        assertThat(ExplanationText.render(past.why())).contains("request q-s (2021-05-01): no answer by the deadline 2021-06-11"
                + " (the window runs from 2021-06-01, when the rule took effect; the request came before it); silence counts as decline");
        assertThat(gate(null, "2021-06-05", Explainer.SILENT).yes()).isFalse();
        assertThat(gate(null, "2021-06-12", Explainer.SILENT).yes()).isTrue();
    }

    @Test
    void thePermissionOfTheProductsOwnerLiftsTheRuleForItsSegmentOnly() {
        for (Explainer ex : List.of(Explainer.FULL, Explainer.SILENT)) {
            assertThat(gate("research", "2021-06-05", ex).yes()).isTrue();
            assertThat(gate("retail", "2021-06-05", ex).yes()).isFalse();
        }
        assertThat(ExplanationText.render(gate("research", "2021-06-05", Explainer.FULL).why()))
                .contains("first-ship home-first would deny, but release-permission research-anywhere is an exception to it and applies");
    }

    @Test
    void theProvidersDecliningIsFoundWhereverItSitsInACondition() {
        Condition declines = new Condition.ProviderDeclines();
        Condition other = new Condition.Assumed("x", true);
        assertThat(Applicability.mentionsProviderDeclines(declines)).isTrue();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.Not(declines))).isTrue();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.And(other, declines))).isTrue();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.And(declines, other))).isTrue();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.Or(other, new Condition.Not(declines)))).isTrue();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.Or(declines, other))).isTrue();
        assertThat(Applicability.mentionsProviderDeclines(other)).isFalse();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.Not(other))).isFalse();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.And(other, other))).isFalse();
        assertThat(Applicability.mentionsProviderDeclines(new Condition.Or(other, new Condition.Declared("e", Optional.empty())))).isFalse();
    }
}
