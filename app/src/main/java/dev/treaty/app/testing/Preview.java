package dev.treaty.app.testing;

import dev.treaty.app.BadRequest;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a draft amendment changes in the expected answers: the tests run with the document and
 * without it (a copy of the folder that leaves its file out), and every expectation whose answer
 * differs is listed with both answers. The question an author asks before signing. A test of a
 * broken variant of the document itself is left out: without the document there is nothing to break.
 */
public final class Preview {

    /** An expectation whose answer the document changes. */
    public record Change(AgreementTest test, AgreementTest.Expectation expectation, String without, String with) {
    }

    /** The run with the document, and the changes against the run without it. */
    public record Result(String document, TestRunner.Run with, TestRunner.Run without, List<Change> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private Preview() {
    }

    public static Result against(List<AgreementTest> tests, String documentId) {
        Map<Path, Path> copies = new HashMap<>();
        List<Path> scratch = new ArrayList<>();
        try {
            for (Path folder : tests.stream().map(AgreementTest::folder).distinct().toList()) {
                Path file = fileOf(folder, documentId).orElseThrow(() -> new BadRequest("no document '" + documentId + "' in " + folder
                        + "; --against names a document id (the id after 'agreement' or 'amendment' in its first block)"));
                Path copy = Files.createTempDirectory("treaty-against");
                scratch.add(copy);
                try (var listing = Files.list(folder)) {
                    for (Path p : listing.filter(p -> p.getFileName().toString().endsWith(AgreementFolder.SUFFIX) && !p.equals(file)).toList()) {
                        Files.copy(p, copy.resolve(p.getFileName()));
                    }
                }
                copies.put(folder, copy);
            }
            TestRunner.Run with = TestRunner.run(tests);
            TestRunner.Run without = TestRunner.run(tests, folder -> copies.getOrDefault(folder, folder));
            List<Change> changes = new ArrayList<>();
            Map<Path, Path> excluded = new HashMap<>();
            for (Path folder : copies.keySet()) excluded.put(folder, fileOf(folder, documentId).orElseThrow());
            for (int i = 0; i < tests.size(); i++) {
                // a broken variant of the document itself has nothing to compare against without it
                AgreementTest test = tests.get(i);
                if (test.variant().isPresent() && test.variant().get().file().equals(excluded.get(test.folder()))) continue;
                TestRunner.Result a = without.results().get(i);
                TestRunner.Result b = with.results().get(i);
                for (int j = 0; j < tests.get(i).expectations().size(); j++) {
                    String before = answer(a, j);
                    String after = answer(b, j);
                    if (!before.equals(after)) changes.add(new Change(tests.get(i), tests.get(i).expectations().get(j), before, after));
                }
            }
            return new Result(documentId, with, without, changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            scratch.forEach(Preview::delete);
        }
    }

    private static String answer(TestRunner.Result result, int index) {
        if (index < result.checks().size()) return result.checks().get(index).actual();
        if (result.skipped().isPresent()) return "skipped: " + result.skipped().get();
        return "error: " + result.error().orElse("not run");
    }

    private static Optional<Path> fileOf(Path folder, String documentId) {
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(folder), Map.of());
        for (AgreementHistory history : loaded.histories()) {
            List<Document> documents = new ArrayList<>(List.of(history.agreement()));
            documents.addAll(history.changes());
            for (Document document : documents) if (document.id().equals(documentId)) return Optional.of(document.path());
        }
        return Optional.empty();
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left in the temporary folder is harmless
        }
    }
}
