package dev.treaty.cli;

import dev.treaty.store.Database;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child process ingesting a large file is killed with SIGKILL at random moments; after each kill,
 * running the same ingest again must leave every fact stored exactly once and the store verified.
 */
class StoreCrashTest {

    private static final int LINES = 200_000;
    private static final int TRIALS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void killedIngestsResumeToExactlyOnce(TestDatabases.Kind kind) throws Exception {
        Path ledger = dir.resolve("ledger.csv");
        assertThat(Cli.run("gen-revenue", "--lines", Integer.toString(LINES), "--out", ledger.toString()).exit()).isZero();
        Random random = new Random(20261127L + kind.ordinal());
        int interrupted = 0;
        List<Long> storedAtKill = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            Database database = TestDatabases.fresh(kind, dir);
            String db = database.file() != null ? "sqlite:" + database.file() : database.url();
            assertThat(Cli.run("init", "--db", db).exit()).isZero();
            assertThat(Cli.run("agreement", "add", Cli.flagship(), "--db", db).exit()).isZero();

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "dev.treaty.cli.Main", "ingest", ledger.toString(), "--db", db)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + trial + ".log").toFile()).start();
            if (trial % 2 == 0) {
                Thread.sleep(100 + random.nextInt(1500));          // any moment: starting, checking, writing or done
            } else {
                long deadline = System.nanoTime() + 20_000_000_000L; // a moment while it writes: after its first commit
                while (child.isAlive() && count(database) == 0 && System.nanoTime() < deadline) Thread.sleep(10);
                Thread.sleep(random.nextInt(400));
            }
            if (child.isAlive()) {
                child.destroyForcibly();          // SIGKILL on Linux: no shutdown hooks, no rollback by the process
                interrupted++;
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long atKill = count(database);
            storedAtKill.add(atKill);

            Cli.Result again = Cli.run("ingest", ledger.toString(), "--db", db);
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).contains(LINES + " read, " + (LINES - atKill) + " stored, 0 corrections, " + atKill + " already stored");
            assertThat(count(database)).isEqualTo(LINES);
            Cli.Result verify = Cli.run("verify", "--db", db);
            assertThat(verify.exit()).as(verify.out()).isZero();
        }
        // the kills must have landed while writing, not only before or after it
        assertThat(interrupted).isGreaterThanOrEqualTo(TRIALS / 2);
        assertThat(storedAtKill.stream().filter(n -> n > 0 && n < LINES).count()).as("kills mid-write: " + storedAtKill)
                .isGreaterThanOrEqualTo(5);
        assertThat(storedAtKill).allMatch(n -> n % 20_000 == 0 || n == LINES);   // whole batches only
    }

    private static long count(Database database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url());
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from revenue")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
