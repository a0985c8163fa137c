package dev.treaty.server;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.treaty.store.ApiKeys;
import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint under /v1 × every way of being refused: each gives the status specified (401 for a
 * credential that does not hold, 404 for an agreement the party is not on, exactly as for one that
 * does not exist, 403 for a role too low), and no refused body holds any name, figure or id of the
 * agreement it was refused.
 */
class AuthorizationMatrixTest {

    @TempDir
    static Path dir;

    static Served served;
    static String decision;

    /** An endpoint, the body it takes, and the roles that may call it. */
    record Endpoint(String method, String path, String body, Set<Principal.Role> roles) {
    }

    static final Set<Principal.Role> READERS = Set.of(Principal.Role.READER, Principal.Role.AUDITOR, Principal.Role.OPERATOR);
    static final Set<Principal.Role> ANYONE = Set.of(Principal.Role.values());
    static final Set<Principal.Role> OPERATORS = Set.of(Principal.Role.OPERATOR);
    static final Set<Principal.Role> AUDITORS = Set.of(Principal.Role.AUDITOR);

    static List<Endpoint> endpoints() {
        String a = "/v1/agreements/msft-openai";
        return List.of(
                new Endpoint("GET", a, null, READERS),
                new Endpoint("GET", a + "/terms?on=2026-06-01", null, READERS),
                new Endpoint("GET", a + "/diff?from=2025-06-01&to=2026-06-01", null, READERS),
                new Endpoint("POST", a + "/gate", "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2024-06-01\"}", ANYONE),
                new Endpoint("POST", a + "/license", "{\"licensee\":\"Microsoft\",\"class\":\"models\",\"on\":\"2026-06-01\"}", ANYONE),
                new Endpoint("GET", a + "/settlement?through=2026-06-30", null, READERS),
                new Endpoint("GET", a + "/statements", null, READERS),
                new Endpoint("POST", a + "/statements?period=2030-Q4", null, OPERATORS),
                new Endpoint("GET", a + "/statements/1", null, READERS),
                new Endpoint("GET", a + "/balance", null, READERS),
                new Endpoint("GET", a + "/decisions", null, AUDITORS),
                new Endpoint("POST", a + "/facts/revenue", "id,date\n", OPERATORS),
                new Endpoint("POST", a + "/facts/events", "{}\n", OPERATORS),
                new Endpoint("GET", "/v1/decisions/DECISION", null, ANYONE),
                new Endpoint("POST", "/v1/decisions/DECISION/replay", null, ANYONE));
    }

    @BeforeAll
    static void start() throws Exception {
        served = new Served(TestDatabases.Kind.SQLITE, dir, true);
        decision = served.post("/v1/agreements/msft-openai/gate", served.token("Microsoft", "reader"),
                "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2024-06-01\"}").json().get("decision_id").asText();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** What no refused body may hold: the flagship's parties, products, clouds, figures and decision. */
    static final List<String> SECRETS = List.of("Microsoft", "OpenAI", "chatgpt", "azure", "ALLOWED", "DENIED", "LICENSED", "USD", "sha256");

    static void refusedWithoutAHint(Served.Reply reply, String what) {
        String body = reply.body().replace("msft-openai", "ID").replace(decision, "ID");
        for (String secret : SECRETS) assertThat(body).as(what + ": " + reply.body()).doesNotContainIgnoringCase(secret);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
    }

    @Test
    void everyEndpointRefusesEveryCredentialThatDoesNotHold() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("expired", served.signed(served.claims("Microsoft", "reader", "auditor", "operator")
                .expirationTime(Date.from(Instant.now().minusSeconds(60))).build()));
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                served.claims("Microsoft", "reader", "auditor", "operator").build());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("k1").generate()));
        refused.put("wrong signature", forged.serialize());
        refused.put("alg none", new PlainJWT(served.claims("Microsoft", "reader", "auditor", "operator").build()).serialize());
        refused.put("wrong audience", served.signed(served.claims("Microsoft", "reader", "auditor", "operator").audience("other").build()));
        ApiKeys.Created key;
        try (Store store = Store.open(served.database, true)) {
            key = ApiKeys.create(store, "Microsoft", List.of("reader", "auditor", "operator", "pipeline"), "revoked in the test", "test");
        }
        assertThat(served.get("/v1/agreements", key.token()).status()).as("the key works before it is revoked").isEqualTo(200);
        try (Store store = Store.open(served.database, true)) {
            assertThat(ApiKeys.revoke(store, key.key().id(), "test")).isTrue();
        }
        served.get("/ready", null);       // the service reads the store again
        refused.put("revoked API key", key.token());

        List<String> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String path = endpoint.path().replace("DECISION", decision);
            for (Map.Entry<String, String> credential : refused.entrySet()) {
                Served.Reply reply = served.send(endpoint.method(), path, credential.getValue(), endpoint.body());
                String what = credential.getKey() + " → " + endpoint.method() + " " + path;
                assertThat(reply.status()).as(what).isEqualTo(401);
                refusedWithoutAHint(reply, what);
                cases.add(what);
            }
        }
        assertThat(cases).hasSize(endpoints().size() * 6);
    }

    @Test
    void aPartyNotOnTheAgreementFindsNothingThereAndCannotTellItFromNothing() throws Exception {
        String outsider = served.token("Author", "reader", "auditor", "operator", "pipeline");
        for (Endpoint endpoint : endpoints()) {
            String path = endpoint.path().replace("DECISION", decision);
            Served.Reply hidden = served.send(endpoint.method(), path, outsider, endpoint.body());
            String what = "Author → " + endpoint.method() + " " + path;
            assertThat(hidden.status()).as(what).isEqualTo(404);
            refusedWithoutAHint(hidden, what);
            String missingPath = path.replace("msft-openai", "no-such-deal").replace(decision, "00000000-0000-0000-0000-000000000000");
            Served.Reply missing = served.send(endpoint.method(), missingPath, outsider, endpoint.body());
            assertThat(missing.status()).as(what).isEqualTo(404);
            assertThat(hidden.body().replace("msft-openai", "ID").replace(decision, "ID"))
                    .as(what).isEqualTo(missing.body().replace("no-such-deal", "ID").replace("00000000-0000-0000-0000-000000000000", "ID"));
        }
    }

    @Test
    void aRoleTooLowIsForbiddenBeforeTheAgreementIsLookedUp() throws Exception {
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Principal.Role role : Principal.Role.values()) {
                if (endpoint.roles().contains(role)) continue;
                String name = role.name().toLowerCase();
                for (String id : List.of("msft-openai", "no-such-deal")) {
                    String path = endpoint.path().replace("DECISION", decision).replace("msft-openai", id);
                    Served.Reply reply = served.send(endpoint.method(), path, served.token("Microsoft", name), endpoint.body());
                    String what = name + " → " + endpoint.method() + " " + path;
                    assertThat(reply.status()).as(what).isEqualTo(403);
                    refusedWithoutAHint(reply, what);
                    checked++;
                }
            }
        }
        assertThat(served.get("/v1/agreements", served.token("Microsoft", "pipeline")).status()).isEqualTo(403);
        assertThat(served.get("/v1/verify", served.token("Microsoft", "reader", "operator")).status()).isEqualTo(403);
        assertThat(served.post("/v1/agreements?name=x.treaty.md", served.token("Microsoft", "reader", "auditor"), "x").status()).isEqualTo(403);
        assertThat(checked).isGreaterThan(30);
    }
}
