package dev.treaty.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.treaty.app.Records;
import dev.treaty.app.testing.TestReader;
import dev.treaty.app.testing.TestRunner;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance corpus: every test file of the flagship and of the book deal, sent to the
 * service holding those agreements and their facts, gets the same verdict and the same answer for
 * every expectation as {@code treaty test} gives on the folder. Broken-variant tests, which edit
 * files the service does not hand out, are the only ones it skips.
 */
class TestsOverHttpTest {

    @TempDir
    Path dir;

    @Test
    void theSameTestFileGivesTheSameVerdictsFromTheCommandLineAndOverHttp() throws Exception {
        Path flagship = Served.root().resolve("examples/microsoft-openai");
        Path book = Served.root().resolve("examples/book-deal");
        try (Served served = new Served(TestDatabases.Kind.SQLITE, dir, database -> {
            Records.Author author = new Records.Author("test", "");
            Records.addAgreements(database, flagship, author);
            Records.addAgreements(database, book, author);
            Records.load(database, List.of(flagship.resolve("facts/events.jsonl"), flagship.resolve("facts/revenue.csv"),
                    book.resolve("facts/revenue.csv")), false, author, RevenueReader.Progress.NONE);
        }, Service.Options.defaults())) {
            String token = served.token("Microsoft", "reader");
            String author = served.token("Author", "reader");
            int compared = 0;
            int skipped = 0;
            for (Path folder : List.of(flagship, book)) {
                String agreement = folder.equals(flagship) ? "msft-openai" : "northwind-book";
                Map<String, String> local = new TreeMap<>();
                for (TestRunner.Result r : TestRunner.run(TestReader.read(List.of(folder))).results()) {
                    r.checks().forEach(c -> local.put(r.test().name() + " | " + c.expectation().subject(), c.passed() + " " + c.actual()));
                }
                Map<String, String> remote = new TreeMap<>();
                try (var files = Files.list(folder)) {
                    for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".treaty.md")).sorted().toList()) {
                        String text = Files.readString(file);
                        if (!text.contains("```treaty-test")) continue;
                        Served.Reply reply = served.post("/v1/agreements/" + agreement + "/tests?name=" + file.getFileName(),
                                folder.equals(flagship) ? token : author, text);
                        assertThat(reply.status()).as(file + ": " + reply.body()).isEqualTo(200);
                        for (JsonNode r : reply.json().get("results")) {
                            if (r.has("skipped")) {
                                skipped++;
                                continue;
                            }
                            assertThat(r.has("error")).as(r.toString()).isFalse();
                            r.get("expectations").forEach(c -> remote.put(r.get("name").asText() + " | " + c.get("expect").asText(),
                                    c.get("passed").asBoolean() + " " + c.get("actual").asText()));
                        }
                    }
                }
                List<String> differences = new ArrayList<>();
                remote.forEach((key, verdict) -> {
                    if (!verdict.equals(local.get(key))) differences.add(key + ": command line " + local.get(key) + ", HTTP " + verdict);
                });
                assertThat(differences).as(agreement).isEmpty();
                Map<String, String> expected = new TreeMap<>(local);
                expected.keySet().removeIf(key -> key.endsWith("| diagnostic"));
                assertThat(remote.keySet()).as(agreement + ": every expectation but the broken variants' ran over HTTP").isEqualTo(expected.keySet());
                assertThat(remote.values()).as(agreement + ": every expectation holds over HTTP").allMatch(v -> v.startsWith("true "));
                compared += remote.size();
            }
            assertThat(compared).as("expectations compared").isGreaterThan(140);
            assertThat(skipped).as("the broken-variant tests, and only they, are skipped").isEqualTo(4);
        }
    }
}
