package dev.treaty.cli;

import dev.treaty.app.Instants;
import dev.treaty.app.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every command that reads one agreement takes: where it is, which one, the assumptions, the time axes. */
final class AgreementOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The folder of *.treaty.md files (or one file);"
            + " not needed with --db.")
    Path folder;

    @Option(names = "--db", paramLabel = "URL", description = "Read the agreement (and facts) from a store instead of files:"
            + " sqlite:PATH or jdbc:postgresql://HOST/DB (see 'treaty init').")
    String db;

    @Option(names = "--agreement", paramLabel = "ID", description = "Which agreement, when the folder has several.")
    String agreement;

    @Option(names = "--assume", paramLabel = "NAME=VALUE", description = "Override a named assumption,"
            + " e.g. --assume revenue-share-rate=15%%. Repeatable.")
    Map<String, String> assume = new LinkedHashMap<>();

    @Option(names = "--as-known", paramLabel = "INSTANT", description = "Answer as known then: the documents signed and the"
            + " facts known by then (an event's recorded instant, else the end of its date). YYYY-MM-DD (the end of that day, UTC)"
            + " or an ISO-8601 instant.")
    String asKnown;

    @Option(names = "--as-recorded", paramLabel = "INSTANT", description = "With --db: answer from what the store held then"
            + " (how an issued statement is reproduced). YYYY-MM-DD or an ISO-8601 instant.")
    String asRecorded;

    @Option(names = "--json", description = "Print JSON for machines instead of text.")
    boolean json;

    Instant knownAt() {
        return Instants.parse("--as-known", asKnown);
    }

    /** The inputs of a workspace with these options, these facts and this revenue. */
    Workspace.Inputs inputs(FactsOptions facts, List<Path> revenue) {
        return new Workspace.Inputs(Optional.ofNullable(folder), Optional.ofNullable(db), Optional.ofNullable(agreement), assume,
                facts == null ? List.of() : facts.events, revenue, facts != null && facts.skipBad, knownAt(),
                Instants.parse("--as-recorded", asRecorded), facts != null && facts.strict);
    }

    /** Opens the workspace; skipped bad lines and a revenue progress bar go to the command's error stream. */
    Workspace open(CommandSpec spec, FactsOptions facts, List<Path> revenue) {
        var err = spec.commandLine().getErr();
        return Workspace.open(inputs(facts, revenue), err::println, new TerminalProgress(err));
    }
}
