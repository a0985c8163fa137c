package dev.treaty.app.testing;

import dev.treaty.app.BadRequest;
import dev.treaty.app.Decisions;
import dev.treaty.app.Obligations;
import dev.treaty.app.Settlements;
import dev.treaty.app.Workspace;
import dev.treaty.evaluator.decide.Holdings;
import dev.treaty.evaluator.decide.LicenceCheck;
import dev.treaty.evaluator.decide.ReleaseGate;
import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.evaluator.explain.ExplanationText;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.settle.SettlementResult;
import dev.treaty.evaluator.settle.Statement;
import dev.treaty.evaluator.settle.StatementLine;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Party;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs agreement tests: each test's workspace opened from its folder, facts and overrides, each
 * expectation answered by the same application calls the commands make, and compared exactly
 * (money to the cent and in its currency, dates to the day). Tests run in parallel; a settlement
 * asked for by several tests with the same inputs is computed once.
 */
public final class TestRunner {

    /**
     * One expectation checked.
     *
     * @param actual      the answer, written as the expectation's value would be
     * @param explanation the answer's explanation (clause, facts, arithmetic)
     * @param touched     what the answer exercised, for coverage: {@code term:NAME}, {@code clause:DOC§ID}, {@code branch:NAME:WHICH}
     */
    public record Check(AgreementTest.Expectation expectation, boolean passed, String actual, String explanation, Set<String> touched) {
        public Check {
            touched = Set.copyOf(touched);
        }
    }

    /**
     * A test's checks, or why it could not run (bad facts, a version not in force…), or why it was
     * skipped (a broken variant, where the agreement's files are not at hand).
     */
    public record Result(AgreementTest test, List<Check> checks, Optional<String> error, List<String> details, Optional<String> skipped) {
        public Result {
            checks = List.copyOf(checks);
            details = List.copyOf(details);
        }

        public boolean passed() {
            return error.isEmpty() && checks.stream().allMatch(Check::passed);
        }
    }

    /**
     * Where a test's agreement and facts come from: its folder and the files it names, or a store.
     * The inline facts of the test, written to files, are given to it.
     */
    public interface Source {
        Workspace open(AgreementTest test, List<Path> inlineEvents, List<Path> inlineRevenue);

        /** The agreement's files, for a broken variant; empty where they are not at hand. */
        default boolean hasFiles() {
            return true;
        }
    }

    /** The agreement folders and the facts files the tests name; {@code folders} may put another folder in a test's place. */
    public static Source folders(Function<Path, Path> folders) {
        return (test, inlineEvents, inlineRevenue) -> {
            List<Path> events = new ArrayList<>(test.events());
            events.addAll(inlineEvents);
            List<Path> revenue = new ArrayList<>(test.revenue());
            revenue.addAll(inlineRevenue);
            return Workspace.open(new Workspace.Inputs(Optional.of(folders.apply(test.folder())), Optional.empty(), Optional.empty(), test.assume(),
                    events, revenue, false, test.asKnown(), Instant.MAX, false), notice -> { }, RevenueReader.Progress.NONE);
        };
    }

    /** Every test's result, in the tests' order. */
    public record Run(List<Result> results) {
        public Run {
            results = List.copyOf(results);
        }

        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }

        public long failed() {
            return results.stream().filter(r -> !r.passed()).count();
        }

        public long expectations() {
            return results.stream().mapToLong(r -> r.test().expectations().size()).sum();
        }

        public long skipped() {
            return results.stream().filter(r -> r.skipped().isPresent()).count();
        }
    }

    private final Function<Path, Path> folders;
    private final Source source;
    private final Path scratch;
    private final Map<String, SettlementResult> settlements = new ConcurrentHashMap<>();

    private TestRunner(Function<Path, Path> folders, Source source, Path scratch) {
        this.folders = folders;
        this.source = source;
        this.scratch = scratch;
    }

    /** Runs the tests on their own folders. */
    public static Run run(List<AgreementTest> tests) {
        return run(tests, Function.identity());
    }

    /** Runs the tests with each test's folder replaced by {@code folders} of it (a copy without a draft document, say). */
    public static Run run(List<AgreementTest> tests, Function<Path, Path> folders) {
        return run(tests, folders, folders(folders));
    }

    /** Runs the tests on another source of agreements and facts (a store). */
    public static Run run(List<AgreementTest> tests, Source source) {
        return run(tests, Function.identity(), source);
    }

    private static Run run(List<AgreementTest> tests, Function<Path, Path> folders, Source source) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("treaty-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TestRunner runner = new TestRunner(folders, source, scratch);
            return new Run(tests.parallelStream().map(runner::run).toList());
        } finally {
            delete(scratch);
        }
    }

    private Result run(AgreementTest test) {
        if (test.variant().isPresent() && !source.hasFiles()) {
            return new Result(test, List.of(), Optional.empty(), List.of(), Optional.of("a broken variant edits the agreement's files, which are not at hand here"));
        }
        List<Check> checks = new ArrayList<>();
        boolean needsWorkspace = test.expectations().stream().anyMatch(e -> e.kind() != AgreementTest.Kind.DIAGNOSTIC);
        Workspace workspace = null;
        try {
            if (needsWorkspace) workspace = open(test);
            for (AgreementTest.Expectation expectation : test.expectations()) {
                checks.add(check(test, workspace, expectation));
            }
            return new Result(test, checks, Optional.empty(), List.of(), Optional.empty());
        } catch (BadRequest e) {
            return new Result(test, checks, Optional.of(e.getMessage()), e.details(), Optional.empty());
        } finally {
            if (workspace != null) workspace.close();
        }
    }

    private Workspace open(AgreementTest test) {
        List<Path> events = new ArrayList<>();
        List<Path> revenue = new ArrayList<>();
        String stem = test.file().getFileName().toString().replace(AgreementFolder.SUFFIX, "") + "-" + test.line();
        if (!test.inlineEvents().isEmpty()) {
            events.add(write(stem + "-events.jsonl", test.inlineEvents().stream().map(AgreementTest.Inline::text).toList()));
        }
        if (!test.inlineRevenue().isEmpty()) {
            List<String> lines = new ArrayList<>(List.of(test.revenueHeader()));
            test.inlineRevenue().forEach(l -> lines.add(l.text()));
            revenue.add(write(stem + "-revenue.csv", lines));
        }
        return source.open(test, events, revenue);
    }

    private Path write(String name, List<String> lines) {
        try {
            Path dir = Files.createTempDirectory(scratch, "t");
            return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Check check(AgreementTest test, Workspace workspace, AgreementTest.Expectation e) {
        try {
            return switch (e.kind()) {
                case GATE -> verdict(e, Decisions.gate(workspace, new ReleaseGate.Question(e.args().get(0), e.args().get(1),
                        e.args().size() > 2 ? Optional.of(e.args().get(2)) : Optional.empty(), test.on().orElseThrow()), true));
                case LICENSE -> verdict(e, Decisions.licence(workspace, new LicenceCheck.Question(e.args().get(0), e.args().get(1),
                        e.args().size() > 2 ? Optional.of(e.args().get(2)) : Optional.empty(), test.on().orElseThrow()), true));
                case BUY -> verdict(e, Decisions.firstRefusal(workspace, new dev.treaty.evaluator.decide.FirstRefusal.Question(e.args().get(0),
                        e.args().get(1), e.args().get(2), test.on().orElseThrow()), true));
                case VERSION -> version(test, workspace, e);
                case SETTLE -> settle(test, workspace, e);
                case STAKE -> stake(test, workspace, e);
                case COMMITMENT -> commitment(test, workspace, e);
                case OBLIGATION -> obligation(test, workspace, e);
                case TERM -> term(test, workspace, e);
                case DIAGNOSTIC -> diagnostic(test, e);
            };
        } catch (BadRequest refused) {
            String actual = "error: " + refused.getMessage();
            return new Check(e, expectsError(e.expected(), actual), actual, String.join("\n", refused.details()), Set.of());
        } catch (dev.treaty.evaluator.settle.SettlementException refused) {
            String actual = "error: " + refused.getMessage();
            return new Check(e, expectsError(e.expected(), actual), actual, "", Set.of());
        }
    }

    /** {@code = error: TEXT} expects a refusal whose message contains TEXT. */
    private static boolean expectsError(String expected, String actual) {
        return expected.startsWith("error:") && actual.contains(expected.substring("error:".length()).strip());
    }

    // ---------------------------------------------------------------- decisions

    private static Check verdict(AgreementTest.Expectation e, Decisions.Answer answer) {
        String verdict = answer.decision().verdict();
        int colon = verdict.indexOf(':');
        String head = colon < 0 ? verdict : verdict.substring(0, colon);
        int paren = head.indexOf(" (");
        String word = paren < 0 ? head : head.substring(0, paren);
        boolean passed = e.expected().equals(word) || e.expected().equals(head);
        Set<String> touched = cited(answer.decision().why());
        // an exception exercised: a yes that cites the exception's clause
        if (answer.decision().yes()) new ArrayList<>(touched).forEach(c -> touched.add("yes:" + c));
        return new Check(e, passed, e.expected().contains("(") ? head : word, ExplanationText.render(answer.decision().why()), touched);
    }

    private static Set<String> cited(Explanation why) {
        Set<String> touched = new LinkedHashSet<>();
        for (Explanation.Reference reference : why.allReferences()) {
            if (reference instanceof Explanation.Reference.Clause c) touched.add("clause:" + c.document() + "§" + c.clause());
        }
        return touched;
    }

    // ---------------------------------------------------------------- money

    private Check settle(AgreementTest test, Workspace workspace, AgreementTest.Expectation e) {
        LocalDate through = test.through().orElseThrow();
        String key = String.join("\n", test.folder().toString(), test.assume().toString(), test.events().toString(), test.revenue().toString(),
                test.inlineEvents().toString(), test.revenueHeader(), test.inlineRevenue().toString(), test.asKnown().toString(), through.toString());
        SettlementResult result = settlements.computeIfAbsent(key, k -> Settlements.settle(workspace, Settlements.Request.through(through)));
        String term = e.args().get(0);
        Statement statement = result.statements().stream().filter(s -> s.term().equals(term)).findFirst().orElseThrow(() -> new BadRequest(
                "no statement for term '" + term + "' through " + through + "; terms settled: "
                        + String.join(", ", result.statements().stream().map(Statement::term).toList())));
        Set<String> touched = new LinkedHashSet<>();
        if (e.args().size() == 2) {
            String what = e.args().get(1);
            String actual;
            if (what.equals("cap-reached")) {
                boolean capped = statement.lines().stream().anyMatch(l -> l.capRemaining().isPresent());
                actual = !capped ? "no cap" : statement.lines().stream().filter(l -> l.capRemaining().map(Money::isZero).orElse(false))
                        .map(StatementLine::period).findFirst().orElse("never");
                statement.lines().forEach(l -> l.capRemaining().ifPresent(r -> touched.add(branch(l, r))));
            } else {
                actual = money(what.equals("total-due") ? statement.totalDue() : statement.totalBase());
            }
            statement.lines().forEach(l -> touched.add(termKey(l)));
            boolean passed = what.equals("cap-reached") ? e.expected().equals(actual) : sameMoney(e.expected(), actual);
            return new Check(e, passed, actual, statement.lines().isEmpty() ? "" : ExplanationText.render(statement.lines().getLast().why()), touched);
        }
        StatementLine line = line(statement, e.args().get(1));
        touched.add(termKey(line));
        line.capRemaining().ifPresent(r -> touched.add(branch(line, r)));
        String field = e.args().get(2);
        String actual = switch (field) {
            case "base" -> money(line.base());
            case "due" -> money(line.due());
            case "cumulative-due" -> money(line.cumulativeDue());
            case "cap-remaining" -> line.capRemaining().map(TestRunner::money).orElse("no cap");
            case "due-date" -> line.dueDate().toString();
            default -> line.rate();
        };
        boolean passed = switch (field) {
            case "due-date", "rate" -> e.expected().equals(actual);
            default -> actual.equals("no cap") ? e.expected().equals(actual) : sameMoney(e.expected(), actual);
        };
        return new Check(e, passed, actual, ExplanationText.render(line.why()), touched);
    }

    private static String termKey(StatementLine line) {
        return "term:" + line.documentId() + "§" + line.clauseId() + "/" + line.term();
    }

    private static String branch(StatementLine line, Money capRemaining) {
        return "branch:" + line.documentId() + "§" + line.clauseId() + "/" + line.term() + ":" + (capRemaining.isZero() ? "cap reached" : "cap not reached");
    }

    /** The coverage key of a term in force: {@code term:DOC§CLAUSE/NAME}. */
    static String termKey(TermInForce term) {
        return "term:" + term.provenance().documentId() + "§" + term.clause().clause().id() + "/" + term.term().name();
    }

    /** The line of a period ({@code 2026-Q2}), or of a period from a day ({@code 2026-Q2@2026-04-27}) where the period is split. */
    private static StatementLine line(Statement statement, String which) {
        int at = which.indexOf('@');
        String period = at < 0 ? which : which.substring(0, at);
        List<StatementLine> lines = statement.lines().stream().filter(l -> l.period().equals(period))
                .filter(l -> at < 0 || l.from().toString().equals(which.substring(at + 1))).toList();
        if (lines.isEmpty()) throw new BadRequest("term " + statement.term() + " has no line for " + which);
        if (lines.size() > 1) {
            throw new BadRequest(lines.size() + " lines of " + statement.term() + " in " + period + " (from " + String.join(", ",
                    lines.stream().map(l -> l.from().toString()).toList()) + "); name one as " + period + "@FROM");
        }
        return lines.get(0);
    }

    private Check stake(AgreementTest test, Workspace workspace, AgreementTest.Expectation e) {
        Holdings.StakePosition stake = Decisions.stake(workspace, e.args().get(0), test.on().orElseThrow());
        Set<String> touched = new LinkedHashSet<>(cited(stake.why()));
        workspace.versionOn(test.on().get()).terms().stream().filter(t -> t.term() instanceof dev.treaty.model.term.Stake s
                && s.holder().equals(e.args().get(0))).forEach(t -> touched.add(termKey(t)));
        String actual;
        boolean passed;
        if (e.args().get(1).equals("percent")) {
            actual = stake.percentage().toString();
            passed = sameNumber(e.expected().replace("%", ""), actual.replace("%", ""));
        } else {
            actual = stake.value().map(TestRunner::money).orElse("no valuation");
            passed = sameMoney(e.expected(), actual);
        }
        return new Check(e, passed, actual, ExplanationText.render(stake.why()), touched);
    }

    private Check commitment(AgreementTest test, Workspace workspace, AgreementTest.Expectation e) {
        String purchaser = e.args().get(0);
        Holdings.CommitmentPosition position = Decisions.commitments(workspace, test.on().orElseThrow()).stream()
                .filter(p -> p.purchaser().equals(purchaser)).findFirst()
                .orElseThrow(() -> new BadRequest("no purchase commitment of " + purchaser + " is in force on " + test.on().get()));
        Set<String> touched = new LinkedHashSet<>(cited(position.why()));
        workspace.versionOn(test.on().get()).terms().stream().filter(t -> t.term() instanceof dev.treaty.model.term.PurchaseCommitment c
                && c.purchaser().equals(purchaser)).forEach(t -> touched.add(termKey(t)));
        String actual = switch (e.args().get(1)) {
            case "committed" -> money(position.committed());
            case "drawn" -> money(position.drawn());
            case "remaining" -> money(position.remaining());
            default -> position.projectedShortfall().map(TestRunner::money).orElse("none");
        };
        boolean passed = actual.equals("none") ? e.expected().equals("none") : sameMoney(e.expected(), actual);
        return new Check(e, passed, actual, ExplanationText.render(position.why()), touched);
    }

    private Check obligation(AgreementTest test, Workspace workspace, AgreementTest.Expectation e) {
        Obligations.Result result = Obligations.on(workspace, test.on().orElseThrow());
        String party = e.args().get(0);
        List<Obligations.Item> items = result.byParty().entrySet().stream().filter(p -> p.getKey().shortName().equals(party))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new BadRequest("no party '" + party + "'; parties: "
                        + String.join(", ", result.byParty().keySet().stream().map(Party::shortName).toList())));
        Set<String> touched = new LinkedHashSet<>();
        Optional<Obligations.Item> found = items.stream().filter(i -> i.text().contains(e.expected())).findFirst();
        found.ifPresent(i -> i.citations().forEach(c -> touched.add("cited:" + c)));
        String actual = found.map(i -> i.text().strip()).orElse(items.isEmpty() ? "none"
                : String.join(" | ", items.stream().map(i -> i.text().strip()).toList()));
        // "= none" expects the party to owe, await and lose nothing on the day
        boolean passed = e.expected().equals("none") ? items.isEmpty() : found.isPresent();
        return new Check(e, passed, actual, found.map(i -> String.join("\n", i.citations())).orElse(""), touched);
    }

    private Check term(AgreementTest test, Workspace workspace, AgreementTest.Expectation e) {
        LocalDate on = test.on().orElseThrow();
        String name = e.args().get(0);
        Optional<TermInForce> found = workspace.versionOn(on).terms().stream().filter(t -> t.term().name().equals(name)).findFirst();
        Set<String> touched = new LinkedHashSet<>();
        found.ifPresent(t -> touched.add(termKey(t)));
        String explanation = found.map(t -> "clause " + t.clause().clause().id() + " \"" + t.clause().clause().title() + "\" of "
                + t.provenance().documentId() + " at " + t.term().header().at().toLineString()).orElse("");
        if (e.args().size() == 1) {
            boolean inForce = found.isPresent() && inWindow(found.get(), on);
            String actual = inForce ? "in force" : "not in force";
            return new Check(e, e.expected().equals(actual), actual, explanation, touched);
        }
        String attribute = String.join(" ", e.args().subList(1, e.args().size()));     // "exception to", "declared by"
        // "stated-by": the document whose words the version in force uses for the term
        String actual = found.map(t -> attribute.equals("stated-by") ? t.provenance().documentId()
                        : Optional.ofNullable(t.term().attributes().get(attribute)).orElse("(no " + attribute + ")"))
                .orElse("(no term " + name + " on " + on + ")");
        return new Check(e, e.expected().equals(actual), actual, explanation, touched);
    }

    private static Check version(AgreementTest test, Workspace workspace, AgreementTest.Expectation e) {
        var version = workspace.versionOn(test.on().orElseThrow());
        String actual = version.latest().id();
        return new Check(e, e.expected().equals(actual), actual, "the version in force " + version.inForce() + ", made of "
                + String.join(", ", version.applied().stream().map(dev.treaty.model.Document::id).toList()), Set.of());
    }

    private static boolean inWindow(TermInForce term, LocalDate on) {
        var window = term.term().validity().window();
        return window.from().map(f -> !on.isBefore(f)).orElse(true) && window.through().map(t -> !on.isAfter(t)).orElse(true);
    }

    // ---------------------------------------------------------------- broken variants

    private Check diagnostic(AgreementTest test, AgreementTest.Expectation e) {
        AgreementTest.Variant variant = test.variant().orElseThrow();
        Path folder = folders.apply(test.folder());
        Map<Path, String> texts = new LinkedHashMap<>();
        try (var listing = Files.list(folder)) {
            for (Path file : listing.filter(AgreementFolder::isDocument).sorted().toList()) {
                texts.put(test.folder().resolve(file.getFileName()), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException ex) {
            throw new BadRequest(folder + ": cannot be read: " + ex.getMessage());
        }
        String original = texts.get(variant.file());
        if (original == null || !original.contains(variant.from())) {
            throw new BadRequest(test.file() + ":" + variant.line() + ": the variant's text is not in " + variant.file().getFileName());
        }
        texts.put(variant.file(), original.replaceFirst(java.util.regex.Pattern.quote(variant.from()), java.util.regex.Matcher.quoteReplacement(variant.to())));
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, test.assume());
        List<String> messages = loaded.diagnostics().stream().map(Object::toString).toList();
        Optional<String> found = messages.stream().filter(m -> m.contains(e.expected())).findFirst();
        String actual = found.orElse(messages.isEmpty() ? "no diagnostic" : String.join(" | ", messages));
        return new Check(e, found.isPresent(), actual, "", Set.of());
    }

    // ---------------------------------------------------------------- values

    /** An amount as tests write it: "USD 1,234,567.50". */
    public static String money(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(Math.max(2, money.amount().scale()));
        return money.currency().getCurrencyCode() + " " + format.format(money.amount());
    }

    /** Whether two amounts written "CUR 1,234.56" are the same currency and the same amount to the last digit. */
    static boolean sameMoney(String expected, String actual) {
        String[] a = expected.strip().split("\\s+");
        String[] b = actual.strip().split("\\s+");
        if (a.length != 2 || b.length != 2 || !a[0].equals(b[0])) return false;
        return sameNumber(a[1], b[1]);
    }

    static boolean sameNumber(String expected, String actual) {
        try {
            return new BigDecimal(expected.replace(",", "")).compareTo(new BigDecimal(actual.replace(",", ""))) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left in the temporary folder is harmless
        }
    }
}
