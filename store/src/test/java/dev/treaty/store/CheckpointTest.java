package dev.treaty.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision log's appender never checkpoints SQLite's write-ahead log itself; the service calls
 * {@link Store#checkpoint} beside it. That must copy the log into the database, or the log grows
 * without end while the service runs.
 */
class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointBesideTheAppenderCopiesTheLogIntoTheDatabaseAndTheLogStartsOver() throws Exception {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Store.init(database, "test");
        Path file = Path.of(database.argument().substring("sqlite:".length()));
        Path wal = Path.of(file + "-wal");
        try (Store appender = Store.openAppender(database)) {
            append(appender, 0);
            Store.checkpoint(database);
            assertThat(decisionsInTheFileAlone(file)).as("decisions in the database file, the log left out").isEqualTo(200);
            append(appender, 1);
            Store.checkpoint(database);
            long afterTwo = Files.size(wal);
            for (int round = 2; round < 10; round++) {
                append(appender, round);
                Store.checkpoint(database);
            }
            assertThat(decisionsInTheFileAlone(file)).isEqualTo(2_000);
            // each commit after a complete checkpoint writes the log from its start again: ten rounds take
            // about the room of two (a round writes a little more as the tables grow), not five times it
            assertThat(Files.size(wal)).as("the log after ten rounds").isLessThan(2 * afterTwo);
        }
    }

    @Test
    void theAppenderFinishesACheckpointItselfBetweenTwoCommits() throws Exception {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Store.init(database, "test");
        Path file = Path.of(database.argument().substring("sqlite:".length()));
        try (DecisionLog.Appender appender = DecisionLog.Appender.open(database)) {
            append(appender, 0);
            assertThat(appender.logLongerThan(0)).isTrue();
            assertThat(appender.logLongerThan(Long.MAX_VALUE)).isFalse();
            assertThat(decisionsInTheFileAlone(file)).as("before any checkpoint").isZero();

            appender.checkpoint();

            assertThat(decisionsInTheFileAlone(file)).isEqualTo(200);
            append(appender, 1);     // the appender still appends after its checkpoint
            appender.checkpoint();
            assertThat(decisionsInTheFileAlone(file)).isEqualTo(400);
        }
    }

    /** The decisions that a copy of the database file holds without its write-ahead log. */
    private long decisionsInTheFileAlone(Path file) throws Exception {
        Path copy = dir.resolve("copy-" + System.nanoTime() + ".db");
        Files.copy(file, copy);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from decision")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Two hundred requests of one decision each, appended in one transaction. */
    private static void append(DecisionLog.Appender appender, int round) {
        appender.append(requests(round));
    }

    private static void append(Store store, int round) {
        DecisionLog.append(store, requests(round));
    }

    private static List<DecisionLog.Request> requests(int round) {
        List<DecisionLog.Request> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(new DecisionLog.Request("r" + round + "-" + i, i, "Microsoft", "s", "gate", "msft-openai", "everything recorded", 1,
                    List.of(new DecisionLog.Decided("{\"n\":" + i + "}", "{\"v\":1}", "ALLOWED", "d".repeat(64)))));
        }
        return requests;
    }
}
