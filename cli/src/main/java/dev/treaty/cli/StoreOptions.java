package dev.treaty.cli;

import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import picocli.CommandLine.Option;

/** What every command that writes to or manages a store takes. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "URL", description = "The store: sqlite:PATH (default: sqlite:treaty.db) or"
            + " jdbc:postgresql://HOST/DB (user and password from PGUSER and PGPASSWORD, or in the URL).")
    String db;

    @Option(names = "--who", paramLabel = "NAME", description = "Who makes this change, for the audit trail (default: the login name).")
    String who = System.getProperty("user.name", "unknown");

    @Option(names = "--why", paramLabel = "TEXT", description = "Why, for the audit trail.")
    String why;

    Database database() {
        try {
            return Database.of(db);
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    Store open(boolean write) {
        try {
            return Store.open(database(), write);
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
