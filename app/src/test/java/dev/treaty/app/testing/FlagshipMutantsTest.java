package dev.treaty.app.testing;

import dev.treaty.model.AgreementFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flagship's tests catch a wrong edit: 50 single-attribute mutations of its term blocks, its
 * documents' signing and effective dates and its assumptions (a rate, a date, an amount, a cloud,
 * a yes/no reading, a response window, a period, exclusivity, what a licence covers, which AGI
 * event ends a term, an exception removed), each
 * one a valid agreement, and for each at least one flagship test fails. The mutants are drawn
 * from every candidate edit with a fixed seed, so the run is the same every time; a surviving
 * mutant is listed (file, line, edit) so a test can be written to catch it.
 */
class FlagshipMutantsTest {

    private static final int MUTANTS = 50;
    private static final Pattern RATE = Pattern.compile("\\b(\\d+(?:\\.\\d+)?)%");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern AMOUNT = Pattern.compile("USD (\\d+(?:\\.\\d+)?)( billion)?");
    private static final Pattern CLOUD = Pattern.compile("(?<![\\w-])(azure|aws)(?![\\w-])");
    private static final Pattern YES_NO = Pattern.compile("= (yes|no)\\b");
    private static final Pattern DAYS = Pattern.compile("\\b(\\d+) days\\b");
    private static final Pattern PERIOD = Pattern.compile("\\bperiod (quarter|month|year)\\b");
    private static final Pattern EXCLUSIVE = Pattern.compile("^\\s*(non-exclusive|exclusive)\\s*$");
    private static final Pattern COVERS = Pattern.compile("\\b(covers|excludes) \\[([^\\]]+), ([^,\\]]+)\\]");
    private static final Pattern AGI = Pattern.compile("\\buntil agi (declared|verified)\\b");

    @TempDir
    Path dir;

    static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    /** One edit: on {@code line} of {@code file}, {@code from} becomes {@code to}. */
    record Mutant(String file, int line, String from, String to) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + from.strip() + "  →  " + to.strip();
        }
    }

    @Test
    void everyOneOfFiftyMutantsIsCaughtByAFlagshipTest() throws IOException {
        Path flagship = root().resolve("examples/microsoft-openai");
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(flagship)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(AgreementFolder.SUFFIX)).sorted().toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        List<Mutant> candidates = new ArrayList<>();
        texts.forEach((name, text) -> {
            if (name.endsWith(AgreementFolder.TEST_SUFFIX)) return;
            candidates.addAll(candidates(name, text));
        });
        Collections.shuffle(candidates, new Random(20261130L));
        assertThat(candidates).hasSizeGreaterThan(MUTANTS);

        List<AgreementTest> original = TestReader.read(List.of(flagship));
        assertThat(TestRunner.run(original).passed()).as("the flagship's tests pass on the flagship").isTrue();

        List<Mutant> tried = new ArrayList<>();
        List<String> survivors = new ArrayList<>();
        int n = 0;
        for (Mutant mutant : candidates) {
            if (tried.size() == MUTANTS) break;
            Path copy = Files.createDirectory(dir.resolve("mutant-" + n++));
            copyFolder(flagship, copy, texts, mutant);
            if (AgreementFolder.load(copy).hasErrors()) continue;      // not a valid agreement: not a mutant these tests are for
            tried.add(mutant);
            List<AgreementTest> tests = TestReader.read(List.of(copy));
            TestRunner.Run run = TestRunner.run(tests);
            if (run.passed()) survivors.add(mutant.toString());
        }
        assertThat(tried).hasSize(MUTANTS);
        assertThat(survivors).as("mutants of the flagship no test caught").isEmpty();
    }

    private static void copyFolder(Path flagship, Path copy, Map<String, String> texts, Mutant mutant) throws IOException {
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String text = entry.getValue();
            if (entry.getKey().equals(mutant.file())) {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                lines.set(mutant.line() - 1, mutant.to());
                text = String.join("\n", lines);
            }
            Files.writeString(copy.resolve(entry.getKey()), text);
        }
        Path facts = Files.createDirectory(copy.resolve("facts"));
        for (String name : List.of("events.jsonl", "revenue.csv")) Files.copy(flagship.resolve("facts").resolve(name), facts.resolve(name));
    }

    /** Every single edit of an attribute line inside a term block, or of an assumption's value. */
    static List<Mutant> candidates(String file, String text) {
        List<Mutant> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inBlock = false;
        int depth = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                inBlock = line.strip().equals("```treaty");
                depth = 0;
                continue;
            }
            if (inBlock && line.contains("}")) depth--;
            boolean inTerms = inBlock && depth > 0;                 // an attribute line of a term block
            if (inBlock && line.strip().endsWith("{")) depth++;
            boolean header = inBlock && depth == 0 && (line.startsWith("signed ") || line.startsWith("effective "));
            boolean assumption = line.startsWith("assume ");
            if (!inTerms && !assumption && !header) continue;
            String value = assumption ? line.substring(0, line.indexOf('"') < 0 ? line.length() : line.indexOf('"')) : line;
            String rest = assumption && line.indexOf('"') >= 0 ? line.substring(line.indexOf('"')) : "";
            int number = i + 1;
            edit(found, file, number, value, rest, RATE, m -> new java.math.BigDecimal(m.group(1)).add(java.math.BigDecimal.valueOf(5)).toPlainString() + "%");
            edit(found, file, number, value, rest, DATE, m -> LocalDate.parse(m.group()).plusYears(1).toString());
            edit(found, file, number, value, rest, AMOUNT, m -> "USD " + new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.TWO)
                    .toPlainString() + (m.group(2) == null ? "" : m.group(2)));
            edit(found, file, number, value, rest, CLOUD, m -> m.group(1).equals("azure") ? "aws" : "gcp");
            edit(found, file, number, value, rest, YES_NO, m -> m.group(1).equals("yes") ? "= no" : "= yes");
            edit(found, file, number, value, rest, DAYS, m -> (Integer.parseInt(m.group(1)) + 30) + " days");
            edit(found, file, number, value, rest, PERIOD, m -> "period " + (m.group(1).equals("quarter") ? "month" : "quarter"));
            edit(found, file, number, value, rest, EXCLUSIVE, m -> m.group().replace(m.group(1), m.group(1).equals("exclusive") ? "non-exclusive" : "exclusive"));
            edit(found, file, number, value, rest, COVERS, m -> m.group(1) + " [" + m.group(2) + "]");
            edit(found, file, number, value, rest, AGI, m -> "until agi " + (m.group(1).equals("declared") ? "verified" : "declared"));
            if (inTerms && line.strip().startsWith("exception to ")) found.add(new Mutant(file, number, line, ""));
        }
        return found;
    }

    private static void edit(List<Mutant> found, String file, int line, String value, String rest, Pattern pattern,
                             java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(value);
        while (m.find()) {
            String to = value.substring(0, m.start()) + replacement.apply(m) + value.substring(m.end()) + rest;
            found.add(new Mutant(file, line, value + rest, to));
        }
    }
}
