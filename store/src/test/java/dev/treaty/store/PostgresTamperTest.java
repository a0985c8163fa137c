package dev.treaty.store;

/** The tamper contract on a real PostgreSQL. */
class PostgresTamperTest extends TamperContract {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRESQL;
    }
}
