package dev.treaty.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates the flagship example's files at random (deleting, inserting and repeating text,
 * splicing in keywords and odd values) and checks that every mutant is answered with
 * diagnostics or a model, never an exception, each within a second. Run more cases with
 * {@code -Djqwik.tries.default=100000} (see BENCHMARKS.md).
 */
class MutationFuzzProperties {

    private static final Map<Path, String> EXAMPLE = readExample();
    private static final List<Path> FILES = List.copyOf(EXAMPLE.keySet());
    private static final List<String> SPLICES = List.of(
            "{", "}", "[", "]", "(", ")", ",", ";", "\n", "```", "```treaty\n", "\n## 9.9 New\n", "# Title\n",
            "replace", "strike 3.1", "add", "revenue-share x {", "licence", "exclusive until", "agi verified",
            "USD 5 * USD 3", "120%", "-", "2030-02-30", "2030-2-3", "9999999999999999999999999999999999", "0",
            "$revenue-share-cap", "$nope", "\"unterminated", "×", "é", "\u0000", "tiers cumulative {", "above: 5%",
            "from 2031-01-01", "through 2019-01-01", "cap total", "party", "signed", "effective", "amendment x amends y");

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Arbitraries.integers().between(0, FILES.size() - 1).flatMap(file -> Arbitraries.doubles().between(0, 1)
                        .flatMap(at -> Arbitraries.integers().between(1, 200).map(length -> (Mutation) new Delete(file, at, length)))),
                Arbitraries.integers().between(0, FILES.size() - 1).flatMap(file -> Arbitraries.doubles().between(0, 1)
                        .flatMap(at -> Arbitraries.of(SPLICES).map(text -> (Mutation) new Insert(file, at, text)))),
                Arbitraries.integers().between(0, FILES.size() - 1).flatMap(file -> Arbitraries.doubles().between(0, 1)
                        .flatMap(at -> Arbitraries.integers().between(1, 400).map(length -> (Mutation) new Repeat(file, at, length)))),
                Arbitraries.integers().between(0, FILES.size() - 1).flatMap(file -> Arbitraries.doubles().between(0, 1)
                        .map(at -> (Mutation) new Truncate(file, at))));
        return mutation.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property
    void everyMutantIsAnsweredWithDiagnosticsOrAModel(@ForAll("mutations") List<Mutation> mutations) {
        Map<Path, String> texts = new LinkedHashMap<>(EXAMPLE);
        for (Mutation mutation : mutations) {
            Path file = FILES.get(mutation.file());
            texts.put(file, mutation.apply(texts.get(file)));
        }
        long start = System.nanoTime();
        AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
        if (!loaded.hasErrors()) {
            loaded.histories().forEach(history -> history.versions().forEach(version -> version.terms().forEach(t -> t.term().attributes())));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time to answer a mutant").isLessThan(Duration.ofSeconds(1));
        assertThat(loaded.diagnostics()).allSatisfy(d -> {
            assertThat(d.at().line()).isPositive();
            assertThat(d.message()).isNotBlank();
        });
    }

    sealed interface Mutation {
        int file();

        String apply(String text);

        static int index(String text, double at) {
            return (int) Math.min(text.length(), Math.floor(at * text.length()));
        }
    }

    record Delete(int file, double at, int length) implements Mutation {
        public String apply(String text) {
            int from = Mutation.index(text, at);
            return text.substring(0, from) + text.substring(Math.min(text.length(), from + length));
        }
    }

    record Insert(int file, double at, String splice) implements Mutation {
        public String apply(String text) {
            int from = Mutation.index(text, at);
            return text.substring(0, from) + splice + text.substring(from);
        }
    }

    record Repeat(int file, double at, int length) implements Mutation {
        public String apply(String text) {
            int from = Mutation.index(text, at);
            String piece = text.substring(from, Math.min(text.length(), from + length));
            return text.substring(0, from) + piece + piece + text.substring(from);
        }
    }

    record Truncate(int file, double at) implements Mutation {
        public String apply(String text) {
            return text.substring(0, Mutation.index(text, at));
        }
    }

    private static Map<Path, String> readExample() {
        Path folder = TestAgreements.root().resolve("examples/microsoft-openai");
        Map<Path, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(AgreementFolder.SUFFIX)).sorted().toList()) {
                texts.put(folder.relativize(file), Files.readString(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the example is part of the repository: " + folder, e);
        }
        return texts;
    }
}
