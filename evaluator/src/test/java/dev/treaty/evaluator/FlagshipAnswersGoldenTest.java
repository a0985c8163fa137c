package dev.treaty.evaluator;

import dev.treaty.evaluator.decide.Decision;
import dev.treaty.evaluator.decide.FirstRefusal;
import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.decide.UnanswerableQuestion;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.Settlement;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flagship's answers in full, computed by the evaluator alone and compared with golden files
 * ({@code src/test/resources/golden/}; regenerate with {@code -Dtreaty.updateGolden=true} and
 * review the diff): every statement line with each of its figures and its explanation, the net
 * positions, and a grid of release gates, licences, purchases under the right of first refusal,
 * stakes and commitments over the products, clouds, parties and dates of the record. The command
 * line's golden files check what it prints; these check what the evaluator computes, so that a
 * wrong change in the evaluator is caught by the evaluator's own tests.
 */
class FlagshipAnswersGoldenTest {

    /** Relative to the module, so the paths in explanations are the same on every machine. */
    private static final Path FLAGSHIP = Path.of("../examples/microsoft-openai");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static final AgreementFolder.Loaded LOADED = Fixtures.load(FLAGSHIP);
    private static final AgreementHistory HISTORY = LOADED.histories().get(0);
    private static final AgreementHistory.AsKnown KNOWN = HISTORY.asKnown(LocalDate.MAX);
    private static final Facts FACTS = facts();

    private static Facts facts() {
        EventReader.Result read = EventReader.read(List.of(FLAGSHIP.resolve("facts/events.jsonl"),
                Path.of("../cli/src/test/resources/facts/flagship-readings.jsonl")));
        assertThat(read.errors()).isEmpty();
        return new Facts(read.facts());
    }

    private static final List<LocalDate> DATES = List.of("2019-08-01", "2023-03-01", "2025-03-01", "2025-06-01", "2025-11-15",
            "2026-03-01", "2026-05-01", "2026-07-01", "2030-12-31", "2031-01-01", "2032-12-31", "2033-01-01")
            .stream().map(LocalDate::parse).toList();

    /** The days the release rules changed around: before and after each era. */
    private static final List<LocalDate> GATE_DATES = List.of("2019-08-01", "2025-03-01", "2025-11-15", "2026-05-01", "2026-07-01",
            "2033-01-01").stream().map(LocalDate::parse).toList();

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("treaty.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        assertThat(golden).as("golden file (regenerate with -Dtreaty.updateGolden=true)").exists();
        assertThat(actual).as("compared with " + golden).isEqualTo(Files.readString(golden));
    }

    @Test
    void everyStatementLineWithItsFiguresAndExplanation() throws IOException {
        SettlementPlan plan = SettlementPlan.of(SettlementPlan.schedule(KNOWN), FACTS, LocalDate.of(2031, 12, 31), Optional.empty());
        RevenueReader.Result read = RevenueReader.read(List.of(FLAGSHIP.resolve("facts/revenue.csv")), plan, RevenueReader.Progress.NONE);
        assertThat(read.errors()).isEmpty();
        SettlementResult result = Settlement.compute(plan, KNOWN.assumptions(), Optional.empty());

        StringBuilder out = new StringBuilder();
        out.append("revenue lines ").append(result.revenueLines()).append(", counted by no term ").append(result.ignoredLines()).append('\n');
        for (Statement statement : result.statements()) {
            out.append("\n== ").append(statement.term()).append(": ").append(statement.payer()).append(" → ").append(statement.payee())
                    .append(", base ").append(statement.totalBase()).append(", gross ").append(statement.totalGross())
                    .append(", due ").append(statement.totalDue()).append('\n');
            for (StatementLine line : statement.lines()) {
                out.append(line.period()).append(" (ends ").append(line.periodEnd()).append(") ").append(line.from()).append("..")
                        .append(line.through()).append(" under ").append(line.documentId()).append(" clause ").append(line.clauseId())
                        .append(": base ").append(line.base()).append(" from ").append(line.lines()).append(" lines at ").append(line.rate())
                        .append(", gross ").append(line.gross()).append(", recouped ").append(line.recouped()).append(", top-up ")
                        .append(line.minimumTopUp()).append(", cap cut ").append(line.capCut()).append(", due ").append(line.due())
                        .append(" by ").append(line.dueDate()).append(", cumulative ").append(line.cumulativeDue())
                        .append(line.capRemaining().map(m -> ", cap remaining " + m).orElse("")).append('\n');
                for (StatementLine.Instalment instalment : line.instalments()) {
                    out.append("  instalment ").append(instalment.due()).append(' ').append(instalment.amount()).append('\n');
                }
                out.append(ExplanationText.render(line.why()).indent(2));
            }
        }
        out.append("\n== net\n");
        for (SettlementResult.NetPosition net : result.net()) {
            out.append(net.period()).append(": ").append(net.debtor()).append(" owes ").append(net.creditor()).append(' ').append(net.owed())
                    .append(" (").append(net.debtorToCreditor()).append(" less ").append(net.creditorToDebtor()).append(")\n");
        }
        assertGolden("flagship-settlement.txt", out.toString());
    }

    /** A decision's verdict and explanation, or why the question cannot be answered. */
    private static String answer(Supplier<Decision> decide) {
        try {
            Decision decision = decide.get();
            assertThat(decision.yes()).isEqualTo(decision.verdict().startsWith("ALLOWED") || decision.verdict().startsWith("LICENSED"));
            return ExplanationText.render(decision.why());
        } catch (UnanswerableQuestion e) {
            return "UNANSWERABLE: " + e.getMessage() + "\n";
        }
    }

    @Test
    void releaseGatesOverProductsCloudsSegmentsAndDates() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String product : List.of("openai-api", "chatgpt", "responses-api", "gov-api", "agent-kit", "deep-memory", "io-device", "gpt-7")) {
            for (String cloud : List.of("azure", "aws", "gcp")) {
                for (Optional<String> segment : List.of(Optional.<String>empty(), Optional.of("us-national-security"))) {
                    for (LocalDate on : GATE_DATES) {
                        out.append("\n# gate ").append(product).append(" on ").append(cloud).append(segment.map(s -> " for " + s).orElse(""))
                                .append(" on ").append(on).append('\n');
                        out.append(answer(() -> ReleaseGate.decide(KNOWN, FACTS, new ReleaseGate.Question(product, cloud, segment, on))));
                    }
                }
            }
        }
        assertGolden("flagship-gates.txt", out.toString());
    }

    @Test
    void licencesPurchasesStakesAndCommitmentsOverPartiesAndDates() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String licensee : List.of("Microsoft", "OpenAI")) {
            for (String ipClass : List.of("models", "products", "research", "consumer-hardware")) {
                for (Optional<String> subject : List.of(Optional.<String>empty(), Optional.of("gpt-7"), Optional.of("io-device"))) {
                    for (LocalDate on : DATES) {
                        out.append("\n# licence ").append(licensee).append(' ').append(ipClass).append(subject.map(s -> " (" + s + ")").orElse(""))
                                .append(" on ").append(on).append('\n');
                        out.append(answer(() -> LicenceCheck.decide(KNOWN, FACTS, new LicenceCheck.Question(licensee, ipClass, subject, on))));
                    }
                }
            }
        }
        for (String seller : List.of("oracle", "coreweave", "google", "Microsoft")) {
            for (LocalDate on : List.of(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-05-10"), LocalDate.parse("2025-06-20"),
                    LocalDate.parse("2025-08-30"), LocalDate.parse("2025-11-15"))) {
                out.append("\n# buy compute-capacity from ").append(seller).append(" on ").append(on).append('\n');
                out.append(answer(() -> FirstRefusal.decide(KNOWN, FACTS, new FirstRefusal.Question("OpenAI", "compute-capacity", seller, on))));
            }
        }
        for (LocalDate on : DATES) {
            Optional<ConsolidatedAgreement> version = KNOWN.versionOn(on);
            if (version.isEmpty()) continue;
            for (String holder : List.of("Microsoft", "OpenAI")) {
                out.append("\n# stake of ").append(holder).append(" on ").append(on).append('\n');
                out.append(Holdings.stake(version.get(), FACTS, holder, on).map(s -> s.percentage() + " of " + s.issuer()
                        + s.value().map(v -> ", worth " + v).orElse("") + "\n" + ExplanationText.render(s.why())).orElse("none\n"));
            }
            out.append("\n# commitments on ").append(on).append('\n');
            for (Holdings.CommitmentPosition c : Holdings.commitments(version.get(), FACTS, on)) {
                out.append(c.purchaser()).append(" buys from ").append(c.provider()).append(": committed ").append(c.committed())
                        .append(", drawn ").append(c.drawn()).append(", remaining ").append(c.remaining()).append(", window end ")
                        .append(c.windowEnd().map(Object::toString).orElse("none")).append(", days left ").append(c.daysLeft())
                        .append(", shortfall if no more spend ").append(c.shortfallIfNoMoreSpend())
                        .append(c.projectedShortfall().map(s -> ", projected shortfall " + s).orElse("")).append('\n')
                        .append(ExplanationText.render(c.why()));
            }
            out.append("\n# open offers on ").append(on).append('\n');
            for (FirstRefusal.OpenOffer offer : FirstRefusal.openOffers(KNOWN, FACTS, on)) {
                out.append(offer.offer().meta().id()).append(" under ").append(offer.right().term().name()).append(", answer by ")
                        .append(offer.deadline()).append(", silence: ").append(FirstRefusal.silenceMeans(offer.onSilence())).append('\n');
            }
        }
        assertGolden("flagship-decisions.txt", out.toString());
    }
}
