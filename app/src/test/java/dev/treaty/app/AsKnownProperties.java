package dev.treaty.app;

import dev.treaty.evaluator.decide.FirstRefusal;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.store.Database;
import dev.treaty.store.Ingest;
import dev.treaty.store.Store;
import dev.treaty.store.TestDatabases;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "As known at K" means one thing: the documents signed by K and the facts known by K. An answer
 * from the files equals the answer from a store into which the same documents and facts were put
 * later (here: before the property runs, so after every K of the past), for any K.
 */
class AsKnownProperties {

    private static final Path ROOT = Path.of(System.getProperty("treaty.root", "..")).toAbsolutePath().normalize();
    private static final Path FLAGSHIP = ROOT.resolve("examples/microsoft-openai");
    private static final Path EVENTS = FLAGSHIP.resolve("facts/events.jsonl");
    private static final Path READINGS = ROOT.resolve("cli/src/test/resources/facts/flagship-readings.jsonl");
    private static final Path REVENUE = FLAGSHIP.resolve("facts/revenue.csv");

    private static Path folder;
    private static Path late;
    private static String url;

    @BeforeContainer
    static void store() throws IOException {
        folder = Files.createTempDirectory("treaty-as-known");
        // lines that became known weeks after their date, as a finance extract with a recorded column says
        late = Files.writeString(folder.resolve("late.csv"), "id,date,party,product,kind,cloud,amount,currency,recorded\n"
                + "late-1,2026-03-20,OpenAI,chatgpt,non-api,azure,500000000.00,USD,2026-05-02T10:00:00Z\n"
                + "late-2,2026-06-10,OpenAI,gpt-5,api,azure,250000000.00,USD,2026-06-11T09:30:00Z\n"
                + "late-3,2025-12-30,Microsoft,azure-openai-service,api,azure,80000000.00,USD,2026-02-15T00:00:00Z\n");
        Database database = TestDatabases.fresh(TestDatabases.Kind.SQLITE, folder);
        url = "sqlite:" + database.file();
        Store.init(database, "test");
        try (Store store = Store.open(database, true)) {
            try (var files = Files.list(FLAGSHIP)) {
                store.addAgreements(files.filter(dev.treaty.model.AgreementFolder::isDocument).sorted().toList(), "test", "setup");
            }
            Ingest ingest = new Ingest(store, "test", "setup", false);
            assertThat(ingest.events(List.of(EVENTS, READINGS)).errors()).isEmpty();
            assertThat(ingest.revenue(List.of(REVENUE, late), RevenueReader.Progress.NONE).errors()).isEmpty();
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        long from = LocalDate.of(2019, 6, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long to = LocalDate.of(2031, 12, 31).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        Arbitrary<Instant> any = Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
        // and the ends of days, where an unrecorded fact of that day becomes known
        Arbitrary<Instant> endsOfDays = Arbitraries.longs().between(from / 86_400, to / 86_400)
                .map(day -> Instants.endOfDay(LocalDate.ofEpochDay(day)));
        return Arbitraries.oneOf(any, endsOfDays);
    }

    @Property(tries = 40)
    void filesAndAStoreAnswerTheSameAsKnownAtAnyInstant(@ForAll("instants") Instant knownAt) {
        Workspace.Inputs files = new Workspace.Inputs(Optional.of(FLAGSHIP), Optional.empty(), Optional.empty(), java.util.Map.of(),
                List.of(EVENTS, READINGS), List.of(REVENUE, late), false, knownAt, Instant.MAX, false);
        Workspace.Inputs stored = new Workspace.Inputs(Optional.empty(), Optional.of(url), Optional.empty(), java.util.Map.of(),
                List.of(), List.of(), false, knownAt, Instant.MAX, false);
        assertThat(answers(stored)).isEqualTo(answers(files));
    }

    /** Every reading command's answer on a few dates, as text; the folder a file came from is left out. */
    private static List<String> answers(Workspace.Inputs inputs) {
        List<String> answers = new ArrayList<>();
        try (Workspace workspace = Workspace.open(inputs, notice -> { }, RevenueReader.Progress.NONE)) {
            answers.add(outcome(() -> settlement(Settlements.settle(workspace, Settlements.Request.through(LocalDate.of(2030, 12, 31))))));
            for (LocalDate on : List.of(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 6, 10), LocalDate.of(2026, 5, 20),
                    LocalDate.of(2026, 9, 15))) {
                for (String product : List.of("gov-api", "codex-cloud", "research-assistant", "responses-api", "sora")) {
                    answers.add(outcome(() -> Decisions.gate(workspace, new ReleaseGate.Question(product, "aws",
                            Optional.of("us-national-security"), on), true).decision().why()));
                }
                answers.add(outcome(() -> Decisions.licence(workspace, new LicenceCheck.Question("Microsoft", "models",
                        Optional.empty(), on), true).decision().why()));
                answers.add(outcome(() -> Decisions.firstRefusal(workspace, new FirstRefusal.Question("OpenAI", "compute-capacity",
                        "oracle", on), true).decision().why()));
                answers.add(outcome(() -> Decisions.stake(workspace, "Microsoft", on).why()));
                answers.add(outcome(() -> Decisions.commitments(workspace, on).get(0).why()));
                answers.add(outcome(() -> Obligations.on(workspace, on).byParty().toString()));
            }
            answers.add(outcome(() -> workspace.agreement().versions().stream().map(v -> v.latest().id() + " " + v.inForce()).toList()));
        } catch (BadRequest refused) {
            answers.add("refused: " + refused.getMessage());
        }
        return answers;
    }

    private static String outcome(Supplier<Object> answer) {
        try {
            Object value = answer.get();
            String text = value instanceof dev.treaty.evaluator.explain.Explanation why ? ExplanationText.render(why) : String.valueOf(value);
            return text.replaceAll("\\S*/([^/\\s]+\\.treaty\\.md)", "$1");
        } catch (BadRequest refused) {
            return "refused: " + refused.getMessage();
        }
    }

    private static String settlement(SettlementResult result) {
        StringBuilder text = new StringBuilder();
        for (Statement statement : result.statements()) {
            for (StatementLine line : statement.lines()) {
                text.append(statement.term()).append(' ').append(line.period()).append(' ').append(line.from()).append("..")
                        .append(line.through()).append(' ').append(line.base()).append(' ').append(line.due()).append(' ')
                        .append(line.dueDate()).append(' ').append(line.capRemaining().map(Object::toString).orElse("-")).append('\n');
            }
        }
        result.net().forEach(n -> text.append(n).append('\n'));
        return text.toString();
    }
}
