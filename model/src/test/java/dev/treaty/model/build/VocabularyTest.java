package dev.treaty.model.build;

import dev.treaty.model.term.TermKind;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's completion lists: the builder's own, each attribute with how it is written. */
class VocabularyTest {

    private static final Set<String> WRITTEN_AS_THEIR_NAME = Set.of("non-exclusive", "withdraws existing releases");

    @Test
    void everyAttributeOfEveryKindSaysHowItIsWritten() {
        for (TermKind kind : TermKind.values()) {
            if (kind == TermKind.EVENT) continue;
            assertThat(Vocabulary.attributes(kind)).as(kind.keyword()).isNotEmpty().contains("from", "through", "until");
            for (String attribute : Vocabulary.attributes(kind)) {
                String shape = Vocabulary.shape(attribute);
                if (!WRITTEN_AS_THEIR_NAME.contains(attribute)) assertThat(shape).as(attribute).isNotEqualTo(attribute);
                assertThat(shape).as(attribute).startsWith(Vocabulary.keyword(attribute));
            }
        }
    }

    @Test
    void requiredAttributesAreTheBuildersIncludingAlternatives() {
        assertThat(Vocabulary.isRequired(TermKind.REVENUE_SHARE, "payer")).isTrue();
        assertThat(Vocabulary.isRequired(TermKind.REVENUE_SHARE, "rate")).isTrue();
        assertThat(Vocabulary.isRequired(TermKind.REVENUE_SHARE, "tiers")).isTrue();
        assertThat(Vocabulary.isRequired(TermKind.REVENUE_SHARE, "base")).isFalse();
        assertThat(Vocabulary.isRequired(TermKind.LICENCE, "non-exclusive")).isTrue();
        assertThat(Vocabulary.attributes(TermKind.LICENCE)).doesNotContain("payer", "rate");
        assertThat(Vocabulary.keyword("cap over")).isEqualTo("cap");
    }
}
