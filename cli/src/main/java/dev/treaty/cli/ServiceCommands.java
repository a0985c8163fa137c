package dev.treaty.cli;

import dev.treaty.app.BadRequest;
import dev.treaty.app.LoggedDecisions;
import dev.treaty.store.ApiKeys;
import dev.treaty.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static dev.treaty.cli.StoreCommands.refusing;

/** The service's records kept in the store: API keys for pipelines, and replaying a logged decision. */
final class ServiceCommands {

    private ServiceCommands() {
    }

    @Command(name = "apikey", mixinStandardHelpOptions = true, description = "Manage the API keys pipelines call `treaty serve` with.",
            subcommands = {Create.class, Revoke.class, ListKeys.class})
    static final class ApiKey {
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an API key for a party; it is printed once and"
            + " stored only as a hash. Use it as 'Authorization: Bearer KEY'.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--party", required = true, paramLabel = "NAME", description = "The party the key acts for (its short name in the agreements; up to 200 characters).")
        String party;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE", description = "Its roles: reader, pipeline, operator, auditor.")
        List<String> roles;

        @Option(names = "--label", paramLabel = "TEXT", description = "What the key is for, shown by 'apikey list' (up to 200 characters).")
        String label = "";

        @Override
        public Integer call() {
            ApiKeys.Created created;
            try (Store open = store.open(true)) {
                created = refusing(() -> ApiKeys.create(open, party, roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList(), label, store.who));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(created.token());
            out.flush();
            spec.commandLine().getErr().println("api key " + created.key().id() + " for " + party + " (" + String.join(",", created.key().roles())
                    + "): shown once; keep it secret. Revoke it with 'treaty apikey revoke " + created.key().id() + "'.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key: the service refuses it from its next request.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "ID", description = "The key's id (the 16 hex digits after tk_).")
        String id;

        @Override
        public Integer call() {
            boolean revoked;
            try (Store open = store.open(true)) {
                revoked = refusing(() -> ApiKeys.revoke(open, id, store.who));
            }
            if (!revoked) throw new BadInputException("no unrevoked API key '" + id + "' is stored; 'treaty apikey list' shows them");
            spec.commandLine().getOut().println("api key " + id + " revoked");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the API keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store open = store.open(false)) {
                for (ApiKeys.Key key : refusing(() -> ApiKeys.all(open))) {
                    out.println(key.id() + "  " + key.party() + "  " + String.join(",", key.roles()) + "  created "
                            + Store.instant(key.createdMicros()) + (key.revoked() ? "  revoked " + Store.instant(key.revokedMicros().get()) : "")
                            + (key.label().isBlank() ? "" : "  " + key.label()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Ask a decision the service logged again, of the store as it was"
            + " recorded when it was made and as known at its instant, and say whether the answer is identical. Exit 0 identical,"
            + " 3 different, 2 on bad input.")
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "ID", description = "The decision id (decision_id in the service's answer).")
        String id;

        @Override
        public Integer call() {
            LoggedDecisions.Replayed replayed;
            try {
                replayed = LoggedDecisions.replay(store.database(), id);
            } catch (BadRequest e) {
                throw new BadInputException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            var entry = replayed.logged().entry();
            out.println("decision " + id + ": " + entry.kind() + " " + entry.request() + " on " + entry.agreement());
            out.println("  asked by " + entry.party() + " at " + Store.instant(entry.atMicros()) + ", as known " + entry.asKnown()
                    + ", store as recorded " + Store.instant(entry.recordedThrough()));
            out.println("  logged:   " + entry.answer());
            out.println("  replayed: " + replayed.answer());
            out.println(replayed.identical() ? "identical: the same answer, version and explanation"
                    : "DIFFERENT: " + (replayed.answer().equals(entry.answer()) ? "" : "the answer, ")
                    + (replayed.versions().equals(entry.versions()) ? "" : "the version, ")
                    + (replayed.explanationDigest().equals(entry.explanationDigest()) ? "" : "the explanation, ") + "changed");
            out.flush();
            return replayed.identical() ? ExitCodes.OK : ExitCodes.DIFFERENT;
        }
    }
}
