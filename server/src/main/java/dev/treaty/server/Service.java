package dev.treaty.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.BadRequest;
import dev.treaty.app.Decisions;
import dev.treaty.app.Instants;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import dev.treaty.store.StoredInputs;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The HTTP service on a store: routes in, application requests made, JSON out. Each principal
 * sees only the agreements its party is on; any other agreement, existing or not, is the same 404.
 * Errors are RFC 9457 problem details; a bad request is a 400 that says what to change, never a 500.
 */
public final class Service {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRINCIPAL = "treaty.principal";
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /** How long a stopping service lets requests in flight finish. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Database database;
    private final Authenticator authenticator;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PrintStream accessLog;

    public Service(Database database, Authenticator authenticator, PrintStream accessLog) {
        this.database = database;
        this.authenticator = authenticator;
        this.accessLog = accessLog;
    }

    /** The server, not yet started. */
    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = 1_000_000;
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_GRACE.toMillis()));
            config.requestLogger.http(this::logged);
            config.routes.get("/health", ctx -> json(ctx, JSON.createObjectNode().put("status", "up")));
            config.routes.get("/ready", this::ready);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
            config.routes.before("/v1/*", ctx -> ctx.attribute(PRINCIPAL, authenticator.authenticate(ctx.header("Authorization"))));
            config.routes.get("/v1/agreements", this::agreements);
            config.routes.get("/v1/agreements/{id}/gate", this::gate);
            config.routes.get("/v1/agreements/{id}/licence", this::licence);
            config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), List.of()));
            config.routes.exception(BadRequest.class, (e, ctx) -> problem(ctx, 400, "Bad Request", e.getMessage(), e.details()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("treaty serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                problem(ctx, 500, "Internal Server Error", "a bug in Treaty; the request changed nothing", List.of());
            });
            config.routes.error(404, ctx -> {
                if (route(ctx).equals("unmatched")) problem(ctx, 404, "Not Found", "no such endpoint; see /openapi.json", List.of());
            });
        });
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    // ---------------------------------------------------------------- operations

    private void ready(Context ctx) {
        try (Store store = Store.open(database, false)) {
            long agreements = StoredInputs.agreements(store, Store.MAX, Map.of()).histories().size();
            json(ctx, JSON.createObjectNode().put("status", "ready").put("store", database.describe()).put("agreements", agreements));
        } catch (StoreException | BadRequest e) {
            problem(ctx, 503, "Service Unavailable", "the store is not ready: " + e.getMessage(), List.of());
        }
    }

    // ---------------------------------------------------------------- agreements

    /** The agreements stored, each with the parties of any of its versions. */
    private List<AgreementHistory> stored() {
        try (Store store = Store.open(database, false)) {
            AgreementFolder.Loaded loaded = StoredInputs.agreements(store, Store.MAX, Map.of());
            return loaded.histories();
        } catch (StoreException e) {
            throw new Problem(503, "Service Unavailable", "the store cannot be read: " + e.getMessage());
        }
    }

    private static TreeSet<String> parties(AgreementHistory history) {
        TreeSet<String> parties = new TreeSet<>();
        for (ConsolidatedAgreement version : history.versions()) version.parties().forEach(p -> parties.add(p.shortName()));
        return parties;
    }

    private static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The agreement {@code id} if the principal's party is on it; the same 404 as for no agreement at all otherwise. */
    private AgreementHistory visible(Context ctx, String id) {
        Principal principal = principal(ctx);
        return stored().stream().filter(h -> h.id().equals(id) && parties(h).contains(principal.party())).findFirst()
                .orElseThrow(() -> Problem.noSuchAgreement(id));
    }

    private void agreements(Context ctx) {
        Principal principal = principal(ctx);
        if (!principal.may(Principal.Role.READER) && !principal.may(Principal.Role.AUDITOR) && !principal.may(Principal.Role.OPERATOR)) {
            throw Problem.forbidden("listing agreements needs the reader, auditor or operator role");
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("agreements");
        for (AgreementHistory history : stored()) {
            TreeSet<String> parties = parties(history);
            if (!parties.contains(principal.party())) continue;
            ObjectNode item = list.addObject().put("id", history.id()).put("title", history.agreement().title());
            parties.forEach(item.putArray("parties")::add);
            item.put("versions", history.versions().size());
        }
        json(ctx, root);
    }

    // ---------------------------------------------------------------- decisions

    private Workspace open(Context ctx, AgreementHistory history, Instant asKnown) {
        return Workspace.open(new Workspace.Inputs(Optional.empty(), Optional.of(database.argument()), Optional.of(history.id()), Map.of(),
                List.of(), List.of(), false, asKnown, Instant.MAX, false), notice -> { }, RevenueReader.Progress.NONE);
    }

    private void gate(Context ctx) {
        AgreementHistory history = visible(ctx, ctx.pathParam("id"));
        ReleaseGate.Question question = new ReleaseGate.Question(required(ctx, "product"), required(ctx, "cloud"),
                Optional.ofNullable(ctx.queryParam("segment")), date(ctx, "on"));
        Instant asKnown = Instants.parse("asKnown", ctx.queryParam("asKnown"));
        try (Workspace workspace = open(ctx, history, asKnown)) {
            answer(ctx, "gate", Decisions.gate(workspace, question, true), asKnown);
        }
    }

    private void licence(Context ctx) {
        AgreementHistory history = visible(ctx, ctx.pathParam("id"));
        LicenceCheck.Question question = new LicenceCheck.Question(required(ctx, "licensee"), required(ctx, "class"),
                Optional.ofNullable(ctx.queryParam("subject")), date(ctx, "on"));
        Instant asKnown = Instants.parse("asKnown", ctx.queryParam("asKnown"));
        try (Workspace workspace = open(ctx, history, asKnown)) {
            answer(ctx, "licence", Decisions.licence(workspace, question, true), asKnown);
        }
    }

    private void answer(Context ctx, String kind, Decisions.Answer answer, Instant asKnown) {
        Counter.builder("treaty.decisions").description("decisions answered, by kind and answer").tag("kind", kind)
                .tag("answer", answer.decision().verdict().replaceFirst(" .*", "")).register(registry).increment();
        ObjectNode root = JSON.createObjectNode();
        root.put("answer", answer.decision().verdict()).put("yes", answer.decision().yes())
                .put("explanation", ExplanationText.render(answer.decision().why()));
        ObjectNode version = root.putObject("version");
        version.put("in_force", answer.version().inForce().toString());
        ArrayNode documents = version.putArray("documents");
        for (Document document : answer.version().applied()) documents.addObject().put("id", document.id()).put("kind", document.kind().label());
        root.put("as_known", asKnown.equals(Instant.MAX) ? "everything recorded" : asKnown.toString());
        json(ctx, root);
    }

    // ---------------------------------------------------------------- parameters and responses

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) throw Problem.badRequest("query parameter '" + name + "' is required");
        if (value.length() > 200) throw Problem.badRequest("query parameter '" + name + "' is longer than 200 characters");
        return value;
    }

    private static LocalDate date(Context ctx, String name) {
        String text = required(ctx, name);
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("query parameter '" + name + "': '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static void json(Context ctx, ObjectNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    private static void problem(Context ctx, int status, String title, String detail, List<String> details) {
        ObjectNode body = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
        if (!details.isEmpty()) details.forEach(body.putArray("errors")::add);
        ctx.status(status).contentType("application/problem+json").result(body.toString());
    }

    private void logged(Context ctx, Float millis) {
        String route = route(ctx);
        Timer.builder("treaty.http.requests").description("requests served, by route and status").tag("method", ctx.method().name())
                .tag("route", route).tag("status", Integer.toString(ctx.status().getCode())).publishPercentileHistogram()
                .register(registry).record(Duration.ofNanos((long) (millis * 1_000_000)));
        Principal principal = ctx.attribute(PRINCIPAL);
        ObjectNode line = JSON.createObjectNode().put("at", Instant.now().toString()).put("method", ctx.method().name())
                .put("path", ctx.path()).put("route", route).put("status", ctx.status().getCode())
                .put("ms", Math.round(millis * 1000) / 1000.0);
        if (principal != null) line.put("party", principal.party()).put("subject", principal.subject());
        accessLog.println(line);
    }

    /** The route a request matched, for logs and metrics (bounded: never the raw path). */
    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (java.util.NoSuchElementException e) {
            return "unmatched";    // Javalin has no endpoint for a request no route took
        }
    }

    private static String openApi() throws IOException {
        try (InputStream in = Service.class.getResourceAsStream("/openapi.json")) {
            if (in == null) throw new IOException("openapi.json is missing from the server's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
