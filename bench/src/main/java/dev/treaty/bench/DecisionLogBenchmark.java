package dev.treaty.bench;

import dev.treaty.store.Database;
import dev.treaty.store.DecisionLog;
import dev.treaty.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision log's appender alone: commits of N requests of one gate question each, as the
 * service's writer makes them, with a checkpoint from another connection every 2,000 commits as
 * the service's poller makes them (on SQLite). Prints the time per commit and per request for
 * each of three rounds (the first warms the JIT up). On PostgreSQL (a real server from the
 * embedded binaries, on this machine) it runs twice: with {@code synchronous_commit} on (each
 * commit waits for its log to be flushed to disk, PostgreSQL's default) and off (as SQLite's
 * write-ahead log with {@code synchronous=NORMAL}: a crash of the process loses nothing committed,
 * a crash of the machine may lose the last commits).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.treaty.bench.DecisionLogBenchmark [requests-per-commit] [commits] [sqlite|postgresql]</pre>
 */
public final class DecisionLogBenchmark {

    private DecisionLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perCommit = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String kind = args.length > 2 ? args[2] : "sqlite";
        switch (kind) {
            case "sqlite" -> {
                Path work = Files.createTempDirectory("treaty-decision-log-bench");
                measure("sqlite", Database.of("sqlite:" + work.resolve("log.db")), perCommit, commits);
            }
            case "postgresql" -> {
                for (String synchronous : List.of("on", "off")) {
                    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", synchronous).start()) {
                        String url = postgres.getJdbcUrl("postgres", "postgres");
                        String setting;
                        try (var connection = java.sql.DriverManager.getConnection(url);
                             var rows = connection.createStatement().executeQuery("show synchronous_commit")) {
                            rows.next();
                            setting = rows.getString(1);     // as the server has it, not as asked
                        }
                        measure("postgresql, synchronous_commit " + setting, Database.of(url), perCommit, commits);
                    }
                }
            }
            default -> throw new IllegalArgumentException("the store: sqlite or postgresql, not " + kind);
        }
    }

    private static void measure(String name, Database database, int perCommit, int commits) {
        Store.init(database, "bench");
        String version = "{\"documents\":[{\"id\":\"msft-openai-2019\",\"sha256\":\"" + "a".repeat(64)
                + "\"},{\"id\":\"msft-openai-2025-10\",\"sha256\":\"" + "b".repeat(64) + "\"}]}";
        String question = "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2024-06-01\"}";
        System.out.println(name + ", " + perCommit + " requests per commit:");
        System.out.printf("%-6s %10s %14s %14s%n", "round", "commits", "µs/commit", "µs/request");
        try (DecisionLog.Appender appender = DecisionLog.Appender.open(database)) {
            for (int round = 1; round <= 3; round++) {
                long started = System.nanoTime();
                for (int c = 0; c < commits; c++) {
                    List<DecisionLog.Request> requests = new ArrayList<>(perCommit);
                    for (int i = 0; i < perCommit; i++) {
                        requests.add(new DecisionLog.Request(round + "-" + c + "-" + i, System.currentTimeMillis() * 1000, "OpenAI",
                                "apikey:bench", "gate", "msft-openai", "everything recorded", 1,
                                List.of(new DecisionLog.Decided(question, version, "ALLOWED", "d".repeat(64)))));
                    }
                    appender.append(requests);
                    if (c % 2_000 == 1_999) Store.checkpoint(database);
                }
                double micros = (System.nanoTime() - started) / 1e3;
                System.out.printf("%-6d %10d %14.1f %14.1f%n", round, commits, micros / commits, micros / commits / perCommit);
            }
        }
    }
}
