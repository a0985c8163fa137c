package dev.treaty.cli;

import dev.treaty.language.DiagnosticPrinter;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import dev.treaty.store.StoredInputs;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every command that reads one agreement folder takes. */
final class AgreementOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The folder of *.treaty.md files (or one file);"
            + " not needed with --db.")
    Path folder;

    @Option(names = "--db", paramLabel = "URL", description = "Read the agreement (and facts) from a store instead of files:"
            + " sqlite:PATH or jdbc:postgresql://HOST/DB (see 'treaty init').")
    String db;

    private Store store;

    /** The store named by --db, opened for reading once; null without --db. */
    Store store() {
        if (db == null) return null;
        if (store == null) {
            try {
                store = Store.open(Database.of(db), false);
            } catch (StoreException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        return store;
    }

    @Option(names = "--agreement", paramLabel = "ID", description = "Which agreement, when the folder has several.")
    String agreement;

    @Option(names = "--assume", paramLabel = "NAME=VALUE", description = "Override a named assumption,"
            + " e.g. --assume revenue-share-rate=15%. Repeatable.")
    Map<String, String> assume = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print JSON for machines instead of text.")
    boolean json;

    /** Loads the folder; prints every diagnostic and fails with exit 2 if any is an error. */
    AgreementFolder.Loaded load(PrintWriter err) {
        return load(err, Store.MAX);
    }

    /** Loads the folder, or the agreement files the store had recorded by {@code knownAtMicros}. */
    AgreementFolder.Loaded load(PrintWriter err, long knownAtMicros) {
        if (folder == null && db == null) throw new BadInputException("name the agreement folder (DIR) or a store (--db URL)");
        if (folder != null && db != null) throw new BadInputException("give either an agreement folder or --db, not both");
        AgreementFolder.Loaded loaded;
        try {
            loaded = db != null ? StoredInputs.agreements(store(), knownAtMicros, assume) : AgreementFolder.load(List.of(folder), assume);
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        }
        if (db != null && loaded.histories().isEmpty()) {
            throw new BadInputException("no agreement is stored in " + db + "; add one with 'treaty agreement add DIR --db " + db + "'");
        }
        failOnErrors(loaded, err, folder != null ? folder.toString() : db,
                "nothing was computed" + (folder != null ? " (run 'treaty check " + folder + "' for details)" : ""));
        return loaded;
    }

    /** Prints every diagnostic and fails with exit 2 if any is an error: "N errors in WHERE; CONSEQUENCE". */
    static void failOnErrors(AgreementFolder.Loaded loaded, PrintWriter err, String where, String consequence) {
        if (!loaded.hasErrors()) return;
        DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
        loaded.diagnostics().forEach(d -> err.print(printer.print(d)));
        long errors = loaded.diagnostics().stream().filter(d -> d.isError()).count();
        throw new BadInputException(errors + " error" + (errors == 1 ? "" : "s") + " in " + where + "; " + consequence);
    }

    AgreementHistory history(AgreementFolder.Loaded loaded) {
        try {
            return loaded.agreement(Optional.ofNullable(agreement));
        } catch (IllegalArgumentException e) {
            throw new BadInputException((folder != null ? folder : db) + ": " + e.getMessage());
        }
    }
}
