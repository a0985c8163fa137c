package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.treaty.app.Decisions;
import dev.treaty.app.Records;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a real SQLite store holding the flagship and the book deal, on a free loopback
 * port: who gets in (deny by default), who sees what (a party only its own agreements, and a hidden
 * agreement looks exactly like a missing one), and that an answer over HTTP is the application
 * layer's answer.
 */
class ServiceTest {

    @TempDir
    static Path dir;

    static Database database;
    static RSAKey key;
    static Javalin server;
    static HttpClient client = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final ByteArrayOutputStream ACCESS = new ByteArrayOutputStream();

    static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        Store.init(database, "test");
        Records.Author author = new Records.Author("test", "");
        Records.addAgreements(database, root().resolve("examples/microsoft-openai"), author);
        Records.addAgreements(database, root().resolve("examples/book-deal"), author);
        Records.load(database, List.of(root().resolve("examples/microsoft-openai/facts/events.jsonl")), false, author, RevenueReader.Progress.NONE);
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        Path auth = Files.writeString(dir.resolve("auth.json"), "{\"issuer\": \"https://id.example\", \"audience\": \"treaty\", \"jwks\": \""
                + jwks.getFileName() + "\"}");
        Service service = new Service(database, new Authenticator(Authenticator.Config.read(auth)),
                new PrintStream(ACCESS, true, StandardCharsets.UTF_8));
        server = service.create().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static JWTClaimsSet.Builder claims(String party, String... roles) {
        return new JWTClaimsSet.Builder().issuer("https://id.example").audience("treaty").subject(party.toLowerCase() + "-user")
                .claim("party", party).claim("roles", List.of(roles)).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String token(String party, String... roles) throws Exception {
        return signed(claims(party, roles).build());
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static Reply get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @Test
    void healthAndReadinessNeedNoToken() throws Exception {
        assertThat(get("/health", null).json().get("status").asText()).isEqualTo("up");
        Reply ready = get("/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("agreements").asInt()).isEqualTo(2);
        assertThat(get("/openapi.json", null).json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void everyTokenThatDoesNotHoldIsRefusedAlike() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims("OpenAI", "reader").build());
        forged.sign(new RSASSASigner(other));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims("OpenAI", "reader").build());
        hmac.sign(new MACSigner(key.toRSAPublicKey().getModulus().toByteArray()));
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("not a JWT", "abc.def");
        refused.put("alg none", new PlainJWT(claims("OpenAI", "reader").build()).serialize());
        refused.put("HMAC with the public key", hmac.serialize());
        refused.put("signed by another key", forged.serialize());
        refused.put("expired", signed(claims("OpenAI", "reader").expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()));
        refused.put("another audience", signed(claims("OpenAI", "reader").audience("someone-else").build()));
        refused.put("another issuer", signed(claims("OpenAI", "reader").issuer("https://evil.example").build()));
        refused.put("no party", signed(claims("OpenAI", "reader").claim("party", null).build()));
        refused.put("an unknown role", signed(claims("OpenAI", "superuser").build()));
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            for (String path : List.of("/v1/agreements", "/v1/agreements/msft-openai/gate?product=chatgpt&cloud=aws&on=2026-06-01")) {
                Reply reply = get(path, entry.getValue());
                assertThat(reply.status()).as(entry.getKey() + " " + path).isEqualTo(401);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.body()).as(entry.getKey()).doesNotContain("Microsoft", "chatgpt\"", "ALLOWED", "DENIED");
            }
        }
    }

    @Test
    void aPartySeesOnlyTheAgreementsItIsOnAndAHiddenOneLooksMissing() throws Exception {
        assertThat(get("/v1/agreements", token("OpenAI", "reader")).json().findValuesAsText("id")).containsExactly("msft-openai");
        assertThat(get("/v1/agreements", token("Author", "reader")).json().findValuesAsText("id")).containsExactly("northwind-book");
        assertThat(get("/v1/agreements", token("Nobody", "reader", "auditor")).json().get("agreements")).isEmpty();

        Reply hidden = get("/v1/agreements/msft-openai/gate?product=chatgpt&cloud=aws&on=2026-06-01", token("Author", "reader"));
        Reply missing = get("/v1/agreements/no-such-deal/gate?product=chatgpt&cloud=aws&on=2026-06-01", token("Author", "reader"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.body().replace("msft-openai", "ID")).isEqualTo(missing.body().replace("no-such-deal", "ID"));
        assertThat(hidden.body()).doesNotContain("Microsoft", "OpenAI", "azure", "ALLOWED", "DENIED");
    }

    @Test
    void aPipelineAsksForDecisionsOnly() throws Exception {
        assertThat(get("/v1/agreements", token("OpenAI", "pipeline")).status()).isEqualTo(403);
        assertThat(get("/v1/agreements/msft-openai/gate?product=chatgpt&cloud=aws&on=2026-06-01", token("OpenAI", "pipeline")).status())
                .isEqualTo(200);
    }

    @Test
    void anAnswerOverHttpIsTheApplicationsAnswer() throws Exception {
        String[][] questions = {{"chatgpt", "aws", "2024-06-01"}, {"chatgpt", "azure", "2024-06-01"}, {"openai-api", "gcp", "2025-06-01"},
                {"deep-memory", "aws", "2026-09-01"}, {"deep-memory", "aws", "2026-10-20"}};
        for (String[] q : questions) {
            Reply reply = get("/v1/agreements/msft-openai/gate?product=" + q[0] + "&cloud=" + q[1] + "&on=" + q[2], token("Microsoft", "reader"));
            assertThat(reply.status()).isEqualTo(200);
            Decisions.Answer expected;
            try (Workspace workspace = Workspace.open(new Workspace.Inputs(Optional.empty(), Optional.of(database.argument()),
                    Optional.of("msft-openai"), Map.of(), List.of(), List.of(), false, Instant.MAX, Instant.MAX, false), n -> { },
                    RevenueReader.Progress.NONE)) {
                expected = Decisions.gate(workspace, new ReleaseGate.Question(q[0], q[1], Optional.empty(), LocalDate.parse(q[2])), true);
            }
            JsonNode answer = reply.json();
            assertThat(answer.get("answer").asText()).isEqualTo(expected.decision().verdict());
            assertThat(answer.get("yes").asBoolean()).isEqualTo(expected.decision().yes());
            assertThat(answer.get("explanation").asText()).isEqualTo(ExplanationText.render(expected.decision().why()));
            assertThat(answer.get("version").get("documents").findValuesAsText("id"))
                    .containsExactlyElementsOf(expected.version().applied().stream().map(d -> d.id()).toList());
        }
        Reply licence = get("/v1/agreements/msft-openai/licence?licensee=Microsoft&class=models&on=2026-06-01", token("Microsoft", "reader"));
        assertThat(licence.status()).isEqualTo(200);
        assertThat(licence.json().get("answer").asText()).startsWith("LICENSED");
        assertThat(get("/metrics", null).body()).contains("treaty_decisions_total{answer=\"ALLOWED\",kind=\"gate\"}",
                "treaty_http_requests_seconds_bucket");
        assertThat(ACCESS.toString(StandardCharsets.UTF_8)).contains("\"route\":\"/v1/agreements/{id}/gate\"", "\"party\":\"Microsoft\"");
    }

    @Test
    void badQuestionsAreProblemsThatSayWhatToChange() throws Exception {
        String token = token("Microsoft", "reader");
        Reply noDate = get("/v1/agreements/msft-openai/gate?product=chatgpt&cloud=aws", token);
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("detail").asText()).isEqualTo("query parameter 'on' is required");
        Reply badDate = get("/v1/agreements/msft-openai/gate?product=chatgpt&cloud=aws&on=2026-02-30", token);
        assertThat(badDate.json().get("detail").asText()).isEqualTo("query parameter 'on': '2026-02-30' is not a date (YYYY-MM-DD)");
        Reply badKnown = get("/v1/agreements/msft-openai/gate?product=chatgpt&cloud=aws&on=2026-01-30&asKnown=soon", token);
        assertThat(badKnown.status()).isEqualTo(400);
        assertThat(badKnown.json().get("detail").asText()).contains("asKnown: 'soon'");
        Reply unknownProduct = get("/v1/agreements/msft-openai/gate?product=nothing&cloud=aws&on=2026-01-30", token);
        assertThat(unknownProduct.status()).isEqualTo(400);
        Reply nowhere = get("/v2/nothing", token);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.contentType()).startsWith("application/problem+json");
    }
}
