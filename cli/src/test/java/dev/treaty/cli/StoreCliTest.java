package dev.treaty.cli;

import dev.treaty.store.Database;
import dev.treaty.store.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store through the command line: the flagship end to end, and bad input that must leave the store as it was. */
class StoreCliTest {

    @TempDir
    Path dir;

    private String db;
    private Database database;

    private static String flagship(String file) {
        return Cli.flagship() + "/" + file;
    }

    @BeforeEach
    void store() {
        database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        db = "sqlite:" + database.file();
        ok("init", "--db", db);
        ok("agreement", "add", Cli.flagship(), "--db", db, "--who", "test");
        ok("ingest", flagship("facts/events.jsonl"), flagship("facts/revenue.csv"), "--db", db, "--who", "test");
    }

    private static Cli.Result ok(String... args) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.err()).isZero();
        return result;
    }

    @Test
    void theStoreAnswersAsTheFilesDo() {
        Cli.Result fromFiles = ok("settle", Cli.flagship(), "--revenue", flagship("facts/revenue.csv"), "--events",
                flagship("facts/events.jsonl"), "--through", "2030-12-31", "--csv");
        Cli.Result fromStore = ok("settle", "--db", db, "--through", "2030-12-31", "--csv");
        // the same statements; only where a version's clause was read differs (a folder path, or the stored file name)
        assertThat(fromStore.out().lines().count()).isEqualTo(fromFiles.out().lines().count());
        assertThat(fromStore.out()).isEqualTo(fromFiles.out());
        Cli.Result gateFiles = Cli.run("gate", Cli.flagship(), "--events", flagship("facts/events.jsonl"), "--product", "agent-kit",
                "--cloud", "gcp", "--on", "2026-07-01");
        Cli.Result gateStore = Cli.run("gate", "--db", db, "--product", "agent-kit", "--cloud", "gcp", "--on", "2026-07-01");
        assertThat(gateStore.exit()).isEqualTo(gateFiles.exit()).isZero();
    }

    /**
     * Every reading command prints the same from a store as from the files it was filled from, in
     * full and with its explanation; only where a clause was read is named differently (the
     * folder's path, or the stored file's name).
     */
    @Test
    void everyReadingCommandPrintsTheSameFromTheStoreAsFromTheFiles() {
        String events = flagship("facts/events.jsonl");
        String revenue = flagship("facts/revenue.csv");
        List<List<String>> questions = List.of(
                List.of("gate", "--product", "agent-kit", "--cloud", "gcp", "--on", "2026-07-01", "--explain"),
                List.of("gate", "--product", "chatgpt", "--cloud", "aws", "--on", "2024-06-01", "--explain"),
                List.of("license", "--licensee", "Microsoft", "--class", "models", "--on", "2026-06-01", "--explain"),
                List.of("license", "--licensee", "Microsoft", "--class", "research", "--on", "2030-06-01", "--explain"),
                List.of("buy", "--buyer", "OpenAI", "--seller", "oracle", "--subject", "compute-capacity", "--on", "2025-06-01", "--explain"),
                List.of("stake", "--holder", "Microsoft", "--on", "2026-06-01", "--explain"),
                List.of("commitment", "--on", "2026-06-01", "--explain"),
                List.of("show", "--on", "2026-06-01"),
                List.of("timeline"),
                List.of("diff", "--from", "2025-01-01", "--to", "2026-06-01"),
                List.of("obligations", "--on", "2026-06-01"),
                List.of("settle", "--through", "2026-12-31", "--explain"));
        for (List<String> question : questions) {
            boolean withEvents = !List.of("show", "timeline", "diff").contains(question.get(0));
            boolean withRevenue = List.of("obligations", "settle").contains(question.get(0));
            List<String> files = new java.util.ArrayList<>(List.of(question.get(0), Cli.flagship()));
            if (withEvents) files.addAll(List.of("--events", events));
            if (withRevenue) files.addAll(List.of("--revenue", revenue));
            files.addAll(question.subList(1, question.size()));
            List<String> stored = new java.util.ArrayList<>(List.of(question.get(0), "--db", db));
            stored.addAll(question.subList(1, question.size()));

            Cli.Result fromFiles = Cli.run(files.toArray(String[]::new));
            Cli.Result fromStore = Cli.run(stored.toArray(String[]::new));
            String asked = String.join(" ", question);
            assertThat(fromFiles.err()).as(asked).isEmpty();
            assertThat(fromFiles.out().lines().count()).as(asked).isGreaterThan(2);
            assertThat(fromStore.exit()).as(asked).isEqualTo(fromFiles.exit());
            // an agreement file is cited by its path in the folder, or by its name in the store; facts by the path ingested
            String folders = java.util.regex.Pattern.quote(Cli.flagship() + "/") + "|"
                    + java.util.regex.Pattern.quote(Path.of(Cli.flagship()).toAbsolutePath().normalize() + "/");
            assertThat(fromStore.out()).as(asked).isEqualTo(fromFiles.out().replaceAll("(" + folders + ")(?=[^/\\s]+\\.treaty\\.md)", ""));
        }
    }

    @Test
    void anIssuedStatementPrintsTheSameForEverAndTheNextCarriesAdjustments() throws IOException {
        String issued = ok("statement", "issue", "--period", "2026-Q1", "--db", db, "--who", "finance").out();
        assertThat(issued).startsWith("Statement 1 of msft-openai for 2026-Q1\n");
        Path fix = Files.writeString(dir.resolve("fix.csv"), "id,date,party,product,kind,category,cloud,region,segment,amount,currency\n"
                + "oai-2026-01-chatgpt-non-api-azure-us-a,2026-01-05,OpenAI,chatgpt,non-api,subscriptions,azure,us,,999999999.99,USD\n");
        ok("correct", fix.toString(), "--db", db, "--why", "restated January");
        assertThat(ok("statement", "show", "1", "--db", db).out()).isEqualTo(issued);
        assertThat(ok("statement", "show", "1", "--recompute", "--db", db).out()).isEqualTo(issued);
        String next = ok("statement", "issue", "--period", "2026-Q2", "--db", db).out();
        assertThat(next).contains("adjustment openai-to-microsoft", "2026-Q1");
        assertThat(ok("verify", "--db", db).out()).startsWith("ok: ");
        assertThat(ok("balance", "--db", db).out()).contains("OpenAI → Microsoft", "paid USD 750,000,000.00");
        assertThat(ok("balance", "--db", db, "--as-recorded", "2000-01-01").out()).isEqualTo("nothing is due and nothing was paid\n");
    }

    @Test
    void anAnswerAsRecordedWhenAStatementWasIssuedIsTheSameAfterCorrectionsAndARetroactiveAmendment() throws IOException {
        Database book = TestDatabases.fresh(TestDatabases.Kind.SQLITE, dir);
        String url = "sqlite:" + book.file();
        Path deal = Files.createDirectories(dir.resolve("deal"));
        Path examples = Cli.root().resolve("examples/book-deal");
        Files.copy(examples.resolve("2025-01-15-publishing-agreement.treaty.md"), deal.resolve("2025-01-15-publishing-agreement.treaty.md"));
        Path revenue = Files.writeString(dir.resolve("book.csv"), "id,date,party,category,amount,currency\n"
                + "p1,2025-11-15,Publisher,print,200000,USD\np2,2026-02-15,Publisher,print,40000,USD\na2,2026-02-15,Publisher,audio,4000,USD\n");
        ok("init", "--db", url);
        ok("agreement", "add", deal.toString(), "--db", url);
        ok("ingest", revenue.toString(), "--db", url);
        String issued = ok("statement", "issue", "--period", "2026-Q1", "--db", url).out();
        String instant = issued.lines().filter(l -> l.startsWith("issued ")).findFirst().orElseThrow().split(" ")[1].replace(",", "");
        String[] asKnown = {"settle", "--db", url, "--through", "2026-03-31", "--as-recorded", instant, "--csv"};
        String before = ok(asKnown).out();

        ok("correct", Files.writeString(dir.resolve("fix.csv"), "id,date,party,category,amount,currency\np2,2026-02-15,Publisher,print,45000,USD\n")
                .toString(), "--db", url);
        ok("agreement", "add", examples.resolve("2026-03-01-audio-rights.treaty.md").toString(), "--db", url, "--why", "signed late, effective 2026-01-01");

        assertThat(ok("statement", "show", "1", "--db", url).out()).isEqualTo(issued);
        assertThat(ok(asKnown).out()).isEqualTo(before);
        String now = ok("settle", "--db", url, "--through", "2026-03-31", "--csv").out();
        assertThat(now).isNotEqualTo(before).contains("audio-royalty");
        String next = ok("statement", "issue", "--period", "2026-Q2", "--db", url).out();
        // the advance is earned out in 2025: 15% of the 5,000 added to 2026-Q1, and 25% of its 4,000 of audio
        assertThat(next).containsPattern("adjustment print-royalty .* 2026-Q1 +USD +750.00")
                .containsPattern("adjustment audio-royalty .* 2026-Q1 +USD +1,000.00");
        assertThat(ok("verify", "--db", url).out()).startsWith("ok: ");
    }

    private static final String HEADER = "id,date,party,product,kind,category,cloud,region,segment,amount,currency\n";

    /** A bad input: the command, what its message must say. */
    private record Bad(String name, List<String> args, String message) {
    }

    @Test
    void badInputGetsAClearMessageAndLeavesTheStoreExactlyAsItWas() throws IOException {
        List<Bad> cases = new ArrayList<>();
        cases.add(new Bad("malformed CSV", ingest(csv("malformed.csv", HEADER + "x1,2026-01-05,OpenAI,chatgpt,\"non-api,,,,,10,USD\n")),
                "malformed CSV"));
        cases.add(new Bad("wrong type", ingest(csv("type.csv", HEADER + "x2,2026-01-05,OpenAI,chatgpt,non-api,,,,,12x,USD\n")),
                "type.csv:2"));
        cases.add(new Bad("impossible date", ingest(csv("date.csv", HEADER + "x3,2026-02-30,OpenAI,chatgpt,non-api,,,,,12,USD\n")),
                "date.csv:2"));
        cases.add(new Bad("conflicting id", ingest(csv("conflict.csv", HEADER
                + "oai-2019-07-openai-api-azure-eu-a,2019-07-08,OpenAI,openai-api,api,api,azure,eu,,1.00,USD\n")),
                "conflict.csv:2: field 'id': 'oai-2019-07-openai-api-azure-eu-a' is already stored with different content"));
        cases.add(new Bad("unknown party", ingest(csv("party.csv", HEADER + "x4,2026-01-05,Contoso,chatgpt,non-api,,,,,12,USD\n")),
                "'Contoso' is not a party of any stored agreement"));
        cases.add(new Bad("unknown agreement", List.of("statement", "issue", "--period", "2026-Q1", "--agreement", "nope", "--db", db),
                "no agreement 'nope'"));
        cases.add(new Bad("truncated file", ingest(csv("truncated.csv", HEADER + "x5,2026-01-05,OpenAI,chatgpt,non-api,,,,,12,USD\nx6,2026-01-0")),
                "truncated.csv:3"));
        cases.add(new Bad("unknown event type", ingest(csv("type.jsonl", "{\"id\":\"e1\",\"type\":\"merger\",\"on\":\"2026-01-01\"}\n")),
                "type.jsonl:1"));
        cases.add(new Bad("payment by an unknown party", ingest(csv("pay.jsonl",
                "{\"id\":\"p9\",\"type\":\"payment\",\"on\":\"2026-01-01\",\"payer\":\"Contoso\",\"payee\":\"OpenAI\",\"amount\":\"5\",\"currency\":\"USD\"}\n")),
                "'Contoso' is not a party of any stored agreement"));
        cases.add(new Bad("correction of a fact never stored", List.of("correct", csv("fix.csv", "supersedes," + HEADER.substring(3)
                + "no-such-id,2026-01-05,OpenAI,chatgpt,non-api,,,,,12,USD\n"), "--db", db), "field 'supersedes': no fact 'no-such-id' is stored"));
        cases.add(new Bad("not a facts file", ingest(csv("notes.txt", "hello\n")), "not a revenue file (.csv) or an events file (.jsonl)"));
        cases.add(new Bad("missing file", ingest(dir.resolve("absent.csv").toString()), "absent.csv: no such file"));
        cases.add(new Bad("empty file", ingest(csv("empty.csv", "")), "empty file"));
        cases.add(new Bad("a broken agreement", List.of("agreement", "add", "src/test/resources/bad/06-money-times-money.treaty.md", "--db", db),
                "1 error"));
        cases.add(new Bad("no such period", List.of("statement", "issue", "--period", "2026-Q5", "--db", db),
                "--period: '2026-Q5' is not a calendar period"));
        cases.add(new Bad("missing database", List.of("ingest", flagship("facts/revenue.csv"), "--db", "sqlite:" + dir.resolve("none.db")),
                "no Treaty store at " + dir.resolve("none.db")));
        cases.add(new Bad("not a Treaty database", List.of("verify", "--db", "sqlite:" + Files.writeString(dir.resolve("other.db"), ""))
                , "is not a Treaty store"));

        for (Bad bad : cases) {
            String before = TestDatabases.dump(database);
            Cli.Result result = Cli.run(bad.args().toArray(String[]::new));
            assertThat(result.exit()).as(bad.name() + ": " + result.err()).isEqualTo(2);
            assertThat(result.out() + result.err()).as(bad.name()).contains(bad.message()).doesNotContain("Exception", "\tat ");
            assertThat(TestDatabases.dump(database)).as(bad.name() + " left the store as it was").isEqualTo(before);
        }
        assertThat(dir.resolve("none.db")).doesNotExist();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void aReadOnlyDatabaseRefusesWritesAndKeepsItsContent() throws IOException {
        Database postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL, dir);
        String url = postgres.url();
        ok("init", "--db", url);
        ok("agreement", "add", Cli.flagship(), "--db", url);
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        TestDatabases.execute(postgres, "alter database " + name + " set default_transaction_read_only = on");
        String before = TestDatabases.dump(postgres);
        Cli.Result result = Cli.run("ingest", flagship("facts/revenue.csv"), "--db", url);
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("read-only").doesNotContain("Exception");
        assertThat(TestDatabases.dump(postgres)).isEqualTo(before);
    }

    private List<String> ingest(String file) {
        return List.of("ingest", file, "--db", db);
    }

    private String csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }
}
