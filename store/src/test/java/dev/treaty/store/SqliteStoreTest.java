package dev.treaty.store;

/** The store contract on an embedded SQLite file. */
class SqliteStoreTest extends StoreContract {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.SQLITE;
    }
}
