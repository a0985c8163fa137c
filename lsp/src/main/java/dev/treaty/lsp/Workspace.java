package dev.treaty.lsp;


import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The texts the editor has open (which win over the files on disk) and, per folder, the
 * analysis of the folder as it stands. An analysis is made when first asked for after a change
 * and kept until the next change in its folder. Thread-safe.
 */
final class Workspace {

    private final Map<Path, String> open = new HashMap<>();
    /** The editor's version of each open text, sent back with its diagnostics so the editor can tell stale ones. */
    private final Map<Path, Integer> versions = new HashMap<>();
    private final Map<Path, FolderAnalysis> analyses = new HashMap<>();

    /**
     * The file a URI names, or null for what is not a file on this machine (an editor's unsaved
     * "untitled:" buffer, a malformed URI): Treaty checks folders, so those get no answers.
     */
    static Path pathOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) return null;
            return Path.of(parsed).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    static String uriOf(Path path) {
        return path.toUri().toString();
    }

    /** The folder a file belongs to: the agreement folder is the file's directory, as for {@code treaty check FOLDER}. */
    static Path folderOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    synchronized void open(Path file, String text, int version) {
        open.put(file, text);
        versions.put(file, version);
        analyses.remove(folderOf(file));
    }

    synchronized void close(Path file) {
        open.remove(file);
        versions.remove(file);
        analyses.remove(folderOf(file));
    }

    /** A file changed on disk (saved, created, deleted by another program). */
    synchronized void changedOnDisk(Path file) {
        analyses.remove(folderOf(file));
    }

    synchronized FolderAnalysis analysis(Path folder) {
        FolderAnalysis analysis = analyses.get(folder);
        if (analysis == null) {
            Map<Path, String> texts = texts(folder);
            Map<Path, Integer> known = new HashMap<>();
            texts.keySet().forEach(path -> known.put(path, versions.get(path)));
            analysis = new FolderAnalysis(folder, texts, known);
            analyses.put(folder, analysis);
        }
        return analysis;
    }

    /** The folder's files the editor has open. */
    private Map<Path, String> texts(Path folder) {
        Map<Path, String> texts = new HashMap<>();
        open.forEach((path, text) -> {
            if (folderOf(path).equals(folder)) texts.put(path, text);
        });
        return texts;
    }
}
