package dev.treaty.bench;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.Explainer;
import dev.treaty.model.time.AgreementHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A release gate and a licence decision on the flagship, in process: with their full explanation,
 * and silently (the same code path, no explanation written).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    private AgreementHistory.AsKnown version;
    private Flagship flagship;
    private ReleaseGate.Question gate;
    private LicenceCheck.Question licence;

    @Setup
    public void setUp() {
        flagship = new Flagship();
        LocalDate on = LocalDate.of(2026, 9, 15);
        version = flagship.history.asKnown(LocalDate.MAX);
        gate = new ReleaseGate.Question("research-assistant", "gcp", Optional.empty(), on);
        licence = new LicenceCheck.Question("Microsoft", "models", Optional.empty(), on);
    }

    @Benchmark
    public Decision gateWithExplanation() {
        return ReleaseGate.decide(version, flagship.facts, gate);
    }

    @Benchmark
    public Decision gateWithoutExplanation() {
        return ReleaseGate.decide(version, flagship.facts, gate, Explainer.SILENT);
    }

    @Benchmark
    public Decision licenceWithoutExplanation() {
        return LicenceCheck.decide(version, flagship.facts, licence, Explainer.SILENT);
    }

    @Benchmark
    public Decision licenceWithExplanation() {
        return LicenceCheck.decide(version, flagship.facts, licence);
    }
}
