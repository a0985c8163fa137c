package dev.treaty.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.treaty.report.Json;
import dev.treaty.server.Authenticator;
import dev.treaty.server.Service;
import dev.treaty.store.Database;
import dev.treaty.store.TestDatabases;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flagship answered over HTTP is the command line's answer: settlements byte for byte as
 * `treaty settle --json` prints them (from the store and from the files), and every gate and licence
 * question of the decision tests with the same verdict, exit code and explanation.
 */
class ServedFlagshipTest {

    @TempDir
    static Path dir;

    static String db;
    static Javalin server;
    static Service service;
    static String token;
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static String flagship(String file) {
        return Cli.flagship() + "/" + file;
    }

    @BeforeAll
    static void start() throws Exception {
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        db = "sqlite:" + database.file();
        for (String[] args : List.of(new String[] {"init", "--db", db}, new String[] {"agreement", "add", Cli.flagship(), "--db", db},
                new String[] {"ingest", flagship("facts/events.jsonl"), flagship("facts/revenue.csv"), "--db", db})) {
            assertThat(Cli.run(args).exit()).isZero();
        }
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        Path auth = Files.writeString(dir.resolve("auth.json"), "{\"issuer\":\"i\",\"audience\":\"treaty\",\"jwks\":\"jwks.json\"}");
        service = new Service(database, new Authenticator(Authenticator.Config.read(auth)), new PrintStream(PrintStream.nullOutputStream()));
        server = service.create().start("127.0.0.1", 0);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(), new JWTClaimsSet.Builder().issuer("i")
                .audience("treaty").subject("finance").claim("party", "Microsoft").claim("roles", List.of("reader"))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
        jwt.sign(new RSASSASigner(key));
        token = jwt.serialize();
    }

    @AfterAll
    static void stop() {
        server.stop();
        service.close();
    }

    static JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void settlementsAreTheCommandLinesByteForByte() throws Exception {
        List<String[]> asked = List.of(new String[] {"2030-12-31"}, new String[] {"2026-09-30", "2026-07-01"}, new String[] {"2026-12-31", "2026-01-01",
                "openai-to-microsoft"});
        for (String[] q : asked) {
            String query = "through=" + q[0] + (q.length > 1 ? "&from=" + q[1] : "") + (q.length > 2 ? "&term=" + q[2] : "");
            List<String> args = new ArrayList<>(List.of("settle", "--through", q[0], "--json"));
            if (q.length > 1) args.addAll(List.of("--from", q[1]));
            if (q.length > 2) args.addAll(List.of("--term", q[2]));
            List<String> fromStore = new ArrayList<>(args);
            fromStore.addAll(List.of("--db", db));
            List<String> fromFiles = new ArrayList<>(args);
            fromFiles.addAll(List.of(Cli.flagship(), "--revenue", flagship("facts/revenue.csv"), "--events", flagship("facts/events.jsonl")));
            Cli.Result store = Cli.run(fromStore.toArray(String[]::new));
            Cli.Result files = Cli.run(fromFiles.toArray(String[]::new));
            assertThat(store.exit()).as(store.err()).isZero();
            String overHttp = Json.pretty(call("GET", "/v1/agreements/msft-openai/settlement?" + query, null).get("settlement")) + System.lineSeparator();
            assertThat(overHttp).as(query).isEqualTo(store.out()).isEqualTo(files.out());
        }
    }

    @Test
    void everyDecisionOfTheDecisionTestsIsTheCommandLines() throws Exception {
        String[][] gates = {{"chatgpt", "aws", "", "2024-06-01"}, {"chatgpt", "azure", "", "2024-06-01"}, {"openai-api", "gcp", "", "2025-06-01"},
                {"chatgpt", "gcp", "", "2025-06-01"}, {"responses-api", "aws", "", "2025-12-01"}, {"gov-api", "aws", "us-national-security", "2025-12-01"},
                {"gov-api", "aws", "", "2025-12-01"}, {"chatgpt", "oracle", "", "2025-12-01"}, {"chatgpt", "aws", "", "2026-06-01"},
                {"agent-kit", "gcp", "", "2026-07-01"}, {"voice-engine", "aws", "", "2026-08-01"}, {"research-assistant", "gcp", "", "2026-09-15"},
                {"research-assistant", "gcp", "", "2026-10-05"}, {"deep-memory", "aws", "", "2026-09-01"}, {"deep-memory", "aws", "", "2026-10-20"}};
        int yes = 0;
        for (String[] g : gates) {
            List<String> args = new ArrayList<>(List.of("gate", "--db", db, "--product", g[0], "--cloud", g[1], "--on", g[3], "--json"));
            if (!g[2].isEmpty()) args.addAll(List.of("--segment", g[2]));
            Cli.Result cli = Cli.run(args.toArray(String[]::new));
            String body = "{\"product\":\"" + g[0] + "\",\"cloud\":\"" + g[1] + "\",\"on\":\"" + g[3] + "\"" + (g[2].isEmpty() ? "" : ",\"segment\":\"" + g[2] + "\"") + "}";
            same(cli, call("POST", "/v1/agreements/msft-openai/gate?explain=true", body), String.join(" ", g));
            yes += cli.exit() == 0 ? 1 : 0;
        }
        assertThat(yes).as("both answers occur").isBetween(1, gates.length - 1);
        String[][] licences = {{"Microsoft", "models", "2026-06-01"}, {"Microsoft", "models", "2024-06-01"}, {"Microsoft", "models", "2025-12-01"},
                {"Microsoft", "consumer-hardware", "2026-06-01"}, {"Microsoft", "research", "2027-06-01"}};
        for (String[] l : licences) {
            Cli.Result cli = Cli.run("license", "--db", db, "--licensee", l[0], "--class", l[1], "--on", l[2], "--json");
            same(cli, call("POST", "/v1/agreements/msft-openai/license?explain=true",
                    "{\"licensee\":\"" + l[0] + "\",\"class\":\"" + l[1] + "\",\"on\":\"" + l[2] + "\"}"), String.join(" ", l));
        }
    }

    @Test
    void aLoggedDecisionReplaysFromTheCommandLineAndAnApiKeyWorksUntilRevoked() throws Exception {
        String id = call("POST", "/v1/agreements/msft-openai/gate", "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2024-06-01\"}")
                .get("decision_id").asText();
        Cli.Result replay = Cli.run("replay", id, "--db", db);
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("decision " + id + ": gate", "logged:   DENIED", "replayed: DENIED",
                "identical: the same answer, version and explanation");
        assertThat(Cli.run("replay", "no-such.0", "--db", db).exit()).isEqualTo(2);

        Cli.Result created = Cli.run("apikey", "create", "--party", "OpenAI", "--role", "pipeline", "--label", "ci", "--db", db);
        assertThat(created.exit()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("tk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown once");
        String keyId = key.substring(3, 19);
        assertThat(Cli.run("apikey", "list", "--db", db).out()).contains(keyId + "  OpenAI  pipeline").doesNotContain(key);
        HttpRequest gate = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/agreements/msft-openai/gate"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2026-06-01\"}")).build();
        assertThat(CLIENT.send(gate, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(Cli.run("apikey", "revoke", keyId, "--db", db).exit()).isZero();
        assertThat(Cli.run("apikey", "revoke", keyId, "--db", db).exit()).as("revoked already").isEqualTo(2);
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(CLIENT.send(gate, HttpResponse.BodyHandlers.ofString()).statusCode()).as("refused once revoked").isEqualTo(401);
        assertThat(Cli.run("apikey", "create", "--party", "OpenAI", "--role", "admin", "--db", db).err()).contains("role: 'admin' is not one of reader, pipeline, operator, auditor");
    }

    static void same(Cli.Result cli, JsonNode http, String question) throws Exception {
        JsonNode printed = JSON.readTree(cli.out());
        assertThat(http.get("answer").asText()).as(question).isEqualTo(printed.get("verdict").asText());
        assertThat(http.get("exit_code").asInt()).as(question).isEqualTo(cli.exit());
        assertThat(http.get("explanation").get("tree")).as(question).isEqualTo(printed.get("explanation"));
        assertThat(http.get("version").get("documents").get(http.get("version").get("documents").size() - 1).get("id").asText())
                .isEqualTo(printed.get("version").asText());
    }
}
