package dev.treaty.store;

/** The tamper contract on SQLite. */
class SqliteTamperTest extends TamperContract {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.SQLITE;
    }
}
