package dev.treaty.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code treaty simulate} on the flagship: seeded output, the versions side by side, and clear refusals. */
class SimulateCommandTest {

    private static Cli.Result simulate(String... extra) {
        String flagship = Cli.flagship();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("simulate", flagship, "--scenario",
                flagship + "/scenarios/growth.yaml", "--events", flagship + "/facts/events.jsonl"));
        args.addAll(java.util.List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theSameSeedGivesTheSameOutputByteForByte() {
        Cli.Result first = simulate("--runs", "300", "--seed", "5", "--json", "--versions", "as-amended,msft-openai-2025-10");
        Cli.Result again = simulate("--runs", "300", "--seed", "5", "--json", "--versions", "as-amended,msft-openai-2025-10");
        Cli.Result other = simulate("--runs", "300", "--seed", "6", "--json", "--versions", "as-amended,msft-openai-2025-10");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void theCappedDealNeverPaysMoreThanTheCapAndTheOldDealHasNoCap() throws Exception {
        Cli.Result result = simulate("--runs", "400", "--json", "--versions", "as-amended,msft-openai-2025-10");
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode amended = json.get("versions").get(0).get("terms").get(0);
        JsonNode old = json.get("versions").get(1).get("terms").get(0);
        // USD 38 bn cap less what was paid before July 2026 (the recorded revenue): no run pays more
        assertThat(new BigDecimal(amended.get("highest").asText())).isLessThanOrEqualTo(new BigDecimal("38000000000"));
        assertThat(new BigDecimal(amended.get("capProbability").asText())).isGreaterThan(new BigDecimal("0.9"));
        assertThat(old.get("capProbability").asText()).isEqualTo("0.0000");
        assertThat(new BigDecimal(old.get("totalPercentiles").get("p50").asText()))
                .isGreaterThan(new BigDecimal(amended.get("totalPercentiles").get("p50").asText()));
        assertThat(new BigDecimal(amended.get("presentValuePercentiles").get("p50").asText()))
                .isLessThan(new BigDecimal(amended.get("totalPercentiles").get("p50").asText()));
    }

    @Test
    void textNamesThePercentilesAndTheCapDates() {
        Cli.Result result = simulate("--runs", "200");
        assertThat(result.out()).contains("200 runs", "under as-amended:", "p5", "p95", "the total cap is reached in");
    }

    @Test
    void badVersionsAndScenariosAreRefusedClearly() {
        Cli.Result version = simulate("--runs", "10", "--versions", "nonsense");
        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err()).contains("--versions: 'nonsense' is not as-amended, a document id (msft-openai,");
        Cli.Result runs = simulate("--runs", "0");
        assertThat(runs.exit()).isEqualTo(2);
        assertThat(runs.err()).contains("--runs: 0 is not between 1 and 10000000 (the limit SIMULATION_RUNS_MAX)");
        Cli.Result missing = Cli.run("simulate", Cli.flagship(), "--scenario", "no-such.yaml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such.yaml: cannot be read").doesNotContain("Exception");
    }
}
