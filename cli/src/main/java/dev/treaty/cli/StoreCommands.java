package dev.treaty.cli;

import dev.treaty.report.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.Records;
import dev.treaty.evaluator.facts.FactError;
import dev.treaty.store.Ingest;
import dev.treaty.store.Ledger;
import dev.treaty.store.StatementBook;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import dev.treaty.store.Verify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The store's commands: init, agreement add, ingest, correct, statement, balance, verify. */
final class StoreCommands {

    private StoreCommands() {
    }

    /** Runs {@code body} turning a refused write into a clear message and exit 2. */
    static <T> T refusing(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create a store (SQLite by default, or PostgreSQL), or bring its schema up to date.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            refusing(() -> {
                Store.init(store.database(), store.who);
                return null;
            });
            spec.commandLine().getOut().println("store ready: " + store.database().describe());
            return ExitCodes.OK;
        }
    }

    @Command(name = "agreement", mixinStandardHelpOptions = true, description = "Manage the agreement files kept in a store.", subcommands = AgreementAdd.class)
    static final class Agreement {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Store a folder's agreement and amendment files as versions (by content hash): the store"
            + " alone can then rebuild any consolidated version.")
    static final class AgreementAdd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "DIR", description = "The folder of *.treaty.md files (or one file).")
        Path folder;

        @Override
        public Integer call() {
            Store.Added added = Records.addAgreements(store.database(), folder, new Records.Author(store.who, store.why));
            spec.commandLine().getOut().println("stored " + added.stored() + " agreement file" + (added.stored() == 1 ? "" : "s") + " ("
                    + added.alreadyStored() + " already stored) in " + store.database().describe() + "; audit entry " + added.auditSeq());
            return ExitCodes.OK;
        }
    }

    /** Ingest and correct: the same load, one refusing and one superseding a different fact under a used id. */
    abstract static class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Revenue (*.csv) and event (*.jsonl) files.")
        List<Path> files;

        abstract boolean correct();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar[] bar = {null};
            Path[] current = {null};
            Records.Loaded loaded = Records.load(store.database(), files, correct(), new Records.Author(store.who, store.why),
                    (file, read, total, lines) -> {
                        if (!file.equals(current[0])) {
                            current[0] = file;
                            bar[0] = new ProgressBar(err, file.getFileName().toString(), "lines");
                        }
                        bar[0].update(read, total, lines);
                    });
            loaded.events().ifPresent(result -> report(out, err, "events", result));
            loaded.revenue().ifPresent(result -> report(out, err, "revenue lines", result));
            return ExitCodes.OK;
        }

        private static void report(PrintWriter out, PrintWriter err, String what, Ingest.Result result) {
            if (!result.errors().isEmpty()) {
                result.errors().stream().limit(dev.treaty.app.Workspace.ERRORS_SHOWN_MAX).forEach(e -> err.println(e));
                List<FactError> errors = result.errors();
                if (errors.size() > dev.treaty.app.Workspace.ERRORS_SHOWN_MAX) {
                    err.println("… and " + (errors.size() - dev.treaty.app.Workspace.ERRORS_SHOWN_MAX) + " more");
                }
                String refused = result.refused().map(f -> "nothing from " + f + " was stored").orElse("nothing was stored");
                String kept = result.storedFiles().isEmpty() ? "" : "; stored whole before it: "
                        + String.join(", ", result.storedFiles().stream().map(Path::toString).toList()) + " (" + result.stored()
                        + " facts; running the command again stores the rest and nothing twice)";
                throw new BadInputException(errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + "; " + refused + kept);
            }
            out.println(what + ": " + result.read() + " read, " + result.stored() + " stored, " + result.corrected() + " corrections, "
                    + result.alreadyStored() + " already stored");
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Load revenue (CSV) and events (JSON Lines) into the store. Idempotent: a fact's id (or,"
            + " without one, its file name and line) is its key; the same fact twice is stored once; a different fact under a used key"
            + " is refused. Each file is stored whole or not at all, in one transaction: any bad line refuses the file, with every"
            + " problem reported.")
    static final class IngestCommand extends Load {
        @Override
        boolean correct() {
            return false;
        }
    }

    @Command(name = "correct", mixinStandardHelpOptions = true, description = "Load corrected facts: a fact under a used id (or a revenue line with a supersedes"
            + " column) is stored as that fact's next version, recorded now; the earlier version stays, and --as-known before now"
            + " still sees it.")
    static final class CorrectCommand extends Load {
        @Override
        boolean correct() {
            return true;
        }
    }

    @Command(name = "statement", mixinStandardHelpOptions = true, description = "Issue and show numbered, immutable statements.",
            subcommands = {StatementIssue.class, StatementShow.class, StatementList.class})
    static final class StatementGroup {
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Freeze the settlement of a period as the next numbered statement, with adjustment lines"
            + " for earlier issued periods that later facts or amendments changed; post it to the ledger.")
    static final class StatementIssue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "2026-Q3, 2026-07 or 2026.")
        String period;

        @Option(names = "--agreement", paramLabel = "ID", description = "Which agreement, when the store has several.")
        String agreement;

        @Override
        public Integer call() {
            try (Store open = store.open(true)) {
                StatementBook.Issued issued = refusing(() -> StatementBook.issue(open, agreement, period, store.who, store.why));
                spec.commandLine().getOut().print(issued.body());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a statement exactly as it was issued.")
    static final class StatementShow implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "N", description = "The statement's number.")
        long number;

        @Option(names = "--recompute", description = "Recompute it from what the store knew when it was issued instead (equal unless tampered with).")
        boolean recompute;

        @Override
        public Integer call() {
            try (Store open = store.open(false)) {
                StatementBook.Issued issued = refusing(() -> StatementBook.find(open, number))
                        .orElseThrow(() -> new BadInputException("no statement " + number + " in " + store.database().describe()));
                spec.commandLine().getOut().print(recompute ? refusing(() -> StatementBook.recompute(open, issued)) : issued.body());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the issued statements.")
    static final class StatementList implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Store open = store.open(false)) {
                for (StatementBook.Issued issued : refusing(() -> StatementBook.all(open))) {
                    spec.commandLine().getOut().println(issued.number() + "  " + issued.agreement() + "  " + issued.period() + "  issued "
                            + Store.instant(issued.issuedMicros()));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "What each party owes another: amounts due on issued statements less payments, from the ledger.")
    static final class Balance implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--as-recorded", paramLabel = "INSTANT", description = "The balances from what the store had posted by then"
                + " (YYYY-MM-DD: the end of that day, UTC, or an ISO-8601 instant).")
        String asRecorded;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            long knownAt = Store.micros(dev.treaty.app.Instants.parse("--as-recorded", asRecorded));
            try (Store open = store.open(false)) {
                List<Ledger.Balance> balances = refusing(() -> Ledger.balances(open, knownAt));
                if (json) {
                    ObjectNode root = Json.object();
                    ArrayNode list = root.putArray("balances");
                    balances.forEach(b -> list.addObject().put("payer", b.payer()).put("payee", b.payee()).put("currency", b.currency())
                            .put("due", b.due().toPlainString()).put("paid", b.paid().toPlainString()).put("outstanding", b.outstanding().toPlainString()));
                    Json.print(out, root);
                } else if (balances.isEmpty()) {
                    out.println("nothing is due and nothing was paid");
                } else {
                    for (Ledger.Balance b : balances) {
                        out.println(String.format(Locale.ROOT, "%-28s due %s %s, paid %s %s, outstanding %s %s", b.payer() + " → " + b.payee(),
                                b.currency(), amount(b.due()), b.currency(), amount(b.paid()), b.currency(), amount(b.outstanding())));
                    }
                }
            }
            return ExitCodes.OK;
        }

        private static String amount(java.math.BigDecimal value) {
            return dev.treaty.report.Wording.amount(dev.treaty.model.value.Money.of(value, java.util.Currency.getInstance("USD")));
        }
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check the store: the audit trail's hash chain, every batch of facts against its audit"
            + " entry, every row against its fingerprint and its place, the ledger's balance, and every statement against its hash and"
            + " its recomputation. Names every problem with its table, row and field; exit 1 if there is any.")
    static final class VerifyCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--anchor", paramLabel = "SEQ:HASH", description = "A chain head kept elsewhere (printed by an earlier"
                + " verify, or in a statement): the store's audit chain must still hold it. Repeatable.")
        List<String> anchors = new ArrayList<>();

        @Override
        public Integer call() {
            try (Store open = store.open(false)) {
                Verify.Report report = refusing(() -> Verify.run(open, anchors));
                String counts = count(report.auditEntries(), "audit entry", "audit entries") + ", "
                        + count(report.facts(), "fact version", "fact versions") + ", " + count(report.postings(), "posting", "postings")
                        + ", " + count(report.statements(), "statement", "statements");
                PrintWriter out = spec.commandLine().getOut();
                if (report.ok()) {
                    out.println("ok: " + counts + " checked; chain head " + report.head() + " (keep it to check against later: --anchor)");
                    return ExitCodes.OK;
                }
                out.println("INCONSISTENT: " + report.problems().size() + " problem" + (report.problems().size() == 1 ? "" : "s")
                        + " (checked " + counts + ")");
                report.problems().forEach(problem -> out.println("  " + problem));
                return 1;
            }
        }
    }
}
