package dev.treaty.bench;

import dev.treaty.evaluator.facts.FactSource;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Settling revenue lines already in memory through the flagship's terms 2019–2030 (planning,
 * summing every line into its piece, computing the statements): the engine without CSV parsing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SettleBenchmark {

    static final int LINES = 1_000_000;

    private Flagship flagship;
    private RevenueLine[] lines;
    private List<SettlementPlan.VersionSpan> schedule;

    @Setup
    public void setUp() {
        flagship = new Flagship();
        schedule = flagship.history.versions().stream().map(v -> new SettlementPlan.VersionSpan(v.inForce(), v)).toList();
        SplittableRandom random = new SplittableRandom(1);
        String[] products = {"chatgpt", "openai-api", "azure-openai-service", "bing"};
        lines = new RevenueLine[LINES];
        FactSource source = new FactSource(Path.of("bench.csv"), 2);
        long first = LocalDate.of(2019, 7, 22).toEpochDay();
        for (int i = 0; i < LINES; i++) {
            String product = products[random.nextInt(products.length)];
            String party = product.startsWith("azure") || product.equals("bing") ? "Microsoft" : "OpenAI";
            lines[i] = new RevenueLine(LocalDate.ofEpochDay(first + random.nextInt(4180)), party, product, "api", "x", "azure",
                    "us", "", random.nextLong(1, 1_000_000_000_000L), "USD", source);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public SettlementResult settleLinesInMemory() {
        SettlementPlan plan = SettlementPlan.of(schedule, flagship.facts, LocalDate.of(2030, 12, 31), Optional.empty());
        for (RevenueLine line : lines) plan.accept(line);
        return Settlement.compute(plan, flagship.loaded.assumptions(), Optional.empty());
    }
}
