package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.BadRequest;
import dev.treaty.app.Changes;
import dev.treaty.app.Decisions;
import dev.treaty.app.Instants;
import dev.treaty.app.LoggedDecisions;
import dev.treaty.app.Records;
import dev.treaty.app.Settlements;
import dev.treaty.app.Snapshot;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.report.Json;
import dev.treaty.store.ApiKeys;
import dev.treaty.store.Database;
import dev.treaty.store.DecisionLog;
import dev.treaty.store.Ledger;
import dev.treaty.store.StatementBook;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import dev.treaty.store.Verify;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static dev.treaty.server.Api.JSON;
import static dev.treaty.server.Api.object;
import static dev.treaty.server.Principal.Role.AUDITOR;
import static dev.treaty.server.Principal.Role.OPERATOR;
import static dev.treaty.server.Principal.Role.PIPELINE;
import static dev.treaty.server.Principal.Role.READER;

/**
 * The HTTP service on a store: routes in, application requests made, JSON out. Each principal
 * sees only the agreements its party is on; any other agreement, existing or not, is the same 404.
 * Every decision and settlement answered is first logged (hash-chained) and carries its id, the
 * version it used and the instants it was known and recorded as. Errors are RFC 9457 problem
 * details; a bad request is a 400 that says what to change, never a 500.
 */
public final class Service implements AutoCloseable {

    /** How long a stopping service lets requests in flight finish. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The most questions one decision request may ask. */
    static final int BATCH_MAX = 1_000;
    /** The largest body other than a facts upload. */
    static final long BODY_MAX = 1_000_000;
    /** The largest facts upload (streamed to a file, never held in memory). */
    static final long UPLOAD_MAX = 8L * 1024 * 1024 * 1024;
    /** The most entries one page of the decision log holds. */
    static final int PAGE_MAX = 1_000;

    /**
     * How a service runs.
     *
     * @param masked decision-log fields kept only as their SHA-256 ("subject", "request")
     */
    public record Options(Set<String> masked) {
        public static final Set<String> MASKABLE = Set.of("subject", "request");

        public Options {
            masked = Set.copyOf(masked);
            for (String field : masked) {
                if (!MASKABLE.contains(field)) throw new IllegalArgumentException("cannot mask '" + field + "'; fields: subject, request");
            }
        }

        public static Options defaults() {
            return new Options(Set.of());
        }
    }

    private final Backend backend;
    private final Database database;
    private final Authenticator authenticator;
    private final Options options;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer logTimer = Timer.builder("treaty.store.decision.log").description("waiting for the decision log to commit")
            .publishPercentileHistogram().register(registry);
    private final AccessLog accessLog;
    private final Facts facts;
    private final Web web;

    public Service(Database database, Authenticator authenticator, PrintStream accessLog) {
        this(database, authenticator, accessLog, Options.defaults());
    }

    /** Opens the store (its schema must be current: {@code treaty init} brings it up to date). */
    public Service(Database database, Authenticator authenticator, PrintStream accessLog, Options options) {
        this.database = database;
        this.backend = new Backend(database, registry);
        this.authenticator = authenticator;
        this.options = options;
        this.accessLog = accessLog == null ? null : new AccessLog(accessLog, registry);
        this.facts = new Facts(backend, registry);
        this.web = new Web(this, backend);
    }

    Facts facts() {
        return facts;
    }

    /** The server, not yet started. Stop it before closing the service, so answers in flight are logged first. */
    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // platform threads, not virtual ones: SQLite's driver waits for the write lock inside native code
            // (its busy handler sleeps in sqlite3_step), which pins a virtual thread's carrier; on two cores, two
            // writers waiting for the lock took both carriers from the writer holding it (ConcurrentIngestTest)
            config.concurrency.useVirtualThreads = false;
            config.http.maxRequestSize = BODY_MAX;
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_GRACE.toMillis()));
            config.requestLogger.http(this::logged);
            config.routes.get("/health", ctx -> Api.json(ctx, object().put("status", "up")));
            config.routes.get("/ready", this::ready);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
            config.routes.before("/v1/*", ctx -> ctx.attribute(Api.PRINCIPAL, principal(ctx.header("Authorization"))));
            config.routes.get("/v1/agreements", this::agreements);
            config.routes.post("/v1/agreements", this::addDocument);
            config.routes.get("/v1/agreements/{id}", this::timeline);
            config.routes.get("/v1/agreements/{id}/terms", this::terms);
            config.routes.get("/v1/agreements/{id}/diff", this::diff);
            config.routes.post("/v1/agreements/{id}/gate", ctx -> decide(ctx, "gate"));
            config.routes.post("/v1/agreements/{id}/license", ctx -> decide(ctx, "license"));
            config.routes.get("/v1/agreements/{id}/settlement", this::settlement);
            config.routes.get("/v1/agreements/{id}/statements", this::statements);
            config.routes.post("/v1/agreements/{id}/statements", this::issue);
            config.routes.get("/v1/agreements/{id}/statements/{number}", this::statement);
            config.routes.get("/v1/agreements/{id}/balance", this::balance);
            config.routes.get("/v1/agreements/{id}/decisions", this::decisionPage);
            config.routes.post("/v1/agreements/{id}/tests", this::tests);
            config.routes.post("/v1/agreements/{id}/facts/revenue", ctx -> facts.upload(ctx, visibleForWriting(ctx), Facts.Kind.REVENUE));
            config.routes.post("/v1/agreements/{id}/facts/events", ctx -> facts.upload(ctx, visibleForWriting(ctx), Facts.Kind.EVENTS));
            config.routes.get("/v1/decisions/{decision}", this::decision);
            config.routes.post("/v1/decisions/{decision}/replay", this::replay);
            config.routes.get("/v1/verify", this::verify);
            web.routes(config);
            config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), List.of()));
            config.routes.exception(BadRequest.class, (e, ctx) -> problem(ctx, 400, "Bad Request", e.getMessage(), e.details()));
            config.routes.exception(dev.treaty.evaluator.settle.SettlementException.class, (e, ctx) -> problem(ctx, 400, "Bad Request", e.getMessage(),
                    List.of()));
            config.routes.exception(Records.NotYours.class, (e, ctx) -> {
                Problem hidden = Problem.noSuchAgreement(e.agreement());
                problem(ctx, hidden.status(), hidden.title(), hidden.getMessage(), List.of());
            });
            config.routes.exception(io.javalin.http.RedirectResponse.class, (e, ctx) -> { });
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "Content Too Large" : "Bad Request", e.getStatus() == 413
                            ? "the body is larger than " + BODY_MAX + " bytes" : String.valueOf(e.getMessage()), List.of()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("treaty serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                problem(ctx, 500, "Internal Server Error", "a bug in Treaty; the request changed nothing", List.of());
            });
            config.routes.error(404, ctx -> {
                if (route(ctx).equals("unmatched")) problem(ctx, 404, "Not Found", Web.isPage(ctx) ? "no such page"
                        : "no such endpoint; see /openapi.json", List.of());
            });
            config.routes.error(405, ctx -> problem(ctx, 405, "Method Not Allowed", "this endpoint takes another method; see /openapi.json",
                    List.of()));
        });
    }

    /** An error: a problem document for the API, a page for the web pages. */
    private void problem(Context ctx, int status, String title, String detail, List<String> details) {
        if (Web.isPage(ctx)) web.error(ctx, status, title, detail, details);
        else Api.problem(ctx, status, title, detail, details);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Lets the decision log and the access log write what is queued; call after the server has stopped. */
    @Override
    public void close() {
        backend.close();
        if (accessLog != null) accessLog.close();
    }

    // ---------------------------------------------------------------- operations

    /**
     * Anyone may ask, so the answer says whether, never where: the store's file or host and the
     * store's own error go to the server's log, for its operator.
     */
    private void ready(Context ctx) {
        try {
            Snapshot snapshot = backend.refresh();
            int pending = database.pendingMigrations();
            if (pending > 0) {
                String behind = pending + " migration" + (pending == 1 ? "" : "s") + " behind";
                System.err.println("treaty serve: not ready: the schema of " + database.describe() + " is " + behind
                        + "; run 'treaty init --db " + database.argument() + "'");
                Api.problem(ctx, 503, "Service Unavailable", "the store's schema is " + behind + "; the server's log says which store", List.of());
                return;
            }
            Api.json(ctx, object().put("status", "ready").put("revision", snapshot.revision().seq()).put("migrations", "current"));
        } catch (StoreException | BadRequest e) {
            System.err.println("treaty serve: not ready: " + e.getMessage());
            Api.problem(ctx, 503, "Service Unavailable", "the store is not reachable; the server's log says why", List.of());
        }
    }

    // ---------------------------------------------------------------- who asks

    /** API keys seen at the current store revision (a revocation moves the revision, and so empties it). */
    private final Map<String, Optional<Principal>> keys = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Store.Revision keysAt;

    Principal principal(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer tk_", 0, 10)) {
            return authenticator.authenticate(authorization);
        }
        String token = authorization.substring(7).strip();
        Store.Revision revision = backend.snapshot().revision();
        if (!revision.equals(keysAt)) {
            keys.clear();
            keysAt = revision;
        }
        if (keys.size() >= Authenticator.CACHE_MAX) keys.clear();
        Optional<Principal> principal = keys.computeIfAbsent(token, t -> read(store -> ApiKeys.authenticate(store, t)).map(key -> {
            java.util.EnumSet<Principal.Role> roles = java.util.EnumSet.noneOf(Principal.Role.class);
            key.roles().forEach(r -> roles.add(Principal.Role.valueOf(r.toUpperCase(java.util.Locale.ROOT))));
            return new Principal("apikey:" + key.id(), key.party(), roles);
        }));
        return principal.orElseThrow(() -> Problem.unauthorized("the API key is not accepted (unknown or revoked)"));
    }

    // ---------------------------------------------------------------- agreements

    private void agreements(Context ctx) {
        Api.json(ctx, agreementList(Api.requireRole(ctx, "listing agreements", READER, AUDITOR, OPERATOR)));
    }

    /** The agreements the principal's party is on. */
    ObjectNode agreementList(Principal principal) {
        ObjectNode root = object();
        ArrayNode list = root.putArray("agreements");
        Snapshot snapshot = backend.snapshot();
        for (String id : read(store -> dev.treaty.store.PartyScope.agreementsOf(store, principal.party()))) {   // filtered in the query
            Optional<AgreementHistory> found = snapshot.history(id);
            if (found.isEmpty()) continue;     // added after this snapshot was read: listed from the next one
            AgreementHistory history = found.get();
            TreeSet<String> parties = Snapshot.parties(history);
            ObjectNode item = list.addObject().put("id", history.id()).put("title", history.agreement().title());
            parties.forEach(item.putArray("parties")::add);
            item.put("versions", history.versions().size());
        }
        return root;
    }

    AgreementHistory readable(Context ctx, String action) {
        Api.requireRole(ctx, action, READER, AUDITOR, OPERATOR);
        return Api.visible(ctx, backend.snapshot(), ctx.pathParam("id"));
    }

    AgreementHistory visibleForWriting(Context ctx) {
        Api.requireRole(ctx, "adding facts", OPERATOR);
        return Api.visible(ctx, backend.snapshot(), ctx.pathParam("id"));
    }

    private void timeline(Context ctx) {
        AgreementHistory history = readable(ctx, "reading an agreement");
        Api.json(ctx, Json.timeline(history, history.versions()));
    }

    private void terms(Context ctx) {
        AgreementHistory history = readable(ctx, "reading an agreement");
        Api.json(ctx, terms(history, Api.date(ctx, "on"), Api.asKnown(ctx)));
    }

    /** The terms in force on {@code on} as known at {@code asKnown}: {@code treaty show --json}. */
    ObjectNode terms(AgreementHistory history, LocalDate on, Instant asKnown) {
        try (Workspace workspace = backend.snapshot().workspace(history.id(), asKnown)) {
            ConsolidatedAgreement version = workspace.versionOn(on);
            LocalDate knownDay = asKnown.equals(Instant.MAX) ? null : workspace.knownAtDay();
            return Json.terms(version, on, knownDay, workspace.loaded().assumptions());
        }
    }

    private void diff(Context ctx) {
        AgreementHistory history = readable(ctx, "reading an agreement");
        Api.json(ctx, changes(history, Api.date(ctx, "from"), Api.date(ctx, "to"), Api.optionalDate(ctx, "through"), Api.asKnown(ctx)).json());
    }

    /** What changed between two dates' versions, and (through a day) what it is worth: {@code treaty diff --json}. */
    record Changed(ObjectNode json, Changes.Result result) {
    }

    Changed changes(AgreementHistory history, LocalDate from, LocalDate to, Optional<LocalDate> through, Instant asKnown) {
        try (Workspace workspace = stored(history, asKnown)) {
            Changes.Result result = Changes.between(workspace, from, to, through);
            return new Changed(Json.changes(history.id(), from, to, result), result);
        }
    }

    private void addDocument(Context ctx) {
        Principal principal = Api.requireRole(ctx, "adding an agreement document", OPERATOR);
        String name = Api.required(ctx, "name");
        Store.Added added = Records.addDocument(database, name, ctx.body(), principal.party(), author(principal, ctx));
        backend.refresh();
        ctx.status(added.stored() > 0 ? 201 : 200);
        Api.json(ctx, object().put("stored", added.stored()).put("already_stored", added.alreadyStored()).put("audit_seq", added.auditSeq()));
    }

    static Records.Author author(Principal principal, Context ctx) {
        return new Records.Author(principal.party() + "/" + principal.subject() + " (treaty serve)",
                Optional.ofNullable(ctx.header("Treaty-Why")).map(w -> w.length() > Api.TEXT_MAX ? w.substring(0, Api.TEXT_MAX) : w).orElse(""));
    }

    /** A workspace on the store as the current snapshot saw it: agreements, events and revenue as recorded then. */
    private Workspace stored(AgreementHistory history, Instant asKnown) {
        return Workspace.open(new Workspace.Inputs(Optional.empty(), Optional.of(database.argument()), Optional.of(history.id()), Map.of(),
                List.of(), List.of(), false, asKnown, backend.snapshot().recordedThrough(), false), notice -> { }, RevenueReader.Progress.NONE);
    }

    // ---------------------------------------------------------------- decisions

    private void decide(Context ctx, String kind) {
        Principal principal = Api.requireRole(ctx, "asking for decisions", READER, PIPELINE, OPERATOR, AUDITOR);
        Snapshot snapshot = backend.snapshot();
        AgreementHistory history = Api.visible(ctx, snapshot, ctx.pathParam("id"));
        boolean explain = Api.flag(ctx, "explain");
        JsonNode body = Api.body(ctx);
        // answered when logged, without holding a thread while the log commits
        ctx.future(() -> decide(principal, snapshot, history, kind, body, explain)
                .thenAccept(answered -> ctx.contentType("application/json").result(answered)));
    }

    /**
     * Answers one question or a batch ({@code {"questions": […]}}) and logs them; the answer (JSON
     * text) is given once the log has committed.
     */
    java.util.concurrent.CompletableFuture<String> decide(Principal principal, Snapshot snapshot, AgreementHistory history, String kind,
                                                          JsonNode body, boolean explain) {
        Instant asKnown = Instants.parse("asKnown", Api.text(body, "asKnown", "").orElse(null));
        List<LoggedDecisions.Question> questions = new ArrayList<>();
        boolean batch = body.has("questions");
        if (batch) {
            JsonNode list = body.get("questions");
            if (!list.isArray() || list.isEmpty() || list.size() > BATCH_MAX) {
                throw Problem.badRequest("questions: must be a list of 1 to " + BATCH_MAX + " questions");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isObject()) throw Problem.badRequest("questions[" + i + "]: must be an object");
                questions.add(question(kind, list.get(i), "questions[" + i + "]."));
            }
        } else {
            questions.add(question(kind, body, ""));
        }
        Workspace workspace = snapshot.workspace(history.id(), asKnown);
        String known = LoggedDecisions.asKnown(asKnown);
        List<LoggedDecisions.Outcome> outcomes = new ArrayList<>(questions.size());
        List<String> asked = new ArrayList<>(questions.size());     // each question's canonical JSON, written once
        for (int i = 0; i < questions.size(); i++) {
            LoggedDecisions.Question question = questions.get(i);
            String json = question.json();
            asked.add(json);
            try {
                // a decision depends only on the snapshot, the agreement, the as-known instant and the question
                outcomes.add(snapshot.remembered(history.id() + "\n" + known + "\n" + json, () -> question.ask(workspace)));
            } catch (BadRequest e) {
                throw new BadRequest((batch ? "questions[" + i + "]: " : "") + e.getMessage(), e.details());
            }
        }
        List<DecisionLog.Decided> decided = new ArrayList<>(questions.size());
        String requestId = decisionId();
        String recordedThrough = snapshot.recordedThrough().toString();
        // the answer is written straight from its parts, the version's JSON as the snapshot already holds it written:
        // the same members, in the same order, as the OpenAPI document describes (the contract tests hold it to that)
        StringBuilder out = new StringBuilder(batch ? 256 * questions.size() : 2048);
        if (batch) out.append("{\"decisions\":[");
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            LoggedDecisions.Outcome outcome = outcomes.get(i);
            Snapshot.VersionView version = snapshot.version(outcome.version());
            decided.add(new DecisionLog.Decided(masked("request", asked.get(i)), version.text(), outcome.answer(), outcome.explanationDigest()));
            Decisions.Answer decision = outcome.decision().orElseThrow();
            if (i > 0) out.append(',');
            out.append("{\"decision_id\":");
            quoted(out, DecisionLog.decisionId(requestId, i)).append(",\"kind\":");
            quoted(out, kind).append(",\"question\":").append(asked.get(i)).append(",\"answer\":");
            quoted(out, outcome.answer()).append(",\"yes\":").append(decision.decision().yes()).append(",\"exit_code\":").append(decision.exitCode())
                    .append(",\"version\":");
            if (batch) {
                // a batch names each version once, in "versions", and each answer by its key
                quoted(out, version.key());
                versions.put(version.key(), version.text());
            } else {
                out.append(version.text());
            }
            out.append(",\"as_known\":");
            quoted(out, known).append(",\"recorded_through\":");
            quoted(out, recordedThrough);
            if (explain) {
                ObjectNode explanation = object().put("text", outcome.explanation());
                explanation.set("tree", Json.explanation(decision.decision().why()));
                out.append(",\"explanation\":").append(explanation);
            }
            out.append('}');
            decisionCounter(kind, outcome.answer()).increment();
        }
        if (batch) {
            out.append("],\"versions\":{");
            boolean first = true;
            for (var entry : versions.entrySet()) {
                if (!first) out.append(',');
                first = false;
                quoted(out, entry.getKey()).append(':').append(entry.getValue());
            }
            out.append("}}");
        }
        String answered = out.toString();
        Timer.Sample sample = Timer.start(registry);
        return backend.recorder.record(request(requestId, principal, kind, history.id(), asKnown, snapshot, decided))
                .whenComplete((done, failed) -> sample.stop(logTimer))
                .thenApply(done -> answered);
    }

    /** A JSON string: the text quoted and escaped by Jackson's own encoder. */
    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }


    private final Map<String, Counter> decisionCounters = new java.util.concurrent.ConcurrentHashMap<>();

    private Counter decisionCounter(String kind, String answer) {
        int space = answer.indexOf(' ');
        String verdict = space < 0 ? answer : answer.substring(0, space);
        return decisionCounters.computeIfAbsent(kind + " " + verdict, k -> Counter.builder("treaty.decisions")
                .description("decisions answered, by kind and answer").tag("kind", kind).tag("answer", verdict).register(registry));
    }

    /**
     * A time-ordered UUID (version 7: the milliseconds since the epoch, then random bits) from a
     * per-thread generator. Time first because the log's unique index on the id then grows at its
     * right edge: a random id lands on a random index page, so every commit of the log would rewrite
     * about one page per request (about 8 KB written per decision on SQLite). Random bits, from
     * the thread's own generator, make it unique without the shared secure generator's lock.
     */
    static String decisionId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static LoggedDecisions.Question question(String kind, JsonNode node, String where) {
        LocalDate on = Api.date(where + "on", Api.requiredText(node, "on", where));
        if (kind.equals("gate")) {
            return new LoggedDecisions.Gate(new ReleaseGate.Question(Api.requiredText(node, "product", where),
                    Api.requiredText(node, "cloud", where), Api.text(node, "segment", where), on));
        }
        return new LoggedDecisions.License(new LicenceCheck.Question(Api.requiredText(node, "licensee", where),
                Api.requiredText(node, "class", where), Api.text(node, "subject", where), on));
    }

    private DecisionLog.Decided decided(LoggedDecisions.Question question, String version, LoggedDecisions.Outcome outcome) {
        return new DecisionLog.Decided(masked("request", question.json()), version, outcome.answer(), outcome.explanationDigest());
    }

    private DecisionLog.Request request(String id, Principal principal, String kind, String agreement, Instant asKnown, Snapshot snapshot,
                                        List<DecisionLog.Decided> decided) {
        return new DecisionLog.Request(id, Store.micros(Instant.now()), principal.party(), masked("subject", principal.subject()), kind, agreement,
                LoggedDecisions.asKnown(asKnown), snapshot.revision().atMicros(), decided);
    }

    private String masked(String field, String value) {
        return options.masked().contains(field) ? "masked:sha256:" + Snapshot.sha256(value) : value;
    }

    /** Waits until the request's decisions are in the log: an answer that is not logged is not given. */
    private void logged(DecisionLog.Request request) {
        Timer.Sample sample = Timer.start(registry);
        try {
            backend.recorder.record(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Problem problem) throw problem;
            throw e;
        } finally {
            sample.stop(logTimer);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a question's own JSON cannot fail to read", e);
        }
    }

    /** A logged decision of an agreement the principal sees: an auditor or operator sees every one, others their party's. */
    private DecisionLog.Logged loggedDecision(Context ctx) {
        return loggedDecision(Api.requireRole(ctx, "reading the decision log", READER, PIPELINE, AUDITOR, OPERATOR), ctx.pathParam("decision"));
    }

    DecisionLog.Logged loggedDecision(Principal principal, String id) {
        Problem missing = new Problem(404, "Not Found", "no decision '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id)
                + "' is visible to you");
        Optional<DecisionLog.Logged> logged = read(store -> DecisionLog.find(store.scopedTo(principal.party()), id));
        if (logged.isEmpty()) throw missing;
        DecisionLog.Entry entry = logged.get().entry();
        Optional<AgreementHistory> history = backend.snapshot().history(entry.agreement());
        boolean onIt = history.isPresent() && Snapshot.parties(history.get()).contains(principal.party());
        boolean sees = principal.may(AUDITOR) || principal.may(OPERATOR) || entry.party().equals(principal.party());
        if (!onIt || !sees) throw missing;
        return logged.get();
    }

    static ObjectNode decisionJson(DecisionLog.Logged logged) {
        DecisionLog.Entry e = logged.entry();
        ObjectNode node = object().put("decision_id", e.id()).put("seq", logged.seq()).put("at", Store.instant(e.atMicros()).toString())
                .put("party", e.party()).put("subject", e.subject()).put("kind", e.kind()).put("agreement", e.agreement());
        node.set("request", e.request().startsWith("masked:") ? JSON.getNodeFactory().textNode(e.request()) : readTree(e.request()));
        node.set("version", readTree(e.versions()));
        node.put("as_known", e.asKnown()).put("recorded_through", Store.instant(e.recordedThrough()).toString()).put("answer", e.answer())
                .put("explanation_sha256", e.explanationDigest()).put("prev_hash", logged.previousHash()).put("hash", logged.hash());
        return node;
    }

    private void decision(Context ctx) {
        Api.json(ctx, decisionJson(loggedDecision(ctx)));
    }

    private void replay(Context ctx) {
        Api.json(ctx, replay(loggedDecision(ctx)));
    }

    /** Asks a logged decision again, of the store as it was known then. */
    ObjectNode replay(DecisionLog.Logged logged) {
        if (logged.entry().request().startsWith("masked:")) {
            throw Problem.badRequest("the request of this decision is masked in the log, so it cannot be asked again");
        }
        LoggedDecisions.Replayed replayed = LoggedDecisions.replay(database, logged.entry().id());
        ObjectNode root = object().put("decision_id", logged.entry().id()).put("identical", replayed.identical());
        root.putObject("logged").put("answer", logged.entry().answer()).put("explanation_sha256", logged.entry().explanationDigest())
                .set("version", readTree(logged.entry().versions()));
        root.putObject("replayed").put("answer", replayed.answer()).put("explanation_sha256", replayed.explanationDigest())
                .set("version", readTree(replayed.versions()));
        return root;
    }

    private void decisionPage(Context ctx) {
        Api.requireRole(ctx, "reading the decision log", AUDITOR);
        AgreementHistory history = Api.visible(ctx, backend.snapshot(), ctx.pathParam("id"));
        long after = Api.after(ctx);
        int limit = Api.limit(ctx, 100, PAGE_MAX);
        Api.json(ctx, decisionPage(Api.principal(ctx), history, after, limit));
    }

    /** A page of an agreement's decision log, after entry {@code after}. */
    ObjectNode decisionPage(Principal principal, AgreementHistory history, long after, int limit) {
        List<DecisionLog.Logged> page = read(store -> DecisionLog.page(store.scopedTo(principal.party()), history.id(), after, limit));
        ObjectNode root = object();
        ArrayNode list = root.putArray("decisions");
        page.forEach(logged -> list.add(decisionJson(logged)));
        if (page.stream().mapToLong(DecisionLog.Logged::seq).distinct().count() == limit) root.put("next", "/v1/agreements/" + history.id() + "/decisions?after=" + page.getLast().seq() + "&limit=" + limit);
        return root;
    }

    // ---------------------------------------------------------------- agreement tests

    /**
     * Runs the tests of a test file (Markdown with treaty-test blocks, as {@code treaty test} reads)
     * on the stored agreement and the store's facts, as the snapshot saw them: the facts files a
     * test names stand for the store's facts of that kind (ingest them first), a test that names
     * none has none, and facts written in the test are added. A broken variant edits files the
     * service does not hand out, so such a test is skipped.
     */
    private void tests(Context ctx) {
        AgreementHistory history = readable(ctx, "running agreement tests");
        String name = Api.optional(ctx, "name").orElse("tests.test.treaty.md");
        Instant recorded = backend.snapshot().recordedThrough();
        List<dev.treaty.app.testing.AgreementTest> tests = dev.treaty.app.testing.TestReader.readText(java.nio.file.Path.of(history.id()),
                java.nio.file.Path.of(name), ctx.body(), false);
        if (tests.isEmpty()) throw Problem.badRequest("the body holds no tests (write them in ```treaty-test blocks; see docs/testing.md)");
        dev.treaty.app.testing.TestRunner.Run run = dev.treaty.app.testing.TestRunner.run(tests, new dev.treaty.app.testing.TestRunner.Source() {
            @Override
            public Workspace open(dev.treaty.app.testing.AgreementTest test, List<java.nio.file.Path> inlineEvents, List<java.nio.file.Path> inlineRevenue) {
                // the facts files a test names are the store's facts of that kind; a test that names none has none of the store's
                return Workspace.open(new Workspace.Inputs(Optional.empty(), Optional.of(database.argument()), Optional.of(history.id()), test.assume(),
                        inlineEvents, inlineRevenue, false, test.asKnown(), recorded, false), notice -> { }, RevenueReader.Progress.NONE,
                        !test.events().isEmpty(), !test.revenue().isEmpty());
            }

            @Override
            public boolean hasFiles() {
                return false;
            }
        });
        Api.json(ctx, Json.testRun(run).put("agreement", history.id()).put("recorded_through", recorded.toString()));
    }

    // ---------------------------------------------------------------- money

    private void settlement(Context ctx) {
        AgreementHistory history = readable(ctx, "reading settlements");
        Settlements.Request request = new Settlements.Request(Api.date(ctx, "through"), Api.optionalDate(ctx, "from"),
                Api.optional(ctx, "term"), false);
        Api.json(ctx, settlement(Api.principal(ctx), history, request, Api.flag(ctx, "explain"), Api.asKnown(ctx)).json());
    }

    /** A logged settlement: its JSON (the {@code settlement} member is {@code treaty settle --json}) and the result itself. */
    record Settled(ObjectNode json, dev.treaty.evaluator.settle.SettlementResult result) {
    }

    Settled settlement(Principal principal, AgreementHistory history, Settlements.Request request, boolean explain, Instant asKnown) {
        Snapshot snapshot = backend.snapshot();
        LoggedDecisions.Settle question = new LoggedDecisions.Settle(request);
        LoggedDecisions.Outcome outcome;
        Map<String, String> hashes;
        try (Workspace workspace = stored(history, asKnown)) {
            outcome = question.ask(workspace);
            hashes = LoggedDecisions.contentHashes(workspace.loaded());
        }
        ObjectNode version = LoggedDecisions.version(outcome.version(), hashes);
        String requestId = decisionId();
        logged(request(requestId, principal, "settle", history.id(), asKnown, snapshot, List.of(decided(question, version.toString(), outcome))));
        ObjectNode root = object().put("decision_id", DecisionLog.decisionId(requestId, 0));
        root.set("version", version);
        root.put("as_known", LoggedDecisions.asKnown(asKnown)).put("recorded_through", snapshot.recordedThrough().toString());
        root.set("settlement", Json.settlement(outcome.settlement().orElseThrow(), explain));
        return new Settled(root, outcome.settlement().orElseThrow());
    }

    private void statements(Context ctx) {
        AgreementHistory history = readable(ctx, "reading statements");
        Api.json(ctx, statements(Api.principal(ctx), history));
    }

    /** The statements issued for an agreement. */
    ObjectNode statements(Principal principal, AgreementHistory history) {
        ObjectNode root = object();
        ArrayNode list = root.putArray("statements");
        String party = principal.party();
        for (StatementBook.Issued issued : read(store -> StatementBook.all(store.scopedTo(party)))) {
            if (!issued.agreement().equals(history.id())) continue;
            list.addObject().put("number", issued.number()).put("period", issued.period())
                    .put("issued", Store.instant(issued.issuedMicros()).toString()).put("body_sha256", issued.bodyHash());
        }
        return root;
    }

    private void statement(Context ctx) {
        AgreementHistory history = readable(ctx, "reading statements");
        Api.json(ctx, statement(Api.principal(ctx), history, ctx.pathParam("number")));
    }

    /** One issued statement of the agreement, as issued. */
    ObjectNode statement(Principal principal, AgreementHistory history, String text) {
        Problem missing = new Problem(404, "Not Found", "no statement '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
                + "' of this agreement is visible to you");
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw missing;
        }
        String party = principal.party();
        StatementBook.Issued issued = read(store -> StatementBook.find(store.scopedTo(party), number)).filter(i -> i.agreement().equals(history.id()))
                .orElseThrow(() -> missing);
        return object().put("number", issued.number()).put("agreement", issued.agreement()).put("period", issued.period())
                .put("issued", Store.instant(issued.issuedMicros()).toString()).put("body", issued.body()).put("body_sha256", issued.bodyHash());
    }

    private void issue(Context ctx) {
        Principal principal = Api.requireRole(ctx, "issuing statements", OPERATOR);
        AgreementHistory history = Api.visible(ctx, backend.snapshot(), ctx.pathParam("id"));
        String period = Api.required(ctx, "period");
        Records.Author author = author(principal, ctx);
        StatementBook.Issued issued = write(store -> StatementBook.issue(store, history.id(), period, author.who(), author.why()));
        backend.refresh();
        ctx.status(201);
        Api.json(ctx, object().put("number", issued.number()).put("agreement", issued.agreement()).put("period", issued.period())
                .put("issued", Store.instant(issued.issuedMicros()).toString()).put("body", issued.body()).put("body_sha256", issued.bodyHash()));
    }

    private void balance(Context ctx) {
        AgreementHistory history = readable(ctx, "reading balances");
        Api.json(ctx, balances(Api.principal(ctx), history, Api.asKnown(ctx)));
    }

    /** What the parties of the agreement owe one another, the principal's party among them. */
    ObjectNode balances(Principal principal, AgreementHistory history, Instant asKnown) {
        TreeSet<String> parties = Snapshot.parties(history);
        ObjectNode root = object();
        ArrayNode list = root.putArray("balances");
        for (Ledger.Balance b : read(store -> Ledger.balances(store, Store.micros(asKnown)))) {
            boolean ours = parties.contains(b.payer()) && parties.contains(b.payee())
                    && (b.payer().equals(principal.party()) || b.payee().equals(principal.party()));
            if (!ours) continue;
            list.addObject().put("payer", b.payer()).put("payee", b.payee()).put("currency", b.currency())
                    .put("due", b.due().toPlainString()).put("paid", b.paid().toPlainString()).put("outstanding", b.outstanding().toPlainString());
        }
        return root;
    }

    // ---------------------------------------------------------------- audit

    private void verify(Context ctx) {
        Api.requireRole(ctx, "verifying the store", AUDITOR);
        Api.json(ctx, verification());
    }

    /** The store checked; the problems themselves can name any agreement in the store: only their count is shown. */
    ObjectNode verification() {
        Verify.Report report = read(Verify::run);
        return object().put("ok", report.ok()).put("problems", report.problems().size()).put("head", report.head());
    }

    // ---------------------------------------------------------------- the store

    interface StoreWork<T> {
        T run(Store store);
    }

    private <T> T read(StoreWork<T> work) {
        return withStore(false, work);
    }

    private <T> T write(StoreWork<T> work) {
        return withStore(true, work);
    }

    private <T> T withStore(boolean write, StoreWork<T> work) {
        Timer.Sample sample = Timer.start(registry);
        try (Store store = Store.open(database, write)) {
            return work.run(store);
        } catch (StoreException e) {
            throw new BadRequest(e.getMessage());
        } finally {
            sample.stop(Timer.builder("treaty.store.requests").description("store work done for requests").tag("write", Boolean.toString(write))
                    .publishPercentileHistogram().register(registry));
        }
    }

    // ---------------------------------------------------------------- logs

    /** The request timers by method, route and status (bounded: routes and statuses are few). */
    private final Map<String, Timer> requestTimers = new java.util.concurrent.ConcurrentHashMap<>();

    private void logged(Context ctx, Float millis) {
        String route = route(ctx);
        String method = ctx.method().name();
        int status = ctx.status().getCode();
        requestTimers.computeIfAbsent(method + " " + route + " " + status, k -> Timer.builder("treaty.http.requests")
                .description("requests served, by route and status").tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram().register(registry)).record(Duration.ofNanos((long) (millis * 1_000_000)));
        if (accessLog == null) return;
        Principal principal = ctx.attribute(Api.PRINCIPAL);
        accessLog.log(new AccessLog.Line(Instant.now(), method, ctx.path(), route, status, millis, principal == null ? null : principal.party(),
                principal == null ? null : masked("subject", principal.subject())));
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
