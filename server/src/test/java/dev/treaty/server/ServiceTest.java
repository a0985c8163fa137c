package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.treaty.app.Decisions;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a real SQLite store holding the flagship and the book deal: who gets in (deny by
 * default), who sees what (a party only its own agreements, and a hidden agreement looks exactly
 * like a missing one), and that an answer over HTTP is the application layer's answer.
 */
class ServiceTest {

    @TempDir
    static java.nio.file.Path dir;

    static Served served;

    @BeforeAll
    static void start() throws Exception {
        served = new Served(TestDatabases.Kind.SQLITE, dir, false);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    static final String GATE = "/v1/agreements/msft-openai/gate";

    static String gate(String product, String cloud, String on) {
        return "{\"product\":\"" + product + "\",\"cloud\":\"" + cloud + "\",\"on\":\"" + on + "\"}";
    }

    @Test
    void healthAndReadinessNeedNoToken() throws Exception {
        assertThat(served.get("/health", null).json().get("status").asText()).isEqualTo("up");
        Served.Reply ready = served.get("/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
        assertThat(ready.json().get("migrations").asText()).isEqualTo("current");
        assertThat(ready.body()).as("no caller needs to know where the store is").doesNotContain(dir.toString(), ".db");
        assertThat(served.get("/openapi.json", null).json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void whatAnyoneMayReadNamesNoAgreementPartyOrStore() throws Exception {
        String openai = served.token("OpenAI", "reader");
        served.post(GATE, openai, gate("chatgpt", "aws", "2024-06-01"));
        served.get("/v1/agreements/northwind-book", openai);                                  // hidden from OpenAI: 404
        served.get("/v1/agreements/northwind-book/settlement?through=2026-09-30", served.token("Author", "reader"));
        served.get("/v1/agreements/no-such-agreement/terms?on=2026-01-01", openai);
        served.get("/no/such/path/msft-openai", null);
        for (String path : new String[] {"/health", "/ready", "/metrics"}) {
            assertThat(served.get(path, null).body()).as(path)
                    .doesNotContain("msft-openai", "northwind-book", "no-such-agreement", "Microsoft", "OpenAI", "Author", dir.toString());
        }
        assertThat(served.get("/metrics", null).body()).as("routes by their template, never the path asked")
                .contains("route=\"/v1/agreements/{id}/gate\"", "route=\"/v1/agreements/{id}\"");
    }

    @Test
    void readinessSaysAStoreIsBehindWithoutSayingWhereItIs() throws Exception {
        String last = "(select max(installed_rank) from flyway_schema_history)";
        TestDatabases.execute(served.database, "create table held_back as select * from flyway_schema_history where installed_rank = " + last);
        TestDatabases.execute(served.database, "delete from flyway_schema_history where installed_rank = " + last);
        try {
            Served.Reply behind = served.get("/ready", null);
            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.json().get("detail").asText()).isEqualTo("the store's schema is 1 migration behind; the server's log says which store");
            assertThat(behind.body()).doesNotContain(dir.toString(), ".db");
        } finally {
            TestDatabases.execute(served.database, "insert into flyway_schema_history select * from held_back");
            TestDatabases.execute(served.database, "drop table held_back");
        }
        assertThat(served.get("/ready", null).status()).isEqualTo(200);
    }

    @Test
    void everyTokenThatDoesNotHoldIsRefusedAlike() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), served.claims("OpenAI", "reader").build());
        forged.sign(new RSASSASigner(other));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), served.claims("OpenAI", "reader").build());
        hmac.sign(new MACSigner(served.key.toRSAPublicKey().getModulus().toByteArray()));
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("not a JWT", "abc.def");
        refused.put("alg none", new PlainJWT(served.claims("OpenAI", "reader").build()).serialize());
        refused.put("HMAC with the public key", hmac.serialize());
        refused.put("signed by another key", forged.serialize());
        refused.put("expired", served.signed(served.claims("OpenAI", "reader").expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()));
        refused.put("another audience", served.signed(served.claims("OpenAI", "reader").audience("someone-else").build()));
        refused.put("another issuer", served.signed(served.claims("OpenAI", "reader").issuer("https://evil.example").build()));
        refused.put("no party", served.signed(served.claims("OpenAI", "reader").claim("party", null).build()));
        refused.put("an unknown role", served.signed(served.claims("OpenAI", "superuser").build()));
        refused.put("an API key never issued", "tk_0123456789abcdef_" + "A".repeat(43));
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            for (Served.Reply reply : List.of(served.get("/v1/agreements", entry.getValue()),
                    served.post(GATE, entry.getValue(), gate("chatgpt", "aws", "2026-06-01")))) {
                assertThat(reply.status()).as(entry.getKey()).isEqualTo(401);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.body()).as(entry.getKey()).doesNotContain("Microsoft", "chatgpt\"", "ALLOWED", "DENIED");
            }
        }
    }

    @Test
    void aPartySeesOnlyTheAgreementsItIsOnAndAHiddenOneLooksMissing() throws Exception {
        assertThat(served.get("/v1/agreements", served.token("OpenAI", "reader")).json().findValuesAsText("id")).containsExactly("msft-openai");
        assertThat(served.get("/v1/agreements", served.token("Author", "reader")).json().findValuesAsText("id")).containsExactly("northwind-book");
        assertThat(served.get("/v1/agreements", served.token("Nobody", "reader", "auditor")).json().get("agreements")).isEmpty();

        Served.Reply hidden = served.post(GATE, served.token("Author", "reader"), gate("chatgpt", "aws", "2026-06-01"));
        Served.Reply missing = served.post("/v1/agreements/no-such-deal/gate", served.token("Author", "reader"), gate("chatgpt", "aws", "2026-06-01"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.body().replace("msft-openai", "ID")).isEqualTo(missing.body().replace("no-such-deal", "ID"));
        assertThat(hidden.body()).doesNotContain("Microsoft", "OpenAI", "azure", "ALLOWED", "DENIED");
    }

    @Test
    void aPipelineAsksForDecisionsOnly() throws Exception {
        assertThat(served.get("/v1/agreements", served.token("OpenAI", "pipeline")).status()).isEqualTo(403);
        assertThat(served.get("/v1/agreements/msft-openai/settlement?through=2026-06-30", served.token("OpenAI", "pipeline")).status())
                .isEqualTo(403);
        assertThat(served.post(GATE, served.token("OpenAI", "pipeline"), gate("chatgpt", "aws", "2026-06-01")).status()).isEqualTo(200);
    }

    @Test
    void anAnswerOverHttpIsTheApplicationsAnswer() throws Exception {
        String[][] questions = {{"chatgpt", "aws", "2024-06-01"}, {"chatgpt", "azure", "2024-06-01"}, {"openai-api", "gcp", "2025-06-01"},
                {"deep-memory", "aws", "2026-09-01"}, {"deep-memory", "aws", "2026-10-20"}};
        for (String[] q : questions) {
            Served.Reply reply = served.post(GATE + "?explain=true", served.token("Microsoft", "reader"), gate(q[0], q[1], q[2]));
            assertThat(reply.status()).isEqualTo(200);
            Decisions.Answer expected;
            try (Workspace workspace = Workspace.open(new Workspace.Inputs(Optional.empty(), Optional.of(served.database.argument()),
                    Optional.of("msft-openai"), Map.of(), List.of(), List.of(), false, Instant.MAX, Instant.MAX, false), n -> { },
                    RevenueReader.Progress.NONE)) {
                expected = Decisions.gate(workspace, new ReleaseGate.Question(q[0], q[1], Optional.empty(), LocalDate.parse(q[2])), true);
            }
            JsonNode answer = reply.json();
            assertThat(answer.get("answer").asText()).isEqualTo(expected.decision().verdict());
            assertThat(answer.get("yes").asBoolean()).isEqualTo(expected.decision().yes());
            assertThat(answer.get("exit_code").asInt()).isEqualTo(expected.exitCode());
            assertThat(answer.get("explanation").get("text").asText()).isEqualTo(ExplanationText.render(expected.decision().why()));
            assertThat(answer.get("version").get("documents").findValuesAsText("id"))
                    .containsExactlyElementsOf(expected.version().applied().stream().map(d -> d.id()).toList());
            assertThat(answer.get("version").get("documents").findValuesAsText("sha256")).allMatch(h -> h.matches("[0-9a-f]{64}"));
            assertThat(answer.get("decision_id").asText()).isNotBlank();
        }
        Served.Reply licence = served.post("/v1/agreements/msft-openai/license", served.token("Microsoft", "reader"),
                "{\"licensee\":\"Microsoft\",\"class\":\"models\",\"on\":\"2026-06-01\"}");
        assertThat(licence.status()).isEqualTo(200);
        assertThat(licence.json().get("answer").asText()).startsWith("LICENSED");
        assertThat(licence.json().has("explanation")).as("only on request").isFalse();
        assertThat(served.get("/metrics", null).body()).contains("treaty_decisions_total{answer=\"ALLOWED\",kind=\"gate\"}",
                "treaty_http_requests_seconds_bucket");
        assertThat(served.accessLog("/license")).contains("\"route\":\"/v1/agreements/{id}/gate\"", "\"party\":\"Microsoft\"");
    }

    @Test
    void aBatchAnswersEachQuestionInOrderAndOneBadQuestionRefusesTheBatch() throws Exception {
        String token = served.token("OpenAI", "pipeline");
        String body = "{\"questions\":[" + gate("chatgpt", "aws", "2024-06-01") + "," + gate("chatgpt", "azure", "2024-06-01") + "]}";
        Served.Reply reply = served.post(GATE, token, body);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode decisions = reply.json().get("decisions");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).get("question").get("cloud").asText()).isEqualTo("aws");
        assertThat(decisions.get(1).get("yes").asBoolean()).isTrue();
        assertThat(decisions.get(0).get("decision_id").asText()).isNotEqualTo(decisions.get(1).get("decision_id").asText());

        Served.Reply bad = served.post(GATE, token, "{\"questions\":[" + gate("chatgpt", "aws", "2024-06-01") + "," + gate("chatgpt", "aws", "2024-13-01") + "]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).isEqualTo("questions[1].on: '2024-13-01' is not a date (YYYY-MM-DD)");
        String tooMany = "{\"questions\":[" + String.join(",", java.util.Collections.nCopies(1001, gate("chatgpt", "aws", "2024-06-01"))) + "]}";
        assertThat(served.post(GATE, token, tooMany).json().get("detail").asText()).isEqualTo("questions: must be a list of 1 to 1000 questions");
    }

    @Test
    void badQuestionsAreProblemsThatSayWhatToChange() throws Exception {
        String token = served.token("Microsoft", "reader");
        Served.Reply noDate = served.post(GATE, token, "{\"product\":\"chatgpt\",\"cloud\":\"aws\"}");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("detail").asText()).isEqualTo("on: is required");
        Served.Reply badDate = served.post(GATE, token, gate("chatgpt", "aws", "2026-02-30"));
        assertThat(badDate.json().get("detail").asText()).isEqualTo("on: '2026-02-30' is not a date (YYYY-MM-DD)");
        Served.Reply badKnown = served.post(GATE, token, "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2026-01-30\",\"asKnown\":\"soon\"}");
        assertThat(badKnown.status()).isEqualTo(400);
        assertThat(badKnown.json().get("detail").asText()).contains("asKnown: 'soon'");
        assertThat(served.post(GATE, token, gate("nothing", "aws", "2026-01-30")).status()).isEqualTo(400);
        assertThat(served.post(GATE, token, "not json").json().get("detail").asText()).startsWith("the body is not JSON");
        assertThat(served.post(GATE, token, "[1]").json().get("detail").asText()).isEqualTo("the body must be a JSON object");
        assertThat(served.post(GATE, token, "{\"product\":7,\"cloud\":\"aws\",\"on\":\"2026-01-30\"}").json().get("detail").asText())
                .isEqualTo("product: must be a string");
        Served.Reply nowhere = served.get("/v2/nothing", token);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.contentType()).startsWith("application/problem+json");
        Served.Reply wrongMethod = served.get(GATE, token);
        assertThat(wrongMethod.status()).isIn(404, 405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }
}
