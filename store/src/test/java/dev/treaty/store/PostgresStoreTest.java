package dev.treaty.store;

/** The store contract on a real PostgreSQL server (embedded binaries from Maven Central). */
class PostgresStoreTest extends StoreContract {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRESQL;
    }
}
