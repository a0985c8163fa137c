package dev.treaty.bench;

import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.store.Database;
import dev.treaty.store.Ingest;
import dev.treaty.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ingest throughput into SQLite and into PostgreSQL (embedded binaries from Maven Central): a
 * fresh store each run, the flagship agreement added, then the ledger ingested and timed (the
 * whole ingest: the check pass, parsing, every batch's transaction and audit entry).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.treaty.bench.IngestBenchmark LEDGER.csv [runs]</pre>
 * (bench/ingest-large.sh generates the ledger and runs this.)
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path ledger = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long lines;
        try (Stream<String> all = Files.lines(ledger)) {
            lines = all.count() - 1;
        }
        Path root = Path.of(System.getProperty("treaty.root", "."));
        List<Path> agreement;
        try (Stream<Path> files = Files.list(root.resolve("examples/microsoft-openai"))) {
            agreement = files.filter(p -> p.toString().endsWith(".treaty.md")).sorted().toList();
        }
        Path work = Files.createTempDirectory("treaty-ingest-bench");
        System.out.printf("%-12s %-4s %12s %10s %14s%n", "database", "run", "lines", "seconds", "lines/s");
        for (int run = 1; run <= runs; run++) {
            measure("sqlite", run, Database.of("sqlite:" + work.resolve("bench-" + run + ".db")), agreement, ledger, lines);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            for (int run = 1; run <= runs; run++) {
                try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
                    admin.createStatement().execute("create database bench" + run);
                }
                measure("postgresql", run, Database.of(postgres.getJdbcUrl("postgres", "bench" + run)), agreement, ledger, lines);
            }
        }
    }

    private static void measure(String name, int run, Database database, List<Path> agreement, Path ledger, long lines) {
        Store.init(database, "bench");
        try (Store store = Store.open(database, true)) {
            store.addAgreements(agreement, "bench", "");
            long start = System.nanoTime();
            Ingest.Result result = new Ingest(store, "bench", "", false).revenue(List.of(ledger), RevenueReader.Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.stored() != lines) throw new IllegalStateException("stored " + result.stored() + " of " + lines);
            System.out.printf("%-12s %-4d %,12d %10.2f %,14.0f%n", name, run, lines, seconds, lines / seconds);
        }
    }
}
