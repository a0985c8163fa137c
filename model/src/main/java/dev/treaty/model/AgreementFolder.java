package dev.treaty.model;

import dev.treaty.language.Limits;
import dev.treaty.language.Diagnostic;
import dev.treaty.language.Diagnostics;
import dev.treaty.language.LiterateDocument;
import dev.treaty.language.LiterateReader;
import dev.treaty.language.SourcePosition;
import dev.treaty.language.SourceText;
import dev.treaty.model.build.Checks;
import dev.treaty.model.build.DocumentBuilder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.value.Quantity;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads a folder of agreement files (or single files) into agreement histories, with every
 * diagnostic. The one entry point from the outside into the model.
 */
public final class AgreementFolder {

    public static final String SUFFIX = ".treaty.md";
    /** Files of expected answers beside the agreement, read by {@code treaty test}, never as documents. */
    public static final String TEST_SUFFIX = ".test.treaty.md";

    /**
     * What a load produced. Histories are usable only when {@link #hasErrors()} is false.
     *
     * @param sources every file read, for printing diagnostics with their source line
     * @param unreported how many diagnostics past the limit DIAGNOSTICS_MAX were counted but not kept
     */
    public record Loaded(List<AgreementHistory> histories, Map<String, Assumption> assumptions,
                         List<Diagnostic> diagnostics, Map<Path, SourceText> sources, int unreported) {

        public boolean hasErrors() {
            return unreported > 0 || diagnostics.stream().anyMatch(Diagnostic::isError);
        }

        /** The only agreement, or the one with this id; empty with a reason when that is ambiguous. */
        public AgreementHistory agreement(Optional<String> id) {
            if (id.isPresent()) {
                return histories.stream().filter(h -> h.id().equals(id.get())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no agreement '" + id.get() + "'; agreements: "
                                + String.join(", ", histories.stream().map(AgreementHistory::id).toList())));
            }
            if (histories.size() != 1) {
                throw new IllegalArgumentException(histories.isEmpty() ? "no agreement found (files named *" + SUFFIX + ")"
                        : "several agreements; choose one with --agreement: "
                        + String.join(", ", histories.stream().map(AgreementHistory::id).toList()));
            }
            return histories.get(0);
        }
    }

    private AgreementFolder() {
    }

    /**
     * Whether a file's name makes it an agreement document of its folder: {@code *.treaty.md}, but
     * not {@code *.test.treaty.md}, which holds expected answers (read by {@code treaty test}).
     */
    public static boolean isDocument(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.endsWith(TEST_SUFFIX);
    }

    public static Loaded load(Path path) {
        return load(List.of(path), Map.of());
    }

    /**
     * Loads the agreement files at {@code paths} (folders are searched for {@code *.treaty.md},
     * not recursively) as one folder, with the command line's assumption overrides.
     */
    public static Loaded load(List<Path> paths, Map<String, String> overrides) {
        return load(paths, overrides, Map.of());
    }

    /**
     * Loads as {@link #load(List, Map)} does, but with {@code unsaved} texts (an editor's open
     * files, keyed by absolute path) in place of what is on disk, and unsaved files of these
     * folders that are not on disk yet added: the editor's diagnostics are then exactly the
     * command line's for the same texts.
     */
    public static Loaded load(List<Path> paths, Map<String, String> overrides, Map<Path, String> unsaved) {
        Diagnostics diagnostics = new Diagnostics();
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path file : files(paths, diagnostics)) {
            String open = unsaved.get(file.toAbsolutePath().normalize());
            if (open != null) texts.put(file, open);
            else read(file, diagnostics).ifPresent(text -> texts.put(file, text));
        }
        for (Map.Entry<Path, String> open : unsaved.entrySet()) {
            boolean inFolder = paths.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(open.getKey().getParent()));
            boolean known = texts.keySet().stream().anyMatch(f -> f.toAbsolutePath().normalize().equals(open.getKey()));
            if (inFolder && !known && isDocument(open.getKey())) texts.put(open.getKey(), open.getValue());
        }
        return load(texts, overrides, diagnostics);
    }

    /** Loads agreement files given as text, keyed by the path they are reported under. */
    public static Loaded loadTexts(Map<Path, String> texts, Map<String, String> overrides) {
        return load(texts, overrides, new Diagnostics());
    }

    private static Loaded load(Map<Path, String> texts, Map<String, String> overrides, Diagnostics diagnostics) {
        Map<Path, SourceText> sources = new LinkedHashMap<>();
        List<LiterateDocument> documents = new ArrayList<>();
        texts.forEach((file, text) -> {
            LiterateDocument document = LiterateReader.read(file, text, diagnostics);
            sources.put(file, document.source());
            documents.add(document);
        });

        Map<LiterateDocument, DocumentBuilder.Header> headers = new LinkedHashMap<>();
        for (LiterateDocument document : documents) {
            DocumentBuilder.header(document, diagnostics).ifPresent(h -> headers.put(document, h));
        }
        Map<String, Assumption> assumptions = new TreeMap<>();
        Map<String, SourcePosition> refusedAssumptions = new TreeMap<>();
        for (LiterateDocument document : documents) {
            DocumentKind kind = Optional.ofNullable(headers.get(document)).map(DocumentBuilder.Header::kind).orElse(null);
            DocumentBuilder.Declared declared = DocumentBuilder.assumptions(document, kind, diagnostics);
            declared.refused().forEach(refusedAssumptions::putIfAbsent);
            for (Assumption assumption : declared.accepted()) {
                Assumption earlier = assumptions.putIfAbsent(assumption.name(), assumption);
                if (earlier != null) {
                    diagnostics.error(assumption.at(), "", "assumption '" + assumption.name() + "' is already named at "
                            + earlier.at().toLineString());
                }
            }
        }
        override(assumptions, overrides, diagnostics);

        Map<String, Document> agreements = new LinkedHashMap<>();
        List<Document> changes = new ArrayList<>();
        List<Document> assumptionFiles = new ArrayList<>();
        for (var entry : headers.entrySet()) {
            Document document = DocumentBuilder.build(entry.getKey(), entry.getValue(), assumptions, refusedAssumptions, diagnostics);
            switch (document.kind()) {
                case AGREEMENT -> {
                    Document earlier = agreements.putIfAbsent(document.id(), document);
                    if (earlier != null) {
                        diagnostics.error(document.at(), "", "agreement id '" + document.id() + "' is already used by "
                                + earlier.path());
                    }
                }
                case ASSUMPTIONS -> assumptionFiles.add(document);
                default -> changes.add(document);
            }
        }
        Map<String, List<Document>> changesByAgreement = new LinkedHashMap<>();
        Map<String, Document> ids = new TreeMap<>(agreements);
        for (Document change : changes) {
            String target = change.target().orElseThrow();
            if (!agreements.containsKey(target)) {
                diagnostics.error(change.at(), "", change.kind().label() + " " + change.id() + " names agreement '" + target
                        + "', which is not in this folder" + known(agreements));
                continue;
            }
            Document earlier = ids.putIfAbsent(change.id(), change);
            if (earlier != null) {
                diagnostics.error(change.at(), "", "document id '" + change.id() + "' is already used by " + earlier.path());
                continue;
            }
            if (change.signed().isBefore(agreements.get(target).signed())) {
                diagnostics.error(change.at(), "", change.kind().label() + " " + change.id() + " is signed on " + change.signed()
                        + ", before agreement " + target + " (" + agreements.get(target).signed() + ")");
                continue;
            }
            changesByAgreement.computeIfAbsent(target, t -> new ArrayList<>()).add(change);
        }
        for (Document file : assumptionFiles) {
            if (!agreements.containsKey(file.target().orElseThrow())) {
                diagnostics.error(file.at(), "", "assumptions for '" + file.target().get() + "': no such agreement in this folder"
                        + known(agreements));
            }
        }

        List<AgreementHistory> histories = new ArrayList<>();
        for (Document agreement : agreements.values()) {
            AgreementHistory history = AgreementHistory.of(agreement, changesByAgreement.getOrDefault(agreement.id(), List.of()),
                    assumptions, diagnostics);
            Checks.run(history, diagnostics);
            histories.add(history);
        }
        unusedAssumptions(assumptions, histories, diagnostics);
        return new Loaded(List.copyOf(histories), java.util.Collections.unmodifiableMap(new TreeMap<>(assumptions)), diagnostics.sorted(), Map.copyOf(sources),
                diagnostics.dropped());
    }

    private static String known(Map<String, Document> agreements) {
        return agreements.isEmpty() ? "" : "; agreements here: " + String.join(", ", agreements.keySet());
    }

    private static List<Path> files(List<Path> paths, Diagnostics diagnostics) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(p -> isDocument(p) && Files.isRegularFile(p))
                            .sorted().limit(Limits.AGREEMENT_FILES_MAX + 1L).forEach(files::add);
                } catch (IOException e) {
                    diagnostics.error(SourcePosition.of(path, 1, 1), "", "cannot list folder: " + e.getMessage());
                }
                if (files.isEmpty()) {
                    diagnostics.error(SourcePosition.of(path, 1, 1), "", "no agreement files (*" + SUFFIX + ") in this folder");
                }
            } else if (Files.isRegularFile(path)) {
                if (!path.getFileName().toString().endsWith(SUFFIX)) {
                    diagnostics.warning(SourcePosition.of(path, 1, 1), "", "agreement files are named *" + SUFFIX);
                }
                files.add(path);
            } else {
                diagnostics.error(SourcePosition.of(path, 1, 1), "", Files.exists(path) ? "not a regular file or a folder" : "no such file or folder");
            }
        }
        if (files.size() > Limits.AGREEMENT_FILES_MAX) {
            diagnostics.error(SourcePosition.of(files.get(0), 1, 1), "", "more than " + Limits.AGREEMENT_FILES_MAX + " agreement files");
            return files.subList(0, Limits.AGREEMENT_FILES_MAX);
        }
        return files;
    }

    /**
     * A file's text, read as every reader of agreements reads it: at most {@link Limits#SOURCE_CHARS_MAX}
     * bytes, UTF-8 only; a file that cannot be read is reported to {@code diagnostics} and gives nothing.
     */
    public static Optional<String> read(Path file, Diagnostics diagnostics) {
        try {
            if (Files.size(file) > Limits.SOURCE_CHARS_MAX) {
                diagnostics.error(SourcePosition.of(file, 1, 1), "", "file is larger than " + Limits.SOURCE_CHARS_MAX + " bytes");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            diagnostics.error(SourcePosition.of(file, 1, 1), "", "file is not UTF-8 text");
        } catch (IOException e) {
            diagnostics.error(SourcePosition.of(file, 1, 1), "", "cannot read file: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static void override(Map<String, Assumption> assumptions, Map<String, String> overrides, Diagnostics diagnostics) {
        SourcePosition commandLine = SourcePosition.of(Path.of("--assume"), 1, 1);
        for (var entry : overrides.entrySet()) {
            Assumption original = assumptions.get(entry.getKey());
            if (original == null) {
                diagnostics.error(commandLine, "", "--assume " + entry.getKey() + ": no such assumption"
                        + (assumptions.isEmpty() ? "" : "; assumptions: " + String.join(", ", assumptions.keySet())));
                continue;
            }
            Optional<Quantity> value = DocumentBuilder.commandLineValue(entry.getValue(), diagnostics);
            if (value.isEmpty()) continue;
            if (value.get().getClass() != original.value().getClass()) {
                diagnostics.error(commandLine, "", "--assume " + entry.getKey() + "=" + entry.getValue() + ": expected "
                        + original.value().typeName() + " like " + original.value() + ", got " + value.get().typeName());
                continue;
            }
            if (original.value() instanceof Quantity.OfWord was && value.get() instanceof Quantity.OfWord now) {
                List<String> words = was.isYesNo() ? List.of("yes", "no")
                        : List.of("support", "decline").contains(was.word()) ? List.of("support", "decline") : List.of(was.word(), now.word());
                if (!words.contains(now.word())) {
                    diagnostics.error(commandLine, "", "--assume " + entry.getKey() + "=" + entry.getValue() + ": expected "
                            + String.join(" or ", words));
                    continue;
                }
            }
            assumptions.put(entry.getKey(), new Assumption(entry.getKey(), value.get(),
                    "overridden on the command line (was " + original.value() + ": " + original.basis() + ")", original.at(), true));
        }
    }

    private static void unusedAssumptions(Map<String, Assumption> assumptions, List<AgreementHistory> histories,
                                          Diagnostics diagnostics) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (AgreementHistory history : histories) {
            List<Document> documents = new ArrayList<>(history.changes());
            documents.add(history.agreement());
            for (Document document : documents) {
                Stream.concat(document.clauses().stream(), document.operations().stream().flatMap(o -> o.clause().stream()))
                        .flatMap(c -> c.terms().stream())
                        .forEach(t -> used.addAll(t.header().assumptions()));
            }
        }
        for (Assumption assumption : assumptions.values()) {
            if (!used.contains(assumption.name())) {
                diagnostics.warning(assumption.at(), "", "assumption '" + assumption.name() + "' is not used by any term");
            }
        }
    }
}
