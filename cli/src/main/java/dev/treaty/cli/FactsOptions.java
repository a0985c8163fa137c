package dev.treaty.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every command that reads events takes. */
final class FactsOptions {

    @Option(names = "--events", arity = "1..*", paramLabel = "FILE", description = "Events, JSON Lines (see docs/facts.md).")
    List<Path> events = new ArrayList<>();

    @Option(names = "--skip-bad", description = "Report bad fact lines and go on without them (default: one bad line fails the load).")
    boolean skipBad;

    @Option(names = "--strict", description = "Treat odd facts as errors: a release dated before its product, an event no version"
            + " defines, a product owned by someone who is not a party (default: warnings).")
    boolean strict;

    @Option(names = "--explain", description = "Show each answer's derivation: rules, versions, facts, assumptions and arithmetic.")
    boolean explain;
}
