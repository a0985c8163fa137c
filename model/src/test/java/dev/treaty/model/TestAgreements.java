package dev.treaty.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small agreement folders in memory for tests. */
public final class TestAgreements {

    public static final String HEADER = """
            # Test agreement

            ```treaty
            agreement t "Test agreement"
            party Alpha "Alpha Inc."
            party Beta "Beta Ltd"
            signed 2025-01-01
            effective 2025-01-01
            ```

            """;

    private TestAgreements() {
    }

    /** An agreement with one clause holding {@code block}. */
    public static String agreementWith(String block) {
        return HEADER + "## 1 Terms\n\n```treaty\n" + block + "\n```\n";
    }

    public static AgreementFolder.Loaded load(String... namesAndTexts) {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            texts.put(Path.of(namesAndTexts[i]), namesAndTexts[i + 1]);
        }
        return AgreementFolder.loadTexts(texts, Map.of());
    }

    /** The messages of all diagnostics, "line:col message". */
    public static java.util.List<String> messages(AgreementFolder.Loaded loaded) {
        return loaded.diagnostics().stream().map(d -> d.at().line() + ":" + d.at().column() + " " + d.message()).toList();
    }

    /** The repository root, set by the build (tests read the examples and docs from there). */
    public static Path root() {
        String root = System.getProperty("treaty.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
