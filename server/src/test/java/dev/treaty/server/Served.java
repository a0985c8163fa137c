package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.treaty.app.Records;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import io.javalin.Javalin;

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
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A real service on a free loopback port, over a fresh store (SQLite or embedded PostgreSQL)
 * holding the flagship (with its events and revenue) and the book deal; tokens signed by a key
 * of its own JWKS. Shared by the server's tests.
 */
final class Served implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Database database;
    final RSAKey key;
    final Service service;
    final Javalin server;
    final ByteArrayOutputStream access = new ByteArrayOutputStream();
    private final HttpClient client = HttpClient.newHttpClient();

    static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    Served(TestDatabases.Kind kind, Path dir, boolean revenue) throws Exception {
        this(kind, dir, revenue, Service.Options.defaults());
    }

    Served(TestDatabases.Kind kind, Path dir, boolean revenue, Service.Options options) throws Exception {
        this(kind, dir, database -> {
            Records.Author author = new Records.Author("test", "");
            Records.addAgreements(database, root().resolve("examples/microsoft-openai"), author);
            Records.addAgreements(database, root().resolve("examples/book-deal"), author);
            Path facts = root().resolve("examples/microsoft-openai/facts");
            Records.load(database, revenue ? List.of(facts.resolve("events.jsonl"), facts.resolve("revenue.csv"))
                    : List.of(facts.resolve("events.jsonl")), false, author, RevenueReader.Progress.NONE);
        }, options);
    }

    /** A service on a fresh store filled by {@code fill}. */
    Served(TestDatabases.Kind kind, Path dir, java.util.function.Consumer<Database> fill, Service.Options options) throws Exception {
        database = TestDatabases.fresh(kind, dir);
        Store.init(database, "test");
        fill.accept(database);
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        Path auth = Files.writeString(dir.resolve("auth.json"), "{\"issuer\": \"https://id.example\", \"audience\": \"treaty\", \"jwks\": \""
                + jwks.getFileName() + "\"}");
        service = new Service(database, new Authenticator(Authenticator.Config.read(auth)), new PrintStream(access, true, StandardCharsets.UTF_8),
                options);
        server = service.create().start("127.0.0.1", 0);
    }

    /** The access log once it holds {@code text} (its own thread writes it, a moment after the answer), or after five seconds as it is. */
    String accessLog(String text) throws InterruptedException {
        for (int i = 0; i < 100 && !access.toString(StandardCharsets.UTF_8).contains(text); i++) Thread.sleep(50);
        return access.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
        service.close();
    }

    JWTClaimsSet.Builder claims(String party, String... roles) {
        return new JWTClaimsSet.Builder().issuer("https://id.example").audience("treaty").subject(party.toLowerCase() + "-user")
                .claim("party", party).claim("roles", List.of(roles)).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    String token(String party, String... roles) throws Exception {
        return signed(claims(party, roles).build());
    }

    record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Reply send(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                response.headers().map());
    }

    Reply get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, String body, String... headers) throws Exception {
        return send("POST", path, token, body, headers);
    }
}
