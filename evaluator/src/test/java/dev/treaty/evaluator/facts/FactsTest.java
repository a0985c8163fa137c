package dev.treaty.evaluator.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts looked up by what they are about: each kind apart, in date order, up to a day. */
class FactsTest {

    /** A product and a capability request whose id is the product's name: one subject, two kinds of fact, never mixed. */
    static final Facts FACTS = new Facts(RelevantFactsTest.parse(
            "{\"id\":\"p-x\",\"type\":\"product\",\"on\":\"2026-01-01\",\"name\":\"x\",\"owner\":\"A\",\"kind\":\"api\",\"capabilities\":[]}",
            "{\"id\":\"p-y\",\"type\":\"product\",\"on\":\"2026-01-01\",\"name\":\"y\",\"owner\":\"A\",\"kind\":\"api\",\"capabilities\":[]}",
            "{\"id\":\"r-x2\",\"type\":\"release\",\"on\":\"2026-03-01\",\"product\":\"x\",\"cloud\":\"aws\"}",
            "{\"id\":\"r-x1\",\"type\":\"release\",\"on\":\"2026-02-01\",\"product\":\"x\",\"cloud\":\"azure\"}",
            "{\"id\":\"x\",\"type\":\"capability-request\",\"on\":\"2026-01-03\",\"product\":\"y\",\"capabilities\":[\"c\"],\"to\":\"B\"}",
            "{\"id\":\"ca-x\",\"type\":\"capability-response\",\"on\":\"2026-01-04\",\"request\":\"x\",\"answer\":\"support\",\"by\":\"B\"}"));

    @Test
    void eachKindOfFactAboutASubjectIsFoundApartInDateOrder() {
        LocalDate end = LocalDate.of(2026, 12, 31);
        assertThat(FACTS.about(Fact.Release.class, "x", end, r -> true)).extracting(Fact::id).containsExactly("r-x1", "r-x2");
        assertThat(FACTS.about(Fact.Product.class, "x", end, p -> true)).extracting(Fact::id).containsExactly("p-x");
        assertThat(FACTS.about(Fact.CapabilityResponse.class, "x", end, r -> true)).extracting(Fact::id).containsExactly("ca-x");
        assertThat(FACTS.about(Fact.CapabilityRequest.class, "x", end, r -> true)).isEmpty();
        assertThat(FACTS.about(Fact.CapabilityRequest.class, "y", end, r -> true)).extracting(Fact::id).containsExactly("x");
        assertThat(FACTS.about(Fact.Release.class, "nothing", end, r -> true)).isEmpty();
    }

    @Test
    void onlyFactsUpToTheDayThatMatchAreFound() {
        assertThat(FACTS.about(Fact.Release.class, "x", LocalDate.of(2026, 2, 28), r -> true)).extracting(Fact::id).containsExactly("r-x1");
        assertThat(FACTS.about(Fact.Release.class, "x", LocalDate.of(2026, 3, 1), r -> r.cloud().equals("aws"))).extracting(Fact::id)
                .containsExactly("r-x2");
        assertThat(FACTS.about(Fact.Release.class, "x", LocalDate.of(2026, 1, 31), r -> true)).isEmpty();
    }

    @Test
    void aKindNotLookedUpBySubjectIsRefusedNotAnsweredEmpty() {
        assertThatThrownBy(() -> FACTS.about(Fact.Payment.class, "x", LocalDate.MAX, p -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Payment");
    }
}
