package dev.treaty.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh stores for tests: an SQLite file in a folder, or a new database in one real PostgreSQL
 * server started from Maven Central's binaries (once per test JVM, stopped at exit).
 */
public final class TestDatabases {

    public enum Kind { SQLITE, POSTGRESQL }

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestDatabases() {
    }

    /** A new, empty database of {@code kind} (not yet initialised). */
    public static Database fresh(Kind kind, Path folder) {
        if (kind == Kind.SQLITE) return Database.of("sqlite:" + folder.resolve("t" + NEXT.incrementAndGet() + ".db"));
        String name = "treaty_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server().getJdbcUrl("postgres", "postgres"));
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.of(server().getJdbcUrl("postgres", name));
    }

    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    /** Every row of every Treaty table, in a fixed order: equal dumps mean equal stores. */
    public static String dump(Database database) {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(database.url())) {
            for (String table : List.of("chain_head", "audit", "agreement_file", "revenue", "event", "statement", "statement_line", "posting")) {
                dump.append("== ").append(table).append('\n');
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select * from " + table + " order by 1, 2")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) dump.append(rows.getString(i)).append('|');
                        dump.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump.toString();
    }

    /** Every row of every Treaty table, as values: what {@link #restore} puts back. */
    public record Snapshot(Map<String, List<Map<String, Object>>> tables) {
    }

    private static final List<String> TABLES = List.of("chain_head", "audit", "agreement_file", "revenue", "event", "statement",
            "statement_line", "posting");

    public static Snapshot snapshot(Database database) {
        Map<String, List<Map<String, Object>>> tables = new java.util.LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url())) {
            for (String table : TABLES) {
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("select * from " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Map<String, Object> row = new java.util.LinkedHashMap<>();
                        for (int i = 1; i <= columns; i++) row.put(result.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), result.getObject(i));
                        rows.add(row);
                    }
                }
                tables.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Snapshot(tables);
    }

    /** Empties every table and puts the snapshot's rows back. */
    public static void restore(Database database, Snapshot snapshot) {
        try (Connection connection = DriverManager.getConnection(database.url())) {
            connection.setAutoCommit(false);
            for (var table : snapshot.tables().entrySet()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("delete from " + table.getKey());
                }
                for (Map<String, Object> row : table.getValue()) {
                    List<String> columns = new java.util.ArrayList<>(row.keySet());
                    try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into " + table.getKey() + " ("
                            + String.join(", ", columns) + ") values (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
                        for (int i = 0; i < columns.size(); i++) {
                            Object value = row.get(columns.get(i));
                            insert.setObject(i + 1, value instanceof Integer integer ? (Object) integer.longValue() : value);
                        }
                        insert.executeUpdate();
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL directly against the database, as an intruder would. */
    public static void execute(Database database, String sql) {
        try (Connection connection = DriverManager.getConnection(database.url()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows {@code table} holds. */
    public static long count(Database database, String table) {
        try (Connection connection = DriverManager.getConnection(database.url()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
