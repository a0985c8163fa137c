package dev.treaty.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a store lives and how to connect to it: {@code sqlite:PATH} (or {@code jdbc:sqlite:PATH})
 * for an embedded file, {@code jdbc:postgresql://…} for a server.
 */
public record Database(String url, Dialect dialect, Path file) {

    public enum Dialect { SQLITE, POSTGRESQL }

    public static final String DEFAULT = "sqlite:treaty.db";

    /** Parses a --db value; the default is treaty.db in the working directory. */
    public static Database of(String value) {
        String text = value == null || value.isBlank() ? DEFAULT : value.trim();
        if (text.startsWith("jdbc:sqlite:")) text = text.substring("jdbc:".length());
        if (text.startsWith("sqlite:")) {
            Path file;
            try {
                file = Path.of(text.substring("sqlite:".length()));
            } catch (java.nio.file.InvalidPathException e) {
                throw new StoreException("--db: '" + text + "' is not a usable file name: " + e.getReason());
            }
            if (file.toString().isEmpty()) throw new StoreException("--db: 'sqlite:' needs a file, as in sqlite:treaty.db");
            return new Database("jdbc:sqlite:" + file, Dialect.SQLITE, file);
        }
        if (text.startsWith("jdbc:postgresql:") || text.startsWith("postgresql:")) {
            return new Database(text.startsWith("jdbc:") ? text : "jdbc:" + text, Dialect.POSTGRESQL, null);
        }
        throw new StoreException("--db: '" + text + "' is neither sqlite:PATH nor jdbc:postgresql://HOST/DB");
    }

    /** The store as --db takes it: sqlite:PATH, or the URL without credentials. */
    public String argument() {
        return file != null ? "sqlite:" + file : describe();
    }

    /** What to call the store in messages: the file, or the URL without credentials. */
    public String describe() {
        return file != null ? file.toString() : url.replaceAll("password=[^&]*", "password=…");
    }

    // Flyway reports each step through java.util.logging; a command line wants only its own output.
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        // its failures reach the user as one line from the exception; its own log would add a stack trace
        FLYWAY_LOG.setLevel(java.util.logging.Level.OFF);
    }

    /** Creates the schema, or brings it up to date; safe to run again. */
    void migrate() {
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) throw new StoreException("cannot create " + file + ": no folder " + parent);
            if (Files.exists(file) && !Files.isWritable(file)) throw new StoreException("the store " + file + " is read-only");
        }
        try {
            Flyway.configure().dataSource(url, user(), password()).locations("classpath:db/migration")
                    .placeholders(placeholders()).load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot set up the store " + describe() + ": " + rootMessage(e), e);
        }
    }

    /** The parts of the schema that differ between SQLite and PostgreSQL. */
    private java.util.Map<String, String> placeholders() {
        StringBuilder rowSecurity = new StringBuilder();
        if (dialect == Dialect.POSTGRESQL) {
            for (String table : java.util.List.of("statement", "decision")) {
                rowSecurity.append("alter table ").append(table).append(" enable row level security;\n")
                        .append("alter table ").append(table).append(" force row level security;\n")
                        .append("create policy ").append(table).append("_of_party on ").append(table)
                        .append(" using (coalesce(current_setting('treaty.party', true), '') = '' or agreement in")
                        .append(" (select p.agreement from agreement_party p where p.party = current_setting('treaty.party', true)));\n");
            }
            rowSecurity.append("""
                    alter table statement_line enable row level security;
                    alter table statement_line force row level security;
                    create policy statement_line_of_party on statement_line using (coalesce(current_setting('treaty.party', true), '') = ''
                        or statement in (select s.number from statement s));
                    """);
        }
        String decisionKeyedBySeq = dialect != Dialect.SQLITE ? "" : """
                create table decision_keyed (
                    seq                integer primary key,
                    id                 text   not null unique,
                    at_micros          bigint not null,
                    party              text   not null,
                    subject            text   not null,
                    kind               text   not null,
                    agreement          text   not null,
                    request            text   not null,
                    versions           text   not null,
                    as_known           text   not null,
                    recorded_through   bigint not null,
                    answer             text   not null,
                    explanation_digest text   not null,
                    prev_hash          text   not null,
                    hash               text   not null
                );
                insert into decision_keyed select seq, id, at_micros, party, subject, kind, agreement, request, versions, as_known,
                    recorded_through, answer, explanation_digest, prev_hash, hash from decision;
                drop table decision;
                alter table decision_keyed rename to decision;
                """;
        return java.util.Map.of("keyedTable", dialect == Dialect.SQLITE ? "without rowid" : "", "rowSecurity", rowSecurity.toString(),
                "decisionKeyedBySeq", decisionKeyedBySeq);
    }

    /** How many of Treaty's schema migrations the store has not had yet (0: current). */
    public int pendingMigrations() {
        try {
            return Flyway.configure().dataSource(url, user(), password()).locations("classpath:db/migration")
                    .placeholders(placeholders()).load().info().pending().length;
        } catch (FlywayException e) {
            throw new StoreException("cannot read the schema version of " + describe() + ": " + rootMessage(e), e);
        }
    }

    /** A connection to an existing store, with autocommit off; refuses a missing file or an empty database. */
    Connection connect(boolean write) {
        return connect(write, write);
    }

    /**
     * @param lockOnBegin on SQLite, take the write lock when a transaction begins (every writer but a
     *                    long-lived appender: the driver begins the next transaction as soon as one commits,
     *                    so an appender kept open must not hold the lock between its writes)
     */
    Connection connect(boolean write, boolean lockOnBegin) {
        if (file != null) {
            if (!Files.exists(file)) {
                throw new StoreException("no Treaty store at " + file + "; create one with 'treaty init --db sqlite:" + file + "'");
            }
            if (write && !Files.isWritable(file)) throw new StoreException("the store " + file + " is read-only; nothing was written");
        }
        try {
            Connection connection;
            if (dialect == Dialect.SQLITE) {
                SQLiteConfig config = new SQLiteConfig();
                config.setBusyTimeout(120_000);
                if (write) config.setJournalMode(SQLiteConfig.JournalMode.WAL);   // readers find it set; setting it is a write
                config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
                // writers take the lock when they begin, so two writers never deadlock on an upgrade
                if (write && lockOnBegin) config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
                config.setCacheSize(-64 * 1024);          // 64 MB of pages: big batches touch many
                config.setReadOnly(!write);
                connection = DriverManager.getConnection(url, config.toProperties());
            } else {
                Properties properties = new Properties();
                if (user() != null) properties.setProperty("user", user());
                if (password() != null) properties.setProperty("password", password());
                connection = DriverManager.getConnection(url, properties);
            }
            connection.setAutoCommit(!write);   // a reader sees each query's own snapshot; a writer works in transactions
            if (!hasSchema(connection)) {
                connection.close();
                throw new StoreException(describe() + " is not a Treaty store (no schema); run 'treaty init --db " + argument() + "'");
            }
            // a writer's first transaction must not begin at that read: on SQLite its first write would then fail
            // (SQLITE_BUSY_SNAPSHOT) if any other connection wrote in between, and an immediate one would hold the lock
            if (write) connection.rollback();
            return connection;
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + describe() + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasSchema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("select seq from chain_head")) {
            return rows.next();
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) connection.rollback();
            return false;
        }
    }

    private static String user() {
        return System.getenv("PGUSER");
    }

    private static String password() {
        return System.getenv("PGPASSWORD");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage().lines().findFirst().orElse("");
    }
}
