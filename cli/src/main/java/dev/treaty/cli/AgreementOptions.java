package dev.treaty.cli;

import dev.treaty.language.DiagnosticPrinter;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
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

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of *.treaty.md files (or one file).")
    Path folder;

    @Option(names = "--agreement", paramLabel = "ID", description = "Which agreement, when the folder has several.")
    String agreement;

    @Option(names = "--assume", paramLabel = "NAME=VALUE", description = "Override a named assumption,"
            + " e.g. --assume revenue-share-rate=15%. Repeatable.")
    Map<String, String> assume = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print JSON for machines instead of text.")
    boolean json;

    /** Loads the folder; prints every diagnostic and fails with exit 2 if any is an error. */
    AgreementFolder.Loaded load(PrintWriter err) {
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(folder), assume);
        if (loaded.hasErrors()) {
            DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
            loaded.diagnostics().forEach(d -> err.print(printer.print(d)));
            long errors = loaded.diagnostics().stream().filter(d -> d.isError()).count();
            throw new BadInputException(errors + " error" + (errors == 1 ? "" : "s") + " in " + folder
                    + "; nothing was computed (run 'treaty check " + folder + "' for details)");
        }
        return loaded;
    }

    AgreementHistory history(AgreementFolder.Loaded loaded) {
        try {
            return loaded.agreement(Optional.ofNullable(agreement));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(folder + ": " + e.getMessage());
        }
    }
}
