package dev.treaty.lsp;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import dev.treaty.model.time.AgreementHistory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agreement folder read as {@code treaty check FOLDER} reads it, with the editor's unsaved
 * texts in place of the files on disk: the model and its diagnostics (the very same calls the
 * command line makes), and each file's {@link FileIndex}. Immutable; a change makes a new one.
 */
final class FolderAnalysis {

    private final Path folder;
    private final AgreementFolder.Loaded loaded;
    private final Map<Path, FileIndex> files = new LinkedHashMap<>();
    private final Map<Path, Integer> versions;

    /** Reads the folder from disk, with the editor's {@code unsaved} texts (absolute paths) in place of the files. */
    FolderAnalysis(Path folder, Map<Path, String> unsaved, Map<Path, Integer> versions) {
        this.folder = folder;
        this.versions = Map.copyOf(versions);
        this.loaded = AgreementFolder.load(List.of(folder), Map.of(), unsaved);
        // by path, as treaty check reads them (the loaded sources are in no particular order)
        new java.util.TreeMap<>(loaded.sources()).forEach((path, source) -> {
            Path absolute = path.toAbsolutePath().normalize();
            files.put(absolute, new FileIndex(absolute, source.text()));
        });
        // an open file the folder does not load (a *.test.treaty.md) still has its outline, colours and formatting
        new java.util.TreeMap<>(unsaved).forEach((path, text) -> files.computeIfAbsent(path, p -> new FileIndex(p, text)));
    }

    Path folder() {
        return folder;
    }

    /** The editor's version of an open file's text this analysis read, if the file is open. */
    java.util.Optional<Integer> version(Path file) {
        return java.util.Optional.ofNullable(versions.get(file));
    }

    AgreementFolder.Loaded loaded() {
        return loaded;
    }

    Optional<FileIndex> file(Path path) {
        return Optional.ofNullable(files.get(path));
    }

    Collection<FileIndex> files() {
        return files.values();
    }

    /** Every occurrence of every name in the folder. */
    List<Occurrence> occurrences() {
        List<Occurrence> all = new ArrayList<>();
        files.values().forEach(f -> all.addAll(f.occurrences()));
        return all;
    }

    /** The history a file belongs to: the agreement it states, amends or clarifies. */
    Optional<AgreementHistory> historyOf(Path file) {
        return loaded.histories().stream()
                .filter(h -> h.agreement().path().equals(file) || h.changes().stream().anyMatch(d -> d.path().equals(file)))
                .findFirst()
                .or(() -> file(file).map(FileIndex::target).flatMap(target -> loaded.histories().stream()
                        .filter(h -> h.id().equals(target)).findFirst()));
    }

    /** The model's document read from a file, if the file stated one that built. */
    Optional<Document> documentOf(Path file) {
        for (AgreementHistory history : loaded.histories()) {
            if (history.agreement().path().equals(file)) return Optional.of(history.agreement());
            for (Document change : history.changes()) {
                if (change.path().equals(file)) return Optional.of(change);
            }
        }
        return Optional.empty();
    }

    /** The file stating agreement {@code id} (following amendments of amendments back to the agreement). */
    Optional<FileIndex> agreementFile(String id) {
        for (int hops = 0; hops < 16; hops++) {
            String wanted = id;
            Optional<FileIndex> file = files.values().stream().filter(f -> f.documentId().equals(wanted)).findFirst();
            if (file.isEmpty()) return Optional.empty();
            if (file.get().documentKind().equals("agreement")) return file;
            id = file.get().target();
        }
        return Optional.empty();
    }
}
