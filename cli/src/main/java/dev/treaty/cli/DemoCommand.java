package dev.treaty.cli;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code treaty demo}: the flagship example's timeline and the terms in force today. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run on the bundled Microsoft–OpenAI example: write its HTML report (with a"
        + " simulation) and print a summary: its versions, the terms in force, the revenue-share settlement, release gates,"
        + " licences, the stake and the Azure commitment.")
final class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "examples/microsoft-openai";

    @Spec
    CommandSpec spec;

    @Option(names = "--on", paramLabel = "DATE", description = "The date to show the terms in force on (default: today).")
    LocalDate on;

    @Option(names = "--examples", paramLabel = "DIR", description = "Where the example lives (default: the Treaty checkout's "
            + EXAMPLE + ").")
    Path example;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("treaty-report.html");

    @Option(names = "--serve", description = "Then serve the example over HTTP until Ctrl-C: a store in a temporary folder with its"
            + " facts, two demo API keys (one per party), and curl lines to try.")
    boolean serve;

    @Option(names = "--port", paramLabel = "N", description = "With --serve, the port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port = 8080;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = relative(example != null ? example : home().resolve(EXAMPLE));
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("the example folder " + folder + " is missing; run from a Treaty checkout or pass --examples");
        }
        LocalDate today = on != null ? on : LocalDate.now(Clock.systemDefaultZone());
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(folder), Map.of());
        if (loaded.hasErrors()) {
            throw new BadInputException("the bundled example has errors; run 'treaty check " + folder + "'");
        }
        AgreementHistory history = loaded.agreement(java.util.Optional.empty());

        out.println("Treaty demo: " + history.agreement().title() + ", from " + folder);
        out.println("Every figure the public record lacks is a named assumption (see " + folder.resolve("assumptions.treaty.md") + ").");
        Path report = report(folder, today);
        out.println();
        out.println("Report: " + report + " (" + String.format("%,d", sizeOf(report) / 1024) + " KB) — open it in a browser: the timeline,"
                + " payments against the cap, what each amendment changed in dollars, the release matrix, licences, the stake,"
                + " the commitment and a 1,000-run simulation, every figure linked to its explanation.");
        out.println();
        out.println("== Versions ==");
        for (ConsolidatedAgreement version : history.versions()) {
            out.println("  " + version.inForce().from().orElseThrow() + "  " + TermText.pad(version.latest().id(), 20) + " "
                    + version.latest().title());
        }
        out.println();
        ConsolidatedAgreement version = history.versionOn(today).orElseThrow();
        out.println("== Terms in force on " + today + " (the version " + version.inForce() + ") ==");
        for (TermInForce term : version.terms()) {
            String status = dev.treaty.report.Wording.status(term.term(), today);
            out.println("  " + TermText.pad(term.clause().clause().id().toString(), 5) + " " + term.term().header().label()
                    + (status.isEmpty() ? "" : "  [" + status + "]"));
        }
        evaluation(out, folder, history, loaded, today);
        out.println();
        out.println("Next: ./treaty show " + folder + " --on " + today + "    (clauses, provenance, assumptions)");
        out.println("      ./treaty diff " + folder + " --from 2026-04-26 --to 2026-04-27 --revenue " + folder.resolve(REVENUE)
                + "    (what the April 2026 amendment changed, and what it is worth)");
        out.println("      ./treaty settle " + folder + " --revenue " + folder.resolve(REVENUE) + " --events " + folder.resolve(EVENTS)
                + " --through 2030-12-31 --explain");
        out.flush();
        if (serve) serve(out, folder);
        return ExitCodes.OK;
    }

    /** The example in a fresh store, served with one demo key per party, until stopped. */
    private void serve(PrintWriter out, Path folder) throws Exception {
        if (port < 0 || port > 65_535) throw new BadInputException("--port: " + port + " is not between 0 and 65535");
        Path dir = Files.createTempDirectory("treaty-demo");
        dev.treaty.store.Database database = dev.treaty.store.Database.of("sqlite:" + dir.resolve("demo.db"));
        dev.treaty.app.Records.Author author = new dev.treaty.app.Records.Author("treaty demo", "the demo store");
        dev.treaty.store.ApiKeys.Created microsoft;
        dev.treaty.store.ApiKeys.Created openai;
        try {
            dev.treaty.store.Store.init(database, "treaty demo");
            dev.treaty.app.Records.addAgreements(database, folder, author);
            dev.treaty.app.Records.load(database, List.of(folder.resolve(EVENTS), folder.resolve(REVENUE)), false, author,
                    dev.treaty.evaluator.facts.RevenueReader.Progress.NONE);
            try (dev.treaty.store.Store store = dev.treaty.store.Store.open(database, true)) {
                microsoft = dev.treaty.store.ApiKeys.create(store, "Microsoft", List.of("reader", "auditor", "pipeline"), "demo: Microsoft", "treaty demo");
                openai = dev.treaty.store.ApiKeys.create(store, "OpenAI", List.of("reader", "operator", "pipeline"), "demo: OpenAI", "treaty demo");
            }
        } catch (dev.treaty.store.StoreException | dev.treaty.app.BadRequest e) {
            throw new BadInputException("cannot set up the demo store in " + dir + ": " + e.getMessage());
        }
        dev.treaty.server.Service service = new dev.treaty.server.Service(database, dev.treaty.server.Authenticator.apiKeysOnly(),
                new java.io.PrintStream(Files.newOutputStream(dir.resolve("access.log")), true, java.nio.charset.StandardCharsets.UTF_8));
        io.javalin.Javalin server;
        try {
            server = service.create().start("127.0.0.1", port);
        } catch (RuntimeException e) {
            service.close();
            throw new BadInputException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage() + " (choose another with --port)");
        }
        String base = "http://127.0.0.1:" + server.port();
        out.println();
        out.println("== The service ==");
        out.println("Serving the example at " + base + " (store " + dir.resolve("demo.db") + ", access log " + dir.resolve("access.log") + ").");
        out.println("Two demo principals, each an API key: Microsoft (reader, auditor, pipeline) and OpenAI (reader, operator, pipeline).");
        out.println();
        out.println("  MSFT=" + microsoft.token());
        out.println("  OAI=" + openai.token());
        out.println("  curl -s " + base + "/ready");
        out.println("  curl -s -H \"Authorization: Bearer $OAI\" " + base + "/v1/agreements");
        out.println("  curl -s -H \"Authorization: Bearer $OAI\" -d '{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2026-06-01\"}' \\");
        out.println("       '" + base + "/v1/agreements/msft-openai/gate?explain=true'");
        out.println("  curl -s -H \"Authorization: Bearer $MSFT\" '" + base + "/v1/agreements/msft-openai/settlement?through=2026-09-30&from=2026-07-01'");
        out.println("  curl -s -H \"Authorization: Bearer $MSFT\" " + base + "/v1/agreements/msft-openai/decisions");
        out.println("  curl -s " + base + "/openapi.json");
        out.println();
        out.println("Stop with Ctrl-C.");
        out.flush();
        ServeCommand.untilStopped(server, service);
    }

    static final String REVENUE = "facts/revenue.csv";
    static final String EVENTS = "facts/events.jsonl";

    /** Settlement, decisions and holdings over the example's illustrative facts. */
    private void evaluation(PrintWriter out, Path folder, AgreementHistory history, AgreementFolder.Loaded loaded, LocalDate today) {
        PrintWriter err = spec.commandLine().getErr();
        EventReader.Result read = EventReader.read(List.of(folder.resolve(EVENTS)));
        if (!read.errors().isEmpty()) throw new BadInputException("the example's events have errors: " + read.errors().get(0));
        Facts facts = new Facts(read.facts());
        ConsolidatedAgreement version = history.versionOn(today).orElseThrow();

        out.println();
        out.println("== Revenue shares 2019–2030 (illustrative revenue: " + folder.resolve(REVENUE) + ") ==");
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(history.asKnown(LocalDate.MAX)), facts, LocalDate.of(2030, 12, 31),
                java.util.Optional.empty());
        RevenueReader.Result revenue = RevenueReader.read(List.of(folder.resolve(REVENUE)), plan, RevenueReader.Progress.NONE);
        if (!revenue.errors().isEmpty()) throw new BadInputException("the example's revenue has errors: " + revenue.errors().get(0));
        SettlementResult result = Settlement.compute(plan, loaded.assumptions(), java.util.Optional.empty());
        for (Statement statement : result.statements()) {
            StatementLine last = statement.lines().get(statement.lines().size() - 1);
            String cap = statement.lines().stream().filter(l -> l.capCut().amount().signum() > 0).findFirst()
                    .map(l -> "; the cap is reached in " + l.period() + ", nothing is due after it").orElse("");
            out.println("  " + statement.term() + " (" + statement.payer() + " → " + statement.payee() + "): "
                    + statement.totalDue() + " due over " + statement.lines().size() + " statement lines, "
                    + statement.lines().get(0).period() + " to " + last.period() + " (" + last.through() + ")" + cap);
        }
        result.net().stream().filter(n -> n.period().equals("2026-Q1")).findFirst().ifPresent(n ->
                out.println("  net for 2026-Q1, when shares still ran both ways: " + n.debtor() + " owes " + n.creditor() + " " + n.owed()));
        out.println();
        out.println("== Release gates (facts: " + folder.resolve(EVENTS) + ") ==");
        gate(out, history, facts, "chatgpt", "aws", LocalDate.of(2024, 6, 1));
        gate(out, history, facts, "agent-kit", "gcp", LocalDate.of(2026, 7, 1));
        gate(out, history, facts, "research-assistant", "gcp", LocalDate.of(2026, 9, 15));

        out.println();
        out.println("== Licences ==");
        licence(out, history, facts, "models", null, LocalDate.of(2025, 12, 1));
        licence(out, history, facts, "models", null, today);
        licence(out, history, facts, "research", null, LocalDate.of(2031, 1, 1));

        out.println();
        out.println("== Stake and Azure commitment on " + today + " ==");
        Holdings.stake(version, facts, "Microsoft", today).ifPresent(stake -> {
            out.println("  " + stake.holder() + " holds " + stake.percentage() + " of " + stake.issuer()
                    + stake.value().map(v -> ", worth " + v).orElse(""));
        });
        for (Holdings.CommitmentPosition p : Holdings.commitments(version, facts, today)) {
            out.println("  " + p.purchaser() + " → " + p.provider() + ": committed " + p.committed() + ", drawn " + p.drawn()
                    + ", remaining " + p.remaining() + p.windowEnd().map(end -> ", " + p.daysLeft() + " days left").orElse("")
                    + p.projectedShortfall().map(s -> "; projected shortfall at the run rate so far: " + s).orElse(""));
        }
    }

    private static void gate(PrintWriter out, AgreementHistory history, Facts facts, String product, String cloud, LocalDate on) {
        Decision decision = ReleaseGate.decide(history.asKnown(LocalDate.MAX), facts,
                new ReleaseGate.Question(product, cloud, java.util.Optional.empty(), on));
        out.println("  $ treaty gate --product " + product + " --cloud " + cloud + " --on " + on + "   → exit " + (decision.yes() ? 0 : 1));
        java.io.StringWriter text = new java.io.StringWriter();
        DecisionText.print(new PrintWriter(text), decision, false);
        out.println("    " + text.toString().lines().findFirst().orElse(""));
    }

    private static void licence(PrintWriter out, AgreementHistory history, Facts facts, String ipClass, String subject, LocalDate on) {
        Decision decision = LicenceCheck.decide(history.asKnown(LocalDate.MAX), facts, new LicenceCheck.Question("Microsoft", ipClass,
                java.util.Optional.ofNullable(subject), on));
        out.println("  $ treaty license --licensee Microsoft --class " + ipClass + " --on " + on);
        out.println("    " + decision.why().text());
    }

    /** Writes the HTML report of the example, with a simulation of its scenario, as of {@code today}. */
    private Path report(Path folder, LocalDate today) {
        var inputs = dev.treaty.app.Workspace.Inputs.folder(folder).withEvents(List.of(folder.resolve(EVENTS)))
                .withRevenue(List.of(folder.resolve(REVENUE)));
        try (var workspace = dev.treaty.app.Workspace.open(inputs, spec.commandLine().getErr()::println, RevenueReader.Progress.NONE)) {
            return ReportCommand.write(spec, workspace, new dev.treaty.report.Report.Request(java.util.Optional.of(LocalDate.of(2030, 12, 31)), today,
                    List.of(), List.of(), java.util.Optional.of(folder.resolve(SCENARIO)), 1_000, 1,
                    List.of(SimulateCommand.AS_AMENDED, "msft-openai-2025-10")), out);
        }
    }

    static final String SCENARIO = "scenarios/growth.yaml";

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The folder relative to the working directory when it lies below it, for shorter paths in the output. */
    private static Path relative(Path folder) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : folder;
    }

    /** The Treaty checkout: set by the ./treaty launcher, else the working directory. */
    private static Path home() {
        String home = System.getProperty("treaty.home");
        return home != null ? Path.of(home) : Path.of("");
    }
}
