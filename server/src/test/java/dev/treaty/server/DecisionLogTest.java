package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.treaty.app.LoggedDecisions;
import dev.treaty.app.Records;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import dev.treaty.store.Verify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision log: a thousand answers logged, then the store moves on (new facts, and a
 * retroactive amendment that changes some answers asked anew), and every logged answer replayed as
 * it was known and recorded is still identical; an edited or removed entry is found by verify; a
 * masked field is kept only as its hash.
 */
class DecisionLogTest {

    @TempDir
    Path dir;

    static final String[] PRODUCTS = {"chatgpt", "openai-api"};
    static final String[] CLOUDS = {"aws", "azure", "gcp", "oracle"};

    /** An amendment signed 2026-03-01 and effective 2026-01-01 that takes the e-book rights back. */
    static final String EBOOK_RIGHTS_RETURN = """
            # Amendment 2: the e-book rights return to the Author

            ```treaty
            amendment northwind-book-ebook "Amendment 2: e-book rights return" amends northwind-book
            signed 2026-03-01
            effective 2026-01-01
            ```

            ## 1 Grant of rights

            The Author grants the Publisher the exclusive right to publish the Work in print only.

            ```treaty
            replace

            licence print-and-ebook "Print rights" {
              licensor Author
              licensee Publisher
              covers [print]
              exclusive
              from 2025-01-15
              through 2034-12-31
            }
            ```
            """;

    /** The flagship and the book deal without its amendments. */
    Served serve(Service.Options options) throws Exception {
        return new Served(TestDatabases.Kind.SQLITE, dir, database -> {
            Records.Author author = new Records.Author("test", "");
            Records.addAgreements(database, Served.root().resolve("examples/microsoft-openai"), author);
            Records.addAgreements(database, Served.root().resolve("examples/book-deal/2025-01-15-publishing-agreement.treaty.md"), author);
            Records.load(database, List.of(Served.root().resolve("examples/microsoft-openai/facts/events.jsonl")), false, author,
                    RevenueReader.Progress.NONE);
        }, options);
    }

    @Test
    void aThousandDecisionsReplayIdenticallyAfterTheStoreMovesOnAndTamperingIsFound() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Served served = serve(Service.Options.defaults())) {
            String microsoft = served.token("Microsoft", "pipeline");
            String publisher = served.token("Publisher", "pipeline");
            Random random = new Random(7);
            for (int batch = 0; batch < 10; batch++) {
                StringBuilder gates = new StringBuilder();
                StringBuilder licences = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    String on = (2023 + random.nextInt(5)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                    gates.append(i == 0 ? "" : ",").append("{\"product\":\"").append(PRODUCTS[random.nextInt(2)]).append("\",\"cloud\":\"")
                            .append(CLOUDS[random.nextInt(4)]).append("\",\"on\":\"").append(on).append("\"}");
                    String day = "2026-0" + (1 + random.nextInt(6)) + "-1" + random.nextInt(10);
                    licences.append(i == 0 ? "" : ",").append("{\"licensee\":\"Publisher\",\"class\":\"")
                            .append(random.nextBoolean() ? "ebook" : "print").append("\",\"on\":\"").append(day).append("\"}");
                }
                String asKnown = batch % 2 == 0 ? "" : ",\"asKnown\":\"2026-0" + (1 + batch % 9) + "-15\"";
                Served.Reply gated = served.post("/v1/agreements/msft-openai/gate", microsoft, "{\"questions\":[" + gates + "]" + asKnown + "}");
                assertThat(gated.status()).as(gated.body()).isEqualTo(200);
                for (JsonNode d : gated.json().get("decisions")) {
                    ids.add(d.get("decision_id").asText());
                }
                Served.Reply licensed = served.post("/v1/agreements/northwind-book/license", publisher,
                        "{\"questions\":[" + licences + "]" + asKnown + "}");
                assertThat(licensed.status()).as(licensed.body()).isEqualTo(200);
                for (JsonNode d : licensed.json().get("decisions")) {
                    ids.add(d.get("decision_id").asText());
                }
            }
            assertThat(ids).hasSize(1_000).doesNotHaveDuplicates();
            String ebookBefore = served.post("/v1/agreements/northwind-book/license", publisher,
                    "{\"licensee\":\"Publisher\",\"class\":\"ebook\",\"on\":\"2026-02-01\"}").json().get("answer").asText();

            // the store moves on: a later event, and a retroactive amendment
            String operator = served.token("Microsoft", "operator");
            Served.Reply events = served.post("/v1/agreements/msft-openai/facts/events", operator,
                    "{\"id\":\"p-sora\",\"type\":\"product\",\"on\":\"2026-05-01\",\"name\":\"sora\",\"owner\":\"OpenAI\",\"kind\":\"non-api\","
                            + "\"capabilities\":[\"video\"]}\n{\"id\":\"r-sora-oracle\",\"type\":\"release\",\"on\":\"2026-05-01\",\"product\":\"sora\","
                            + "\"cloud\":\"oracle\"}\n");
            assertThat(events.status()).as(events.body()).isEqualTo(201);
            Served.Reply added = served.post("/v1/agreements?name=2026-03-01-ebook-return.treaty.md", served.token("Author", "operator"),
                    EBOOK_RIGHTS_RETURN);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            String ebookAfter = served.post("/v1/agreements/northwind-book/license", publisher,
                    "{\"licensee\":\"Publisher\",\"class\":\"ebook\",\"on\":\"2026-02-01\"}").json().get("answer").asText();
            assertThat(ebookBefore).startsWith("LICENSED");
            assertThat(ebookAfter).as("asked anew, the retroactive amendment answers otherwise").startsWith("NOT LICENSED");

            List<LoggedDecisions.Replayed> replayed = LoggedDecisions.replay(served.database, ids);
            assertThat(replayed).hasSize(1_000);
            assertThat(replayed.stream().filter(r -> !r.identical()).map(r -> r.logged().entry().id() + " " + r.logged().entry().request()
                    + ": " + r.logged().entry().answer() + " → " + r.answer()).toList()).isEmpty();
            assertThat(replayed.stream().filter(r -> r.logged().entry().request().contains("ebook") && r.logged().entry().answer().startsWith("LICENSED")
                    && r.logged().entry().request().contains("2026-0")).count()).as("logged answers the amendment would change").isGreaterThan(50);
            JsonNode overHttp = served.post("/v1/decisions/" + ids.get(999) + "/replay", served.token("Publisher", "auditor"), null).json();
            assertThat(overHttp.get("identical").asBoolean()).isTrue();
            assertThat(served.get("/v1/verify", served.token("Microsoft", "auditor")).json().get("ok").asBoolean()).isTrue();
        }

        // tampering: an answer edited, then an entry removed
        String url = "jdbc:sqlite:" + served(dir);
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().executeUpdate("update decision set answer = replace(answer, 'DENIED', 'ALLOWED') where seq = 5");
        }
        try (Store store = Store.open(dev.treaty.store.Database.of("sqlite:" + served(dir)), false)) {
            assertThat(Verify.run(store).problems()).anyMatch(p -> p.startsWith("decision log: entry 5 (") && p.endsWith("was altered: its hash"
                    + " does not match its content"));
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().executeUpdate("delete from decision where seq = 7");
        }
        try (Store store = Store.open(dev.treaty.store.Database.of("sqlite:" + served(dir)), false)) {
            assertThat(Verify.run(store).problems()).contains("decision log: entry 7 is missing (the next is 8)");
        }
    }

    /** The SQLite file the fixture made in {@code dir}. */
    static Path served(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
        }
    }

    @Test
    void aMaskedFieldIsKeptOnlyAsItsHash() throws Exception {
        try (Served served = serve(new Service.Options(Set.of("subject", "request")))) {
            String id = served.post("/v1/agreements/msft-openai/gate", served.token("Microsoft", "pipeline"),
                    "{\"product\":\"chatgpt\",\"cloud\":\"aws\",\"on\":\"2024-06-01\"}").json().get("decision_id").asText();
            JsonNode logged = served.get("/v1/decisions/" + id, served.token("Microsoft", "auditor")).json();
            assertThat(logged.get("subject").asText()).matches("masked:sha256:[0-9a-f]{64}");
            assertThat(logged.get("request").asText()).matches("masked:sha256:[0-9a-f]{64}");
            assertThat(logged.get("answer").asText()).isEqualTo("DENIED");
            Served.Reply replay = served.post("/v1/decisions/" + id + "/replay", served.token("Microsoft", "auditor"), null);
            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.json().get("detail").asText()).contains("masked");
            assertThat(served.accessLog("/replay")).as("the replay's line is written, and no line names the subject")
                    .contains("/replay").doesNotContain("microsoft-user");
        }
    }
}
