package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.BadRequest;
import dev.treaty.app.Instants;
import dev.treaty.app.Settlements;
import dev.treaty.app.Snapshot;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.value.Money;
import dev.treaty.report.Charts;
import dev.treaty.report.Wording;
import dev.treaty.store.DecisionLog;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.treaty.server.Principal.Role.AUDITOR;
import static dev.treaty.server.Principal.Role.OPERATOR;
import static dev.treaty.server.Principal.Role.PIPELINE;
import static dev.treaty.server.Principal.Role.READER;

/**
 * The web pages: the same operations as the API (the same {@link Service} methods, so the same
 * checks and the same figures), rendered on the server by JTE templates ({@code src/main/jte}).
 * A user signs in by pasting the credential a pipeline would send (a JWT or an API key); the
 * session lives in an HttpOnly, SameSite=Strict cookie, and every form carries the session's CSRF
 * token. Pages set a strict Content-Security-Policy: everything comes from this server.
 */
public final class Web {

    static final String SESSION_COOKIE = "treaty_session";
    static final String SIGN_IN_COOKIE = "treaty_sign_in";
    private static final String SESSION = "treaty.session";
    private static final String STARTED = "treaty.started";
    /** The longest credential accepted at sign-in (a JWT with many claims fits). */
    static final int CREDENTIAL_MAX = 8_192;
    private static final String POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Service service;
    private final Backend backend;
    private final Sessions sessions = new Sessions();
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html, Web.class.getClassLoader(), "dev.treaty.server.web.templates");

    Web(Service service, Backend backend) {
        this.service = service;
        this.backend = backend;
    }

    /** Whether a request is for a page (answered in HTML) rather than the API (/v1/…, /v2/…, /health, …: answered in JSON). */
    static boolean isPage(Context ctx) {
        String path = ctx.path();
        boolean versioned = path.length() > 2 && path.charAt(1) == 'v' && Character.isDigit(path.charAt(2));
        return !(versioned || path.equals("/health") || path.equals("/ready") || path.equals("/metrics") || path.equals("/openapi.json"));
    }

    void routes(JavalinConfig config) {
        config.routes.before(ctx -> {
            if (!isPage(ctx)) return;
            ctx.attribute(STARTED, System.nanoTime());
            ctx.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY").header("Cache-Control", "no-store");
        });
        config.routes.get("/assets/treaty.css", ctx -> asset(ctx, "treaty.css", "text/css; charset=utf-8"));
        config.routes.get("/assets/treaty.js", ctx -> asset(ctx, "treaty.js", "text/javascript; charset=utf-8"));
        config.routes.get("/", ctx -> ctx.redirect(signedIn(ctx).isPresent() ? "/agreements" : "/sign-in", io.javalin.http.HttpStatus.SEE_OTHER));
        config.routes.get("/sign-in", this::signInForm);
        config.routes.post("/sign-in", this::signIn);
        config.routes.before("/sign-out", this::requireSession);
        config.routes.post("/sign-out", this::signOut);
        config.routes.before("/agreements", this::requireSession);
        config.routes.before("/agreements/*", this::requireSession);
        config.routes.before("/audit", this::requireSession);
        config.routes.get("/agreements", this::agreements);
        config.routes.get("/agreements/{id}", this::agreement);
        config.routes.get("/agreements/{id}/changes", this::changes);
        config.routes.get("/agreements/{id}/money", this::money);
        config.routes.get("/agreements/{id}/statements/{number}", this::statement);
        config.routes.get("/agreements/{id}/decisions", this::decisions);
        config.routes.post("/agreements/{id}/decisions", this::decide);
        config.routes.post("/agreements/{id}/decisions/{decision}/replay", this::replay);
        config.routes.get("/agreements/{id}/facts", this::facts);
        config.routes.post("/agreements/{id}/facts", this::upload);
        config.routes.get("/audit", this::audit);
    }

    // ---------------------------------------------------------------- signing in and out

    private Optional<Sessions.Session> signedIn(Context ctx) {
        return sessions.find(ctx.cookie(SESSION_COOKIE));
    }

    private void signInForm(Context ctx) {
        String token = Sessions.token();
        ctx.cookie(cookie(ctx, SIGN_IN_COOKIE, token, 600));
        render(ctx, "signin.jte", Map.of("page", Page.anonymous("Sign in"), "csrf", token, "error", ""));
    }

    private void signIn(Context ctx) {
        String expected = ctx.cookie(SIGN_IN_COOKIE);
        if (!Sessions.same(expected, ctx.formParam("csrf"))) throw new Problem(403, "Forbidden", "the form is stale or forged; open the sign-in page again");
        String credential = Optional.ofNullable(ctx.formParam("credential")).orElse("").strip();
        String error = "";
        if (credential.isEmpty()) error = "Paste a token or an API key.";
        else if (credential.length() > CREDENTIAL_MAX) error = "That is longer than any credential Treaty accepts (" + CREDENTIAL_MAX + " characters).";
        else {
            try {
                service.principal("Bearer " + credential);
            } catch (Problem e) {
                error = "Not accepted: " + e.getMessage() + ".";
            }
        }
        if (!error.isEmpty()) {
            String token = Sessions.token();
            ctx.cookie(cookie(ctx, SIGN_IN_COOKIE, token, 600));
            ctx.status(401);
            render(ctx, "signin.jte", Map.of("page", Page.anonymous("Sign in"), "csrf", token, "error", error));
            return;
        }
        Sessions.Session session = sessions.open(credential);
        ctx.removeCookie(SIGN_IN_COOKIE, "/");
        ctx.cookie(cookie(ctx, SESSION_COOKIE, session.id(), -1));
        ctx.redirect("/agreements", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        checkCsrf(ctx, session, ctx.formParam("csrf"));
        sessions.close(session.id());
        ctx.removeCookie(SESSION_COOKIE, "/");
        ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value, "/", maxAge, "https".equals(ctx.scheme()));
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        return cookie;
    }

    /** A signed-in user's request: the session's credential authenticated afresh, as the API would. */
    private void requireSession(Context ctx) {
        Optional<Sessions.Session> session = signedIn(ctx);
        Principal principal = null;
        if (session.isPresent()) {
            try {
                principal = service.principal("Bearer " + session.get().credential());
            } catch (Problem revokedOrExpired) {
                sessions.close(session.get().id());
            }
        }
        if (principal == null) {
            if (ctx.method() == io.javalin.http.HandlerType.GET) {
                ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
                throw new io.javalin.http.RedirectResponse(io.javalin.http.HttpStatus.SEE_OTHER);
            }
            throw Problem.unauthorized("sign in first");
        }
        ctx.attribute(Api.PRINCIPAL, principal);
        ctx.attribute(SESSION, session.get());
    }

    private static void checkCsrf(Context ctx, Sessions.Session session, String given) {
        if (!Sessions.same(session.csrf(), given)) throw new Problem(403, "Forbidden", "the form's CSRF token is missing or wrong; reload the page");
    }

    // ---------------------------------------------------------------- pages

    /** What every page's frame shows: who is signed in, the agreement in view, and the CSRF token for its forms. */
    public record Page(String title, String party, String subject, String roles, String csrf, String agreement, String agreementTitle,
                       String section) {
        static Page anonymous(String title) {
            return new Page(title, "", "", "", "", "", "", "");
        }

        public boolean signedIn() {
            return !party.isEmpty();
        }
    }

    private Page page(Context ctx, String title, AgreementHistory history, String section) {
        Principal principal = Api.principal(ctx);
        Sessions.Session session = ctx.attribute(SESSION);
        List<String> roles = principal.roles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList();
        return new Page(title, principal.party(), principal.subject(), String.join(", ", roles), session.csrf(),
                history == null ? "" : history.id(), history == null ? "" : history.agreement().title(), section);
    }

    private void agreements(Context ctx) {
        Principal principal = Api.requireRole(ctx, "listing agreements", READER, AUDITOR, OPERATOR);
        render(ctx, "agreements.jte", Map.of("page", page(ctx, "Agreements", null, "agreements"), "list", service.agreementList(principal)));
    }

    private void agreement(Context ctx) {
        AgreementHistory history = service.readable(ctx, "reading an agreement");
        LocalDate on = dateParam(ctx, "on").orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        String asKnownText = Optional.ofNullable(ctx.queryParam("asKnown")).filter(s -> !s.isBlank()).orElse("");
        Instant asKnown = Instants.parse("asKnown", asKnownText.isEmpty() ? null : asKnownText);
        ObjectNode terms = service.terms(history, on, asKnown);
        String chart = Charts.timeline(history.versions(), history.agreement().effective(), Optional.empty(), id -> "#version-" + htmlId(id));
        Map<String, Object> model = new HashMap<>();
        model.put("page", page(ctx, history.agreement().title(), history, "terms"));
        model.put("terms", terms);
        model.put("timeline", dev.treaty.report.Json.timeline(history, history.versions()));
        model.put("chart", new Svg(chart));
        model.put("on", on.toString());
        model.put("asKnown", asKnownText);
        render(ctx, "agreement.jte", model);
    }

    private void changes(Context ctx) {
        AgreementHistory history = service.readable(ctx, "reading an agreement");
        List<dev.treaty.model.time.ConsolidatedAgreement> versions = history.versions();
        // by default: the day before the latest amendment took effect, and that day
        LocalDate latest = versions.getLast().inForce().from().orElse(history.agreement().effective());
        LocalDate from = dateParam(ctx, "from").orElse(latest.minusDays(1));
        LocalDate to = dateParam(ctx, "to").orElse(latest);
        // the money impact on the revenue recorded through today, unless another day is asked for
        Optional<LocalDate> through = Optional.of(dateParam(ctx, "through").orElse(LocalDate.now(java.time.ZoneOffset.UTC)));
        Service.Changed changed = service.changes(history, from, to, through, Instant.MAX);
        // the chart's bars link to the first row of their period
        Set<String> anchored = new java.util.HashSet<>();
        for (JsonNode row : items(changed.json().get("money"), "byTermAndPeriod")) {
            if (!row.get("change").asText().matches("-?0(\\.0+)?") && anchored.add(row.get("period").asText())) ((ObjectNode) row).put("anchor", true);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", page(ctx, "What changed — " + history.agreement().title(), history, "changes"));
        model.put("changes", changed.json());
        model.put("chart", new Svg(changed.result().worth().map(w -> Charts.changePerPeriod(w, "Change in payments per period, " + from + " → " + to))
                .orElse("")));
        model.put("from", from.toString());
        model.put("to", to.toString());
        model.put("through", through.map(LocalDate::toString).orElse(""));
        render(ctx, "changes.jte", model);
    }

    /** One statement of a settlement with its charts. */
    public record Settled(JsonNode json, Svg due, Svg cap, String capText) {
    }

    private void money(Context ctx) {
        Principal principal = Api.principal(ctx);
        AgreementHistory history = service.readable(ctx, "reading settlements");
        LocalDate through = dateParam(ctx, "through").orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        Service.Settled settled = service.settlement(principal, history, new Settlements.Request(through, Optional.empty(), Optional.empty(), false),
                true, Instant.MAX);
        List<Settled> statements = new ArrayList<>();
        JsonNode json = settled.json().get("settlement").get("statements");
        for (int i = 0; i < settled.result().statements().size(); i++) {
            Statement statement = settled.result().statements().get(i);
            String capText = Charts.cap(statement).map(cap -> "Cap " + Charts.money(cap) + Charts.capReached(statement)
                    .map(l -> ": reached in " + l.period() + "; nothing is due after it.").orElse(": not reached on this revenue.")).orElse("");
            statements.add(new Settled(json.get(i), new Svg(Charts.duePerPeriod(statement, line -> "#" + lineAnchor(statement.term(), line))),
                    new Svg(Charts.againstCap(statement)), capText));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", page(ctx, "Money — " + history.agreement().title(), history, "money"));
        model.put("settled", settled.json());
        model.put("statements", statements);
        model.put("issued", service.statements(principal, history));
        model.put("balances", service.balances(principal, history, Instant.MAX));
        model.put("through", through.toString());
        render(ctx, "money.jte", model);
    }

    private void statement(Context ctx) {
        AgreementHistory history = service.readable(ctx, "reading statements");
        ObjectNode statement = service.statement(Api.principal(ctx), history, ctx.pathParam("number"));
        render(ctx, "statement.jte", Map.of("page", page(ctx, "Statement " + statement.get("number").asText() + " — " + history.agreement().title(),
                history, "money"), "statement", statement));
    }

    /** A cell of the release matrix: the answer and the decision it was logged as. */
    public record Cell(String answer, boolean yes, String decisionId) {
    }

    private void decisions(Context ctx) {
        decisionsPage(ctx, null, Map.of());
    }

    private void decisionsPage(Context ctx, JsonNode answer, Map<String, String> asked) {
        Principal principal = Api.requireRole(ctx, "asking for decisions", READER, PIPELINE, OPERATOR, AUDITOR);
        Snapshot snapshot = backend.snapshot();
        AgreementHistory history = Api.visible(ctx, snapshot, ctx.pathParam("id"));
        LocalDate on = dateParam(ctx, "on").orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        // the release matrix, asked as one logged batch: products declared on or before the date (a gate question
        // about a later one is a bad request), on the usual clouds and every cloud released on
        dev.treaty.app.Decisions.ReleaseAxes axes = dev.treaty.app.Decisions.releaseAxes(snapshot.workspace(history.id(), Instant.MAX),
                Optional.of(on));
        List<String> products = axes.products();
        List<String> clouds = axes.clouds();
        Map<String, Map<String, Cell>> matrix = new LinkedHashMap<>();
        if (!products.isEmpty()) {
            ObjectNode batch = Api.object();
            ArrayNode questions = batch.putArray("questions");
            for (String product : products) for (String cloud : clouds) questions.addObject().put("product", product).put("cloud", cloud).put("on", on.toString());
            JsonNode answered = readTree(service.decide(principal, snapshot, history, "gate", batch, false).join());
            int i = 0;
            for (String product : products) {
                Map<String, Cell> row = new LinkedHashMap<>();
                for (String cloud : clouds) {
                    JsonNode a = answered.get("decisions").get(i++);
                    row.put(cloud, new Cell(a.get("answer").asText(), a.get("yes").asBoolean(), a.get("decision_id").asText()));
                }
                matrix.put(product, row);
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", page(ctx, "Decisions — " + history.agreement().title(), history, "decisions"));
        model.put("on", on.toString());
        model.put("clouds", List.copyOf(clouds));
        model.put("matrix", matrix);
        model.put("answer", answer == null ? Api.object() : answer);
        model.put("asked", asked);
        boolean auditor = principal.may(AUDITOR);
        model.put("log", auditor ? service.decisionPage(principal, history, afterParam(ctx), 20) : Api.object());
        model.put("auditor", auditor);
        model.put("replayed", Api.object());
        render(ctx, "decisions.jte", model);
    }

    private void decide(Context ctx) {
        Principal principal = Api.requireRole(ctx, "asking for decisions", READER, PIPELINE, OPERATOR, AUDITOR);
        checkCsrf(ctx, ctx.attribute(SESSION), ctx.formParam("csrf"));
        Snapshot snapshot = backend.snapshot();
        AgreementHistory history = Api.visible(ctx, snapshot, ctx.pathParam("id"));
        String kind = "license".equals(ctx.formParam("kind")) ? "license" : "gate";
        List<String> fields = kind.equals("gate") ? List.of("product", "cloud", "segment", "on") : List.of("licensee", "class", "subject", "on");
        ObjectNode question = Api.object();
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("kind", kind);
        for (String field : fields) {
            String value = Optional.ofNullable(ctx.formParam(kind + "-" + field)).orElse("").strip();
            asked.put(field, value);
            if (!value.isEmpty()) question.put(field, value);
        }
        JsonNode answer;
        try {
            answer = readTree(service.decide(principal, snapshot, history, kind, question, true).join());
        } catch (BadRequest e) {
            answer = Api.object().put("error", e.getMessage());
            ctx.status(400);
        }
        decisionsPage(ctx, answer, asked);
    }

    private void replay(Context ctx) {
        Principal principal = Api.requireRole(ctx, "reading the decision log", READER, PIPELINE, AUDITOR, OPERATOR);
        checkCsrf(ctx, ctx.attribute(SESSION), ctx.formParam("csrf"));
        AgreementHistory history = Api.visible(ctx, backend.snapshot(), ctx.pathParam("id"));
        DecisionLog.Logged logged = service.loggedDecision(principal, ctx.pathParam("decision"));
        if (!logged.entry().agreement().equals(history.id())) throw Problem.noSuchAgreement(history.id());
        ObjectNode replayed = service.replay(logged);
        render(ctx, "replay.jte", Map.of("page", page(ctx, "Replay of " + logged.entry().id(), history, "decisions"), "decision",
                Service.decisionJson(logged), "replayed", replayed));
    }

    private void facts(Context ctx) {
        Api.requireRole(ctx, "adding facts", OPERATOR);
        AgreementHistory history = Api.visible(ctx, backend.snapshot(), ctx.pathParam("id"));
        render(ctx, "facts.jte", Map.of("page", page(ctx, "Facts — " + history.agreement().title(), history, "facts"),
                "limit", Service.UPLOAD_MAX));
    }

    /** A facts file sent by the page's script as the raw body (so its progress can be shown); answers an HTML fragment. */
    private void upload(Context ctx) throws IOException {
        AgreementHistory history = service.visibleForWriting(ctx);
        checkCsrf(ctx, ctx.attribute(SESSION), ctx.header("X-CSRF-Token"));
        Facts.Kind kind = "events".equals(ctx.queryParam("kind")) ? Facts.Kind.EVENTS : Facts.Kind.REVENUE;
        String name = Optional.ofNullable(ctx.queryParam("name")).orElse("upload");
        Map<String, Object> model = new HashMap<>();
        model.put("name", name.length() > Api.TEXT_MAX ? name.substring(0, Api.TEXT_MAX) : name);
        try (InputStream body = ctx.bodyInputStream()) {
            ObjectNode result = service.facts().store(history, kind, body, null, false, Service.author(Api.principal(ctx), ctx));
            model.put("result", result);
            model.put("errors", List.of());
            model.put("message", "");
        } catch (BadRequest e) {
            // a refused file is an answer the page shows (200), not a failed request: the API says 400
            model.put("result", Api.object());
            model.put("errors", e.details());
            model.put("message", e.getMessage());
        }
        render(ctx, "upload-result.jte", model);
    }

    private void audit(Context ctx) {
        Principal principal = Api.requireRole(ctx, "verifying the store", AUDITOR);
        render(ctx, "audit.jte", Map.of("page", page(ctx, "Audit", null, "audit"), "verification", service.verification(),
                "list", service.agreementList(principal)));
    }

    /** An error as a page (the API's problems, in HTML); a refusal says no more than the API's does. */
    void error(Context ctx, int status, String title, String detail, List<String> details) {
        Principal principal = Api.principal(ctx);
        Sessions.Session session = ctx.attribute(SESSION);
        Page page = principal == null || session == null ? Page.anonymous(title)
                : new Page(title, principal.party(), principal.subject(), "", session.csrf(), "", "", "");
        ctx.status(status);
        render(ctx, "error.jte", Map.of("page", page, "status", status, "detail", detail, "details", details));
    }

    // ---------------------------------------------------------------- helpers

    /** Markup made by Treaty's own chart code (every label escaped there), placed into a page as is. */
    public record Svg(String markup) {
    }

    private void render(Context ctx, String template, Map<String, Object> model) {
        StringOutput output = new StringOutput(16 * 1024);
        templates.render(template, model, output);
        Long started = ctx.attribute(STARTED);
        // the server's time for the page, from the request's arrival to its rendered HTML (bench/web-pages.sh reads it)
        if (started != null) ctx.header("Server-Timing", "page;dur=" + String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e6));
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }

    private static void asset(Context ctx, String name, String type) throws IOException {
        try (InputStream in = Web.class.getResourceAsStream("/web/" + name)) {
            if (in == null) throw new Problem(404, "Not Found", "no such asset");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (name.endsWith(".css")) text = Charts.STYLE + text;
            ctx.header("Cache-Control", "max-age=3600").contentType(type).result(text);
        }
    }

    private static Optional<LocalDate> dateParam(Context ctx, String name) {
        return Api.optionalDate(ctx, name);
    }

    private static long afterParam(Context ctx) {
        return Api.after(ctx);
    }

    private static JsonNode readTree(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("an answer's own JSON cannot fail to read", e);
        }
    }

    /** An id made safe for an HTML id and a URL fragment. */
    public static String htmlId(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The anchor of a statement line's explanation. */
    public static String lineAnchor(String term, StatementLine line) {
        return "why-" + htmlId(term + "-" + line.from());
    }

    /** The anchor of a statement line's explanation, from the line's JSON. */
    public static String lineAnchor(String term, JsonNode line) {
        return "why-" + htmlId(term + "-" + line.get("from").asText());
    }

    /** An amount of the JSON (a plain decimal string) as pages show it: "USD 1,234,567.50". */
    public static String money(JsonNode amount, String currency) {
        if (amount == null || amount.isNull()) return "";
        return currency + " " + Wording.amount(Money.of(new BigDecimal(amount.asText()), java.util.Currency.getInstance(currency)));
    }

    /** The currency of a statement's JSON: its lines' ("USD" where it has none). */
    public static String currency(JsonNode statement) {
        List<JsonNode> lines = items(statement, "lines");
        return lines.isEmpty() ? "USD" : text(lines.get(0), "currency");
    }

    /** The text of a JSON member, or "" where it is missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** The members of a JSON array (none where it is missing). */
    public static List<JsonNode> items(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<JsonNode> list = new ArrayList<>();
        if (value != null && value.isArray()) value.forEach(list::add);
        return list;
    }

    /** The name-value pairs of a JSON object (none where it is missing). */
    public static List<Map.Entry<String, JsonNode>> fields(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        if (value != null && value.isObject()) value.properties().forEach(list::add);
        return list;
    }
}
