package dev.treaty.server;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision ids lead with the time, so the decision log's unique index on them grows at its right
 * edge (a random id rewrites a random index page per request); the rest is random, so they are unique.
 */
class DecisionIdTest {

    @Test
    void aDecisionIdIsATimeOrderedUuidOfVersion7() throws InterruptedException {
        String earlier = Service.decisionId();
        Thread.sleep(2);
        String later = Service.decisionId();

        UUID uuid = UUID.fromString(earlier);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        long millis = uuid.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(System.currentTimeMillis() - 10_000, System.currentTimeMillis());
        assertThat(later).as("an id made later sorts after").isGreaterThan(earlier);
    }

    @Test
    void idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) ids.add(Service.decisionId());
        assertThat(ids).hasSize(10_000);
    }
}
