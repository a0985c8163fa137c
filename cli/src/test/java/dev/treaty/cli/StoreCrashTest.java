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
 * A child process ingesting ten files of a large ledger is killed with SIGKILL at random moments;
 * after each kill, every file is stored whole or not at all, and running the same ingest again
 * leaves every fact stored exactly once and the store verified. Most kills land after the first
 * file's commit (the test polls the store for it), so they hit a store in the middle of the work.
 * {@code -Dtreaty.crash.trials=N} runs more trials (bench/crash-trials.sh runs 100 per database).
 */
class StoreCrashTest {

    private static final int LINES = 100_000;
    private static final int FILES = 10;
    private static final int TRIALS = Integer.getInteger("treaty.crash.trials", 20);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void killedIngestsResumeToExactlyOnce(TestDatabases.Kind kind) throws Exception {
        Path ledger = dir.resolve("ledger.csv");
        assertThat(Cli.run("gen-revenue", "--lines", Integer.toString(LINES), "--out", ledger.toString()).exit()).isZero();
        List<String> all = java.nio.file.Files.readAllLines(ledger);
        List<String> files = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            List<String> part = new ArrayList<>(List.of(all.get(0)));
            part.addAll(all.subList(1 + f * LINES / FILES, 1 + (f + 1) * LINES / FILES));
            files.add(java.nio.file.Files.write(dir.resolve("ledger-" + f + ".csv"), part).toString());
        }
        List<String> ingest = new ArrayList<>(List.of("ingest"));
        ingest.addAll(files);
        Random random = new Random(20261127L + kind.ordinal());
        int interrupted = 0;
        List<Long> storedAtKill = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            Database database = TestDatabases.fresh(kind, dir);
            String db = database.file() != null ? "sqlite:" + database.file() : database.url();
            assertThat(Cli.run("init", "--db", db).exit()).isZero();
            assertThat(Cli.run("agreement", "add", Cli.flagship(), "--db", db).exit()).isZero();

            List<String> command = ChildJava.command("-cp", System.getProperty("java.class.path"), "dev.treaty.cli.Main");
            command.addAll(ingest);
            command.addAll(List.of("--db", db));
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + trial + ".log").toFile()).start();
            if (trial % 5 == 0) {
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

            List<String> rerun = new ArrayList<>(ingest);
            rerun.addAll(List.of("--db", db));
            Cli.Result again = Cli.run(rerun.toArray(String[]::new));
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).contains(LINES + " read, " + (LINES - atKill) + " stored, 0 corrections, " + atKill + " already stored");
            assertThat(count(database)).isEqualTo(LINES);
            Cli.Result verify = Cli.run("verify", "--db", db);
            assertThat(verify.exit()).as(verify.out()).isZero();
        }
        // the kills must have landed while writing: at least three in four after the first commit and before the last
        assertThat(interrupted).isGreaterThanOrEqualTo(TRIALS / 2);
        assertThat(storedAtKill.stream().filter(n -> n > 0 && n < LINES).count()).as("kills mid-write: " + storedAtKill)
                .isGreaterThanOrEqualTo(TRIALS * 3 / 4);
        assertThat(storedAtKill).allMatch(n -> n % (LINES / FILES) == 0);   // whole files only
        System.out.println("crash trials on " + kind + ": " + TRIALS + ", killed " + interrupted + ", mid-write " +
                storedAtKill.stream().filter(n -> n > 0 && n < LINES).count() + ", stored at kill " + storedAtKill);
    }

    private static long count(Database database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url());
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from revenue")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
