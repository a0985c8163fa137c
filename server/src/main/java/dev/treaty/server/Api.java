package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.treaty.app.Instants;
import dev.treaty.app.Snapshot;
import dev.treaty.model.time.AgreementHistory;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What every route does with a request: who asks, may they, which agreement, which parameters; and how answers are sent. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PRINCIPAL = "treaty.principal";
    /** The longest text parameter accepted. */
    static final int TEXT_MAX = 200;
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Api() {
    }

    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /**
     * The principal, if it holds one of the roles; 403 otherwise. Checked before the agreement is
     * looked up, so a refusal says nothing about whether the agreement exists.
     */
    static Principal requireRole(Context ctx, String action, Principal.Role... roles) {
        Principal principal = principal(ctx);
        for (Principal.Role role : roles) if (principal.may(role)) return principal;
        throw Problem.forbidden(action + " needs the " + String.join(" or ", Arrays.stream(roles)
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList()) + " role");
    }

    /** The agreement if the principal's party is on it; the same 404 as for no agreement at all otherwise. */
    static AgreementHistory visible(Context ctx, Snapshot snapshot, String id) {
        Principal principal = principal(ctx);
        if (!snapshot.agreementsOf(principal.party()).contains(id)) throw Problem.noSuchAgreement(id);
        return snapshot.history(id).orElseThrow(() -> Problem.noSuchAgreement(id));
    }

    static String required(Context ctx, String name) {
        return optional(ctx, name).orElseThrow(() -> Problem.badRequest("query parameter '" + name + "' is required"));
    }

    static Optional<String> optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return Optional.empty();
        if (value.length() > TEXT_MAX) throw Problem.badRequest("query parameter '" + name + "' is longer than " + TEXT_MAX + " characters");
        return Optional.of(value);
    }

    static LocalDate date(String field, String text) {
        try {
            // YYYY-MM-DD read directly (a pipeline sends one per question); anything else through the strict formatter
            if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4) && digits(text, 5, 7) && digits(text, 8, 10)) {
                try {
                    return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
                } catch (java.time.DateTimeException e) {
                    throw new DateTimeParseException(e.getMessage(), text, 0);
                }
            }
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(field + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        return true;
    }

    static LocalDate date(Context ctx, String name) {
        return date("query parameter '" + name + "'", required(ctx, name));
    }

    static Optional<LocalDate> optionalDate(Context ctx, String name) {
        return optional(ctx, name).map(text -> date("query parameter '" + name + "'", text));
    }

    /** {@code asKnown}: an ISO instant or day; absent means everything recorded. */
    static Instant asKnown(Context ctx) {
        return Instants.parse("asKnown", ctx.queryParam("asKnown"));
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) return false;
        if (value.equals("true")) return true;
        if (value.equals("false")) return false;
        throw Problem.badRequest("query parameter '" + name + "': '" + value + "' is not true or false");
    }

    static int limit(Context ctx, int fallback, int max) {
        Optional<String> text = optional(ctx, "limit");
        if (text.isEmpty()) return fallback;
        try {
            int limit = Integer.parseInt(text.get());
            if (limit < 1 || limit > max) throw new NumberFormatException();
            return limit;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("query parameter 'limit': '" + text.get() + "' is not a whole number from 1 to " + max);
        }
    }

    static long after(Context ctx) {
        Optional<String> text = optional(ctx, "after");
        if (text.isEmpty()) return 0;
        try {
            long after = Long.parseLong(text.get());
            if (after < 0) throw new NumberFormatException();
            return after;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("query parameter 'after': '" + text.get() + "' is not a whole number ≥ 0");
        }
    }

    /** The request body as a JSON object (bodies are bounded by the server's request size). */
    static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.bodyInputStream());
            if (node == null || !node.isObject()) throw Problem.badRequest("the body must be a JSON object");
            return node;
        } catch (IOException e) {
            throw Problem.badRequest("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A text field of a JSON object; {@code where} names it in errors ("questions[2].product"). */
    static Optional<String> text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw Problem.badRequest(where + field + ": must be a string");
        if (value.asText().isBlank()) throw Problem.badRequest(where + field + ": must not be empty");
        if (value.asText().length() > TEXT_MAX) throw Problem.badRequest(where + field + ": is longer than " + TEXT_MAX + " characters");
        return Optional.of(value.asText());
    }

    static String requiredText(JsonNode node, String field, String where) {
        return text(node, field, where).orElseThrow(() -> Problem.badRequest(where + field + ": is required"));
    }

    static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void problem(Context ctx, int status, String title, String detail, List<String> details) {
        ObjectNode body = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
        if (!details.isEmpty()) details.forEach(body.putArray("errors")::add);
        ctx.status(status).contentType("application/problem+json").result(body.toString());
    }
}
