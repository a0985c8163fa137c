package dev.treaty.bench;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding the version in force on a date, with 1 to 1,000 amendments: the cost should barely grow. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VersionLookupBenchmark {

    @Param({"1", "10", "100", "1000"})
    public int amendments;

    private AgreementHistory history;
    private LocalDate[] dates;
    private int next;

    @Setup
    public void setUp() {
        Map<Path, String> texts = new LinkedHashMap<>();
        StringBuilder agreement = new StringBuilder("# A\n\n```treaty\nagreement a\nparty X\nparty Y\nsigned 2000-01-01\neffective 2000-01-01\n```\n\n");
        for (int clause = 1; clause <= 20; clause++) {
            agreement.append("## ").append(clause).append(" C\n\n```treaty\nevent e").append(clause).append("\n```\n\n");
        }
        texts.put(Path.of("a.treaty.md"), agreement.toString());
        LocalDate start = LocalDate.of(2000, 1, 2);
        for (int i = 0; i < amendments; i++) {
            LocalDate day = start.plusDays(7L * i);
            int clause = i % 20 + 1;
            texts.put(Path.of("m" + i + ".treaty.md"), "# M\n\n```treaty\namendment m" + i + " amends a\nsigned " + day + "\neffective "
                    + day + "\n```\n\n## " + clause + " C\n\n```treaty\nreplace\n\nevent e" + clause + "-" + i + "\n```\n");
        }
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
        if (loaded.hasErrors()) throw new IllegalStateException(loaded.diagnostics().toString());
        history = loaded.histories().get(0);
        dates = new LocalDate[1024];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < dates.length; i++) dates[i] = start.plusDays(random.nextInt(7 * amendments + 30));
        history.versionOn(start);      // the timeline is built once, lazily, and cached
    }

    @Benchmark
    public Optional<ConsolidatedAgreement> versionOn() {
        return history.versionOn(dates[next++ & 1023]);
    }
}
