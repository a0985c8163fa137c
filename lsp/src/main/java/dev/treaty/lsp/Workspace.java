package dev.treaty.lsp;

import dev.treaty.language.Limits;
import dev.treaty.model.AgreementFolder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The texts the editor has open (which win over the files on disk) and, per folder, the
 * analysis of the folder as it stands. An analysis is made when first asked for after a change
 * and kept until the next change in its folder. Thread-safe.
 */
final class Workspace {

    private final Map<Path, String> open = new HashMap<>();
    private final Map<Path, FolderAnalysis> analyses = new HashMap<>();

    static Path pathOf(String uri) {
        return Path.of(URI.create(uri)).toAbsolutePath().normalize();
    }

    static String uriOf(Path path) {
        return path.toUri().toString();
    }

    /** The folder a file belongs to: the agreement folder is the file's directory, as for {@code treaty check FOLDER}. */
    static Path folderOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    synchronized void open(Path file, String text) {
        open.put(file, text);
        analyses.remove(folderOf(file));
    }

    synchronized void close(Path file) {
        open.remove(file);
        analyses.remove(folderOf(file));
    }

    /** A file changed on disk (saved, created, deleted by another program). */
    synchronized void changedOnDisk(Path file) {
        analyses.remove(folderOf(file));
    }

    synchronized String text(Path file) {
        String text = open.get(file);
        if (text != null) return text;
        FolderAnalysis analysis = analysis(folderOf(file));
        return analysis.file(file).map(FileIndex::text).orElse("");
    }

    synchronized FolderAnalysis analysis(Path folder) {
        FolderAnalysis analysis = analyses.get(folder);
        if (analysis == null) {
            analysis = new FolderAnalysis(folder, texts(folder));
            analyses.put(folder, analysis);
        }
        return analysis;
    }

    /** The folder's agreement files in the order {@code treaty check} reads them, open ones as the editor has them. */
    private Map<Path, String> texts(Path folder) {
        Map<Path, String> texts = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(p -> p.getFileName().toString().endsWith(AgreementFolder.SUFFIX) && Files.isRegularFile(p))
                        .map(p -> p.toAbsolutePath().normalize()).sorted().limit(Limits.AGREEMENT_FILES_MAX)
                        .forEach(p -> read(p).ifPresent(text -> texts.put(p, text)));
            } catch (IOException e) {
                // an unreadable folder: only the open files are known
            }
        }
        open.forEach((path, text) -> {
            if (folderOf(path).equals(folder) && path.getFileName().toString().endsWith(AgreementFolder.SUFFIX)) texts.put(path, text);
        });
        return new LinkedHashMap<>(texts);
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            if (Files.size(file) > Limits.SOURCE_CHARS_MAX) return java.util.Optional.empty();
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
