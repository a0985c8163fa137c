package dev.treaty.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 6 keys SQLite's decision log by its sequence number as the table's row id, so a commit
 * of the log writes no separate key index. A log written before it comes through whole: the same
 * entries, the chain unbroken, each decision found by its id.
 */
class DecisionTableMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aLogWrittenBeforeMigration6ComesThroughWholeAndKeyedByItsRowId() throws Exception {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Flyway.configure().dataSource(database.url(), null, null).locations("classpath:db/migration")
                .placeholders(Map.of("keyedTable", "without rowid", "rowSecurity", "")).target("5").load().migrate();
        List<DecisionLog.Request> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(new DecisionLog.Request("r" + i, i, "OpenAI", "s", "gate", "msft-openai", "everything recorded", 1,
                    List.of(new DecisionLog.Decided("{\"n\":" + i + "}", "{\"v\":1}", "ALLOWED", "d"),
                            new DecisionLog.Decided("{\"n\":-" + i + "}", "{\"v\":2}", "DENIED", "e"))));
        }
        try (Store store = Store.open(database, true)) {
            DecisionLog.append(store, requests);
        }
        assertThat(indexesOnDecision(database)).as("before: the key's own index and the id's").hasSize(2);

        Store.init(database, "test");

        assertThat(indexesOnDecision(database)).as("after: only the id's").hasSize(1);
        try (Store store = Store.open(database, false)) {
            assertThat(DecisionLog.verify(store)).isEmpty();
            assertThat(DecisionLog.find(store, "r49.1")).get().satisfies(logged -> {
                assertThat(logged.seq()).isEqualTo(50);
                assertThat(logged.entry().answer()).isEqualTo("DENIED");
                assertThat(logged.entry().request()).isEqualTo("{\"n\":-49}");
            });
        }
        try (Store store = Store.open(database, true)) {
            DecisionLog.append(store, List.of(new DecisionLog.Request("after", 99, "OpenAI", "s", "gate", "msft-openai",
                    "everything recorded", 1, List.of(new DecisionLog.Decided("{}", "{\"v\":1}", "ALLOWED", "d")))));
        }
        try (Store store = Store.open(database, false)) {
            assertThat(DecisionLog.verify(store)).as("the chain goes on from the migrated log").isEmpty();
            assertThat(DecisionLog.find(store, "after.0")).get().extracting(DecisionLog.Logged::seq).isEqualTo(51L);
        }
    }

    private static List<String> indexesOnDecision(Database database) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url());
             ResultSet rows = connection.createStatement().executeQuery("select name from sqlite_master where type = 'index' and tbl_name = 'decision'")) {
            while (rows.next()) names.add(rows.getString(1));
        }
        return names;
    }
}
