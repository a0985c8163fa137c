package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the real server, on SQLite and on PostgreSQL, answering good and bad requests,
 * each response held against the OpenAPI document; and every operation the document declares seen
 * answering with success at least once (a route missing from the document, or documented and
 * missing from the server, fails).
 */
class ContractTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void everyResponseMatchesTheDocument(TestDatabases.Kind kind) throws Exception {
        OpenApiContract contract = new OpenApiContract();
        try (Served served = new Served(kind, dir, true)) {
            String reader = served.token("Microsoft", "reader");
            String operator = served.token("OpenAI", "operator");
            String auditor = served.token("Microsoft", "auditor");
            String pipeline = served.token("OpenAI", "pipeline");
            String outsider = served.token("Author", "reader", "operator", "auditor");
            String a = "/v1/agreements/msft-openai";
            Call call = (method, path, token, body, headers) -> {
                Served.Reply reply = served.send(method, path, token, body, headers);
                contract.check(method, path, reply);
                return reply;
            };

            for (String path : new String[] {"/health", "/ready", "/metrics", "/openapi.json"}) {
                assertThat(call.send("GET", path, null, null).status()).isEqualTo(200);
            }
            assertThat(call.send("GET", "/v1/agreements", reader, null).status()).isEqualTo(200);
            assertThat(call.send("GET", a, reader, null).json().get("versions").size()).isGreaterThan(3);
            assertThat(call.send("GET", a + "/terms?on=2026-06-01", reader, null).status()).isEqualTo(200);
            assertThat(call.send("GET", a + "/terms?on=2025-06-01&asKnown=2025-06-01", auditor, null).status()).isEqualTo(200);
            assertThat(call.send("GET", a + "/diff?from=2025-06-01&to=2026-06-01&through=2026-09-30", reader, null).json().has("money")).isTrue();
            assertThat(call.send("GET", a + "/diff?from=2025-06-01&to=2026-06-01", reader, null).status()).isEqualTo(200);

            String gate = "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2024-06-01\"}";
            JsonNode decided = call.send("POST", a + "/gate?explain=true", pipeline, gate).json();
            call.send("POST", a + "/gate", pipeline, "{\"questions\":[" + gate + "," + gate + "],\"asKnown\":\"2026-01-01\"}");
            String licence = "{\"licensee\":\"Microsoft\",\"class\":\"models\",\"on\":\"2026-06-01\"}";
            call.send("POST", a + "/license?explain=true", reader, licence);
            call.send("POST", a + "/license", reader, "{\"questions\":[" + licence + "]}");

            JsonNode settled = call.send("GET", a + "/settlement?through=2026-06-30&explain=true", reader, null).json();
            assertThat(settled.get("settlement").get("statements").size()).isGreaterThan(0);
            call.send("GET", a + "/settlement?through=2026-06-30&from=2026-01-01&asKnown=2026-07-15", operator, null);

            String tests = Files.readString(Served.root().resolve("examples/microsoft-openai/msft-openai.test.treaty.md"));
            JsonNode ran = call.send("POST", a + "/tests?name=msft-openai.test.treaty.md", reader, tests).json();
            assertThat(ran.get("tests").asInt()).isGreaterThan(25);
            assertThat(ran.get("passed").asBoolean()).isTrue();

            JsonNode issued = call.send("POST", a + "/statements?period=2026-Q1", operator, null).json();
            call.send("GET", a + "/statements", reader, null);
            call.send("GET", a + "/statements/" + issued.get("number").asInt(), reader, null);
            call.send("GET", a + "/balance", reader, null);

            call.send("GET", a + "/decisions?limit=2", auditor, null);
            call.send("GET", "/v1/decisions/" + decided.get("decision_id").asText(), auditor, null);
            JsonNode replayed = call.send("POST", "/v1/decisions/" + decided.get("decision_id").asText() + "/replay", auditor, null).json();
            assertThat(replayed.get("identical").asBoolean()).isTrue();

            String event = "{\"id\":\"pay-contract-test\",\"type\":\"payment\",\"on\":\"2026-11-20\",\"payer\":\"OpenAI\",\"payee\":\"Microsoft\","
                    + "\"amount\":\"1000\",\"currency\":\"USD\",\"reference\":\"contract test\"}\n";
            assertThat(call.send("POST", a + "/facts/events", operator, event, "Idempotency-Key", "contract-events").status()).isEqualTo(201);
            assertThat(call.send("POST", a + "/facts/events", operator, event, "Idempotency-Key", "contract-events").status()).isEqualTo(200);
            String revenue = "id,date,party,product,kind,category,cloud,region,segment,amount,currency\n"
                    + "contract-1,2026-10-02,OpenAI,chatgpt,non-api,consumer,azure,us,,1000.00,USD\n";
            assertThat(call.send("POST", a + "/facts/revenue", operator, revenue).status()).isEqualTo(201);
            call.send("POST", a + "/facts/revenue?correct=true", operator, revenue);

            Path amendment = Served.root().resolve("examples/microsoft-openai/2026-04-27-amendment.treaty.md");
            assertThat(call.send("POST", "/v1/agreements?name=2026-04-27-amendment.treaty.md", operator, Files.readString(amendment)).status())
                    .isEqualTo(200);
            assertThat(call.send("GET", "/v1/verify", auditor, null).json().get("ok").asBoolean()).isTrue();

            // refusals, each declared too
            assertThat(call.send("GET", "/v1/agreements", null, null).status()).isEqualTo(401);
            assertThat(call.send("GET", "/v1/agreements", pipeline, null).status()).isEqualTo(403);
            assertThat(call.send("GET", a, outsider, null).status()).isEqualTo(404);
            assertThat(call.send("GET", a + "/terms", reader, null).status()).isEqualTo(400);
            assertThat(call.send("GET", a + "/diff?from=2025-06-01&to=never", reader, null).status()).isEqualTo(400);
            assertThat(call.send("POST", a + "/gate", pipeline, "{}").status()).isEqualTo(400);
            assertThat(call.send("POST", a + "/license", outsider, licence).status()).isEqualTo(404);
            assertThat(call.send("GET", a + "/settlement", reader, null).status()).isEqualTo(400);
            assertThat(call.send("POST", a + "/statements?period=2026-Q1", reader, null).status()).isEqualTo(403);
            assertThat(call.send("POST", a + "/statements?period=2026-Q1", operator, null).status()).isEqualTo(400);   // issued already
            assertThat(call.send("GET", a + "/statements/99999", reader, null).status()).isEqualTo(404);
            assertThat(call.send("GET", a + "/balance", outsider, null).status()).isEqualTo(404);
            assertThat(call.send("GET", a + "/decisions", reader, null).status()).isEqualTo(403);
            assertThat(call.send("GET", "/v1/decisions/no-such-decision", auditor, null).status()).isEqualTo(404);
            assertThat(call.send("POST", "/v1/decisions/" + decided.get("decision_id").asText() + "/replay", outsider, null).status()).isEqualTo(404);
            assertThat(call.send("POST", a + "/facts/revenue", operator, "id,date\nx,2026-13-01\n").status()).isEqualTo(400);
            assertThat(call.send("POST", a + "/facts/events", reader, event).status()).isEqualTo(403);
            Served.Reply bad = call.send("POST", "/v1/agreements?name=bad.treaty.md", operator, "# nothing\n");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").get(0).asText()).startsWith("bad.treaty.md:1:1: error: no document header");
            assertThat(call.send("POST", "/v1/agreements?name=2026-04-27-amendment.treaty.md", outsider, Files.readString(amendment)).status())
                    .isEqualTo(404);
            assertThat(call.send("GET", "/v1/verify", reader, null).status()).isEqualTo(403);
            assertThat(call.send("POST", a + "/tests", outsider, tests).status()).isEqualTo(404);
            assertThat(call.send("POST", a + "/tests", pipeline, tests).status()).isEqualTo(403);
            Served.Reply broken = call.send("POST", a + "/tests?name=broken.test.treaty.md", reader, "```treaty-test\nonn: 2026-01-01\n```\n");
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.json().get("errors").get(0).asText()).startsWith("broken.test.treaty.md:2:1: error:");
        }
        assertThat(contract.succeeded()).as("operations seen answering with success").containsExactlyInAnyOrderElementsOf(contract.operations());
    }

    @FunctionalInterface
    interface Call {
        Served.Reply send(String method, String path, String token, String body, String... headers) throws Exception;
    }
}
