package dev.treaty.server;

import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import dev.treaty.store.Verify;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight clients post revenue at once, their files overlapping (the same fact, by id and content, in
 * several files of several clients): every fact is stored once, every post is answered with success,
 * and the store verifies.
 */
class ConcurrentIngestTest {

    @TempDir
    Path dir;

    static final int CLIENTS = 8;
    static final int FILES = 4;
    static final int LINES = 400;
    static final int UNIVERSE = 2_000;

    static String line(int id) {
        return "overlap-" + id + ",2026-0" + (1 + id % 9) + "-2" + id % 8 + ",OpenAI,chatgpt,non-api,consumer,azure,us,," + (1_000 + id) + ".25,USD\n";
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void overlappingPostsStoreEachFactOnce(TestDatabases.Kind kind) throws Exception {
        try (Served served = new Served(kind, dir, false)) {
            String token = served.token("OpenAI", "operator");
            Set<Integer> posted = new TreeSet<>();
            List<List<String>> bodies = new ArrayList<>();
            Random random = new Random(11);
            for (int c = 0; c < CLIENTS; c++) {
                List<String> files = new ArrayList<>();
                for (int f = 0; f < FILES; f++) {
                    Set<Integer> ids = new TreeSet<>();
                    while (ids.size() < LINES) ids.add(random.nextInt(UNIVERSE));
                    StringBuilder body = new StringBuilder("id,date,party,product,kind,category,cloud,region,segment,amount,currency\n");
                    ids.forEach(id -> body.append(line(id)));
                    posted.addAll(ids);
                    files.add(body.toString());
                }
                bodies.add(files);
            }
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (List<String> files : bodies) {
                statuses.add(clients.submit(() -> {
                    List<Integer> codes = new ArrayList<>();
                    for (String body : files) codes.add(served.post("/v1/agreements/msft-openai/facts/revenue", token, body).status());
                    return codes;
                }));
            }
            for (Future<List<Integer>> status : statuses) assertThat(status.get()).allMatch(code -> code == 200 || code == 201);
            clients.shutdown();
            try (Store store = Store.open(served.database, false)) {
                long[] lines = {0};
                store.revenue(Store.MAX, line -> lines[0]++);
                assertThat(lines[0]).as("each fact once").isEqualTo(posted.size());
                Verify.Report report = Verify.run(store);
                assertThat(report.problems()).isEmpty();
                assertThat(report.facts()).as("fact versions: none stored twice").isEqualTo(posted.size() + 32);
            }
        }
    }
}
