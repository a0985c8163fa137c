package dev.treaty.app.testing;

import dev.treaty.app.BadRequest;
import dev.treaty.app.Instants;
import dev.treaty.model.AgreementFolder;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the tests of agreement folders: every {@code treaty-test} fenced block of every
 * {@code *.treaty.md} file in them (agreement files, where a test sits beside its clause, and
 * {@code *.test.treaty.md} files of tests only). A block holds one or more tests, each a list of
 * {@code key: value} lines starting with {@code test:}, and {@code expect SUBJECT = VALUE} lines.
 * Every mistake is reported at {@code file:line:col}, all at once.
 */
public final class TestReader {

    /** The most tests read from the folders of one run. */
    public static final int TESTS_MAX = 10_000;
    /** The most expectations one test may have. */
    public static final int EXPECTATIONS_MAX = 1_000;
    /** The longest test file read. */
    public static final long FILE_BYTES_MAX = 4L * 1024 * 1024;

    static final String DEFAULT_REVENUE_HEADER = "date,party,category,amount,currency";
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> SETTLE_TOTALS = Set.of("total-due", "total-base", "cap-reached");
    private static final Set<String> SETTLE_FIELDS = Set.of("base", "due", "due-date", "cumulative-due", "cap-remaining", "rate");
    private static final Set<String> STAKE_FIELDS = Set.of("percent", "value");
    private static final Set<String> COMMITMENT_FIELDS = Set.of("committed", "drawn", "remaining", "projected-shortfall");

    private TestReader() {
    }

    /** The tests of the folders, in file and line order. */
    public static List<AgreementTest> read(List<Path> folders) {
        List<String> errors = new ArrayList<>();
        List<AgreementTest> tests = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                errors.add(folder + ": error: not an agreement folder");
                continue;
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(AgreementFolder.SUFFIX) && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                errors.add(folder + ": error: cannot list the folder: " + e.getMessage());
                continue;
            }
            for (Path file : files) read(folder, file, tests, errors);
        }
        if (tests.size() > TESTS_MAX) errors.add("error: " + tests.size() + " tests; one run reads at most " + TESTS_MAX);
        if (!errors.isEmpty()) {
            throw new BadRequest(errors.size() + " error" + (errors.size() == 1 ? "" : "s") + " in the tests; nothing was run", errors);
        }
        return tests;
    }

    private static void read(Path folder, Path file, List<AgreementTest> tests, List<String> errors) {
        String text;
        try {
            if (Files.size(file) > FILE_BYTES_MAX) {
                errors.add(file + ":1:1: error: larger than " + FILE_BYTES_MAX + " bytes");
                return;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(file + ":1:1: error: cannot be read: " + e.getMessage());
            return;
        }
        read(folder, file, text, true, tests, errors);
    }

    /**
     * The tests of one file given as text (sent to the service, say). Without {@code onDisk}, the
     * facts files a test names are not looked for: the service reads its store's facts instead.
     */
    public static List<AgreementTest> readText(Path folder, Path file, String text, boolean onDisk) {
        List<String> errors = new ArrayList<>();
        List<AgreementTest> tests = new ArrayList<>();
        if (text.length() > FILE_BYTES_MAX) errors.add(file + ":1:1: error: larger than " + FILE_BYTES_MAX + " bytes");
        else read(folder, file, text, onDisk, tests, errors);
        if (tests.size() > TESTS_MAX) errors.add("error: " + tests.size() + " tests; one run reads at most " + TESTS_MAX);
        if (!errors.isEmpty()) {
            throw new BadRequest(errors.size() + " error" + (errors.size() == 1 ? "" : "s") + " in the tests; nothing was run", errors);
        }
        return tests;
    }

    private static void read(Path folder, Path file, String text, boolean onDisk, List<AgreementTest> tests, List<String> errors) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        MARKDOWN.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                if (code.getInfo() != null && code.getInfo().strip().equals("treaty-test")) blocks.add(code);
            }
        });
        for (FencedCodeBlock block : blocks) {
            List<SourceSpan> spans = block.getSourceSpans();
            int first = spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 2;     // the line after the opening fence
            new Block(folder, file, onDisk, errors).read(block.getLiteral(), first, tests);
        }
    }

    /** The lines of one block, read into tests. */
    private static final class Block {
        private final Path folder;
        private final Path file;
        private final boolean onDisk;
        private final List<String> errors;
        private Draft draft;

        Block(Path folder, Path file, boolean onDisk, List<String> errors) {
            this.folder = folder;
            this.file = file;
            this.onDisk = onDisk;
            this.errors = errors;
        }

        void read(String literal, int firstLine, List<AgreementTest> tests) {
            String[] lines = literal.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int number = firstLine + i;
                String line = lines[i].stripTrailing();
                String content = line.strip();
                int indent = line.length() - line.stripLeading().length();
                if (content.isEmpty() || content.startsWith("#")) continue;
                if (content.startsWith("expect ")) {
                    expectation(content.substring(7), number, indent + 8);
                    continue;
                }
                int colon = content.indexOf(':');
                if (colon < 0) {
                    error(number, indent + 1, "expected 'key: value' or 'expect SUBJECT = VALUE'");
                    continue;
                }
                String key = content.substring(0, colon).strip();
                String value = content.substring(colon + 1).strip();
                int column = indent + colon + 2 + (content.substring(colon + 1).length() - content.substring(colon + 1).stripLeading().length());
                if (key.equals("test")) {
                    finish(tests);
                    if (value.isEmpty()) error(number, column, "a test needs a name");
                    draft = new Draft(value, number);
                    continue;
                }
                if (draft == null) {
                    error(number, indent + 1, "'" + key + "' before any 'test: NAME' line");
                    continue;
                }
                setting(key, value, number, column, indent + 1);
            }
            finish(tests);
        }

        private void setting(String key, String value, int line, int column, int keyColumn) {
            switch (key) {
                case "on" -> date(value, line, column).ifPresent(d -> draft.on = Optional.of(d));
                case "through" -> date(value, line, column).ifPresent(d -> draft.through = Optional.of(d));
                case "known" -> {
                    try {
                        draft.asKnown = Instants.parse("known", value);
                    } catch (RuntimeException e) {
                        error(line, column, "'" + value + "' is not a day (YYYY-MM-DD) or an instant (2026-04-27T12:00:00Z)");
                    }
                }
                case "assume" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1 || value.substring(equals + 1).isBlank()) error(line, column, "write 'assume: NAME = VALUE'");
                    else draft.assume.put(value.substring(0, equals).strip().replaceFirst("^\\$", ""), value.substring(equals + 1).strip());
                }
                case "events", "revenue" -> {
                    Path path = (file.getParent() == null ? Path.of("") : file.getParent()).resolve(value).normalize();
                    if (value.isEmpty() || (onDisk && !Files.isRegularFile(path))) error(line, column, "no such file: " + value);
                    else (key.equals("events") ? draft.events : draft.revenue).add(path);
                }
                case "event" -> draft.inlineEvents.add(new AgreementTest.Inline(line, value));
                case "revenue-columns" -> draft.revenueHeader = value;
                case "revenue-line" -> draft.inlineRevenue.add(new AgreementTest.Inline(line, value));
                case "variant" -> variant(value, line, column);
                default -> error(line, keyColumn, "unknown key '" + key + "'; keys: test, on, known, assume, events, revenue, event,"
                        + " revenue-columns, revenue-line, through, variant, and 'expect …' lines");
            }
        }

        private void variant(String value, int line, int column) {
            // FILE: "text" -> "replacement"
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^:\"]+):\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*->\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(value);
            if (!m.matches()) {
                error(line, column, "write 'variant: FILE: \"text\" -> \"replacement\"'");
                return;
            }
            Path target = folder.resolve(m.group(1).strip()).normalize();
            if (onDisk && !Files.isRegularFile(target)) {
                error(line, column, "no such agreement file: " + m.group(1).strip());
                return;
            }
            draft.variant = Optional.of(new AgreementTest.Variant(target, unescape(m.group(2)), unescape(m.group(3)), line));
        }

        private static String unescape(String text) {
            return text.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
        }

        private void expectation(String text, int line, int column) {
            if (draft == null) {
                error(line, column - 7, "'expect' before any 'test: NAME' line");
                return;
            }
            int equals = text.indexOf(" = ");
            if (equals < 0) {
                error(line, column, "write 'expect SUBJECT = VALUE'");
                return;
            }
            List<String> words = List.of(text.substring(0, equals).strip().split("\\s+"));
            String expected = text.substring(equals + 3).strip();
            if (expected.length() >= 2 && expected.startsWith("\"") && expected.endsWith("\"")) expected = expected.substring(1, expected.length() - 1);
            Optional<AgreementTest.Kind> kind = AgreementTest.Kind.of(words.get(0));
            if (kind.isEmpty()) {
                error(line, column, "unknown expectation '" + words.get(0) + "'; kinds: gate, license, buy, settle, stake, commitment, obligation,"
                        + " term, version, diagnostic");
                return;
            }
            List<String> args = words.subList(1, words.size());
            String problem = problem(kind.get(), args, expected);
            if (problem != null) {
                error(line, column, problem);
                return;
            }
            if (draft.expectations.size() == EXPECTATIONS_MAX) {
                error(line, column, "a test has at most " + EXPECTATIONS_MAX + " expectations");
                return;
            }
            draft.expectations.add(new AgreementTest.Expectation(file, line, column, kind.get(), args, expected));
        }

        /** What is wrong with an expectation's words, or null. */
        private static String problem(AgreementTest.Kind kind, List<String> args, String expected) {
            if (expected.isEmpty()) return "the expected value after '=' is empty";
            return switch (kind) {
                case GATE -> args.size() < 2 || args.size() > 3 ? "write 'expect gate PRODUCT CLOUD [SEGMENT] = ALLOWED|DENIED'" : null;
                case LICENSE -> args.size() < 2 || args.size() > 3 ? "write 'expect license LICENSEE CLASS [SUBJECT] = LICENSED|NOT LICENSED'" : null;
                case BUY -> args.size() != 3 ? "write 'expect buy BUYER SUBJECT SELLER = ALLOWED|DENIED'" : null;
                case VERSION -> !args.isEmpty() ? "write 'expect version = DOCUMENT-ID' (the document that last joined the version in force)" : null;
                case SETTLE -> {
                    if (args.size() == 2 && SETTLE_TOTALS.contains(args.get(1))) yield null;
                    if (args.size() == 3 && SETTLE_FIELDS.contains(args.get(2))) yield null;
                    yield "write 'expect settle TERM total-due|total-base|cap-reached = …' or 'expect settle TERM PERIOD[@FROM] "
                            + "base|due|due-date|cumulative-due|cap-remaining|rate = …'";
                }
                case STAKE -> args.size() != 2 || !STAKE_FIELDS.contains(args.get(1)) ? "write 'expect stake HOLDER percent|value = …'" : null;
                case COMMITMENT -> args.size() != 2 || !COMMITMENT_FIELDS.contains(args.get(1))
                        ? "write 'expect commitment PURCHASER committed|drawn|remaining|projected-shortfall = …'" : null;
                case OBLIGATION -> args.size() != 1 ? "write 'expect obligation PARTY = \"text it contains\"'" : null;
                case TERM -> args.isEmpty() ? "write 'expect term NAME ATTRIBUTE = VALUE' or 'expect term NAME = in force|not in force'"
                        : args.size() == 1 && !expected.equals("in force") && !expected.equals("not in force")
                        ? "a term without an attribute is expected 'in force' or 'not in force'" : null;
                case DIAGNOSTIC -> !args.isEmpty() ? "write 'expect diagnostic = \"text of the message\"'" : null;
            };
        }

        private Optional<LocalDate> date(String text, int line, int column) {
            try {
                return Optional.of(LocalDate.parse(text, ISO_DATE));
            } catch (DateTimeParseException e) {
                error(line, column, "'" + text + "' is not a date (YYYY-MM-DD)");
                return Optional.empty();
            }
        }

        private void finish(List<AgreementTest> tests) {
            if (draft == null) return;
            Draft d = draft;
            draft = null;
            if (d.expectations.isEmpty()) error(d.line, 1, "test '" + d.name + "' expects nothing");
            for (AgreementTest.Expectation e : d.expectations) {
                boolean needsOn = switch (e.kind()) {
                    case GATE, LICENSE, BUY, STAKE, COMMITMENT, OBLIGATION, TERM, VERSION -> true;
                    default -> false;
                };
                if (needsOn && d.on.isEmpty()) error(e.line(), e.column(), "'expect " + e.kind().word + "' needs the test's 'on: DATE'");
                if (e.kind() == AgreementTest.Kind.SETTLE && d.through.isEmpty()) error(e.line(), e.column(), "'expect settle' needs the test's 'through: DATE'");
                if (e.kind() == AgreementTest.Kind.DIAGNOSTIC && d.variant.isEmpty()) error(e.line(), e.column(), "'expect diagnostic' needs the test's 'variant: …'");
            }
            tests.add(new AgreementTest(d.name, file, d.line, folder, d.on, d.asKnown, d.assume, d.events, d.revenue, d.inlineEvents, d.revenueHeader,
                    d.inlineRevenue, d.through, d.variant, d.expectations));
        }

        private void error(int line, int column, String message) {
            errors.add(file + ":" + line + ":" + column + ": error: " + message);
        }
    }

    /** A test being read. */
    private static final class Draft {
        final String name;
        final int line;
        Optional<LocalDate> on = Optional.empty();
        Instant asKnown = Instant.MAX;
        final Map<String, String> assume = new LinkedHashMap<>();
        final List<Path> events = new ArrayList<>();
        final List<Path> revenue = new ArrayList<>();
        final List<AgreementTest.Inline> inlineEvents = new ArrayList<>();
        String revenueHeader = DEFAULT_REVENUE_HEADER;
        final List<AgreementTest.Inline> inlineRevenue = new ArrayList<>();
        Optional<LocalDate> through = Optional.empty();
        Optional<AgreementTest.Variant> variant = Optional.empty();
        final List<AgreementTest.Expectation> expectations = new ArrayList<>();

        Draft(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }
}
