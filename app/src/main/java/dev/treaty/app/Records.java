package dev.treaty.app;

import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.language.Diagnostic;
import dev.treaty.language.DiagnosticPrinter;
import dev.treaty.language.Diagnostics;
import dev.treaty.language.LiterateReader;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.DocumentKind;
import dev.treaty.model.build.DocumentBuilder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.store.Database;
import dev.treaty.store.Ingest;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The writes that keep a store's records: agreement documents added, facts ingested or corrected.
 * Each checks what it is given before it writes, so a refused write leaves the store as it was.
 */
public final class Records {

    /** Who makes a change and why, for the audit trail. */
    public record Author(String who, String why) {
    }

    private Records() {
    }

    /**
     * Stores a folder's {@code *.treaty.md} files (or one file) as versions, by content: checked
     * first together with the documents already stored (an amendment needs its agreement), and
     * stored only when the whole set is free of errors.
     */
    public static Store.Added addAgreements(Database database, Path folder, Author author) {
        List<Path> files;
        try (Stream<Path> walk = Files.isDirectory(folder) ? Files.list(folder) : Stream.of(folder)) {
            files = walk.filter(dev.treaty.model.AgreementFolder::isDocument).sorted().toList();
        } catch (IOException e) {
            throw new BadRequest(folder + ": cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) throw new BadRequest(folder + ": no *.treaty.md files; nothing was stored");
        return refusing(() -> {
            try (Store store = Store.open(database, true)) {
                Map<Path, String> texts = new LinkedHashMap<>(store.agreementTexts(Store.MAX));
                for (Path file : files) {
                    try {
                        texts.remove(Path.of(file.getFileName().toString()));   // stored by name: this is its next version
                        texts.put(file, Files.readString(file));
                    } catch (IOException e) {
                        throw new BadRequest(file + ": cannot be read: " + e.getMessage());
                    }
                }
                Workspace.failOnErrors(AgreementFolder.loadTexts(texts, Map.of()), folder.toString(), "nothing was stored");
                return store.addAgreements(files, author.who(), author.why());
            }
        });
    }

    /** A document refused because its agreement is not one the adding party is on (a service answers 404, as for none at all). */
    public static final class NotYours extends RuntimeException {
        private final String agreement;

        NotYours(String agreement) {
            super("no agreement '" + agreement + "' is visible to you", null, false, false);
            this.agreement = agreement;
        }

        public String agreement() {
            return agreement;
        }
    }

    /** The longest agreement document accepted from a service. */
    public static final int DOCUMENT_MAX_BYTES = 1_000_000;

    /**
     * Stores one agreement document given as text (a service's upload), checked like
     * {@link #addAgreements} and only if the agreement it belongs to (after adding it) names {@code party}.
     *
     * @param name the file name it is stored under ({@code *.treaty.md}); the same name again is its next version
     */
    public static Store.Added addDocument(Database database, String name, String text, String party, Author author) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.treaty\\.md")) {
            throw new BadRequest("name: '" + name + "' is not a file name ending in .treaty.md (letters, digits, '.', '_', '-')");
        }
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > DOCUMENT_MAX_BYTES) {
            throw new BadRequest("the document is longer than " + DOCUMENT_MAX_BYTES + " bytes");
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("treaty-document");
        } catch (IOException e) {
            throw new BadRequest("cannot hold the document for checking: " + e.getMessage());
        }
        Path file = folder.resolve(name);
        try {
            Files.writeString(file, text);
            Map<Path, String> texts = new LinkedHashMap<>();
            try (Store store = Store.open(database, false)) {
                texts.putAll(store.agreementTexts(Store.MAX));
            } catch (StoreException e) {
                throw new BadRequest(e.getMessage());
            }
            // whose agreement is it? decided from the document's own header, before anything stored is
            // compared with it, so that neither the answer nor any diagnostic tells of an agreement the party is not on
            Diagnostics own = new Diagnostics();
            Optional<DocumentBuilder.Header> header = DocumentBuilder.header(LiterateReader.read(Path.of(name), text, own), own);
            if (header.isEmpty()) {
                long errors = own.sorted().stream().filter(Diagnostic::isError).count();
                throw new BadRequest(errors + " error" + (errors == 1 ? "" : "s") + " in " + name + "; nothing was stored",
                        printed(own.sorted(), Map.of(Path.of(name), dev.treaty.language.SourceText.of(Path.of(name), text))));
            }
            String agreement = header.get().target().orElse(header.get().id());
            Optional<AgreementHistory> existing = AgreementFolder.loadTexts(texts, Map.of()).histories().stream()
                    .filter(h -> h.id().equals(agreement)).findFirst();
            if (existing.isPresent() ? !Snapshot.parties(existing.get()).contains(party) : header.get().kind() != DocumentKind.AGREEMENT) {
                throw new NotYours(agreement);
            }
            if (existing.isEmpty() && header.get().parties().stream().noneMatch(p -> p.shortName().equals(party))) {
                throw new BadRequest(name + ": the agreement does not name your party (" + party + ") among its parties; nothing was stored");
            }
            texts.remove(Path.of(name));
            texts.put(file, text);
            AgreementFolder.Loaded loaded = AgreementFolder.loadTexts(texts, Map.of());
            if (loaded.hasErrors()) {
                List<Diagnostic> mine = loaded.diagnostics().stream().filter(d -> d.at().file().equals(file)).toList();
                long others = loaded.diagnostics().stream().filter(d -> d.isError() && !d.at().file().equals(file)).count();
                List<String> details = new ArrayList<>(printed(mine, loaded.sources()).stream()
                        .map(line -> line.replace(folder + java.io.File.separator, "")).toList());
                if (others > 0) details.add(others + " error" + (others == 1 ? "" : "s") + " in other stored documents of the agreement that this one causes");
                long errors = mine.stream().filter(Diagnostic::isError).count() + others;
                throw new BadRequest(errors + " error" + (errors == 1 ? "" : "s") + " in " + name + "; nothing was stored", details);
            }
            return addAgreements(database, file, author);
        } catch (IOException e) {
            throw new BadRequest("cannot hold the document for checking: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(folder);
            } catch (IOException ignored) {
                // a temporary file left behind holds nothing that is not in the store
            }
        }
    }

    private static List<String> printed(List<Diagnostic> diagnostics, Map<Path, dev.treaty.language.SourceText> sources) {
        DiagnosticPrinter printer = new DiagnosticPrinter(sources);
        return diagnostics.stream().map(printer::print).map(String::stripTrailing).toList();
    }

    /**
     * What a load did: the events' result, then the revenue's (absent when there were none of a
     * kind, and the revenue not loaded at all when the events were refused).
     */
    public record Loaded(Optional<Ingest.Result> events, Optional<Ingest.Result> revenue) {
    }

    /**
     * Loads revenue ({@code *.csv}) and event ({@code *.jsonl}) files: events first, then revenue,
     * each file whole or not at all. With {@code correct}, a fact under a used id is stored as its
     * next version instead of being refused.
     */
    public static Loaded load(Database database, List<Path> files, boolean correct, Author author, RevenueReader.Progress progress) {
        List<Path> revenue = new ArrayList<>();
        List<Path> events = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) revenue.add(file);
            else if (name.endsWith(".jsonl") || name.endsWith(".json")) events.add(file);
            else throw new BadRequest(file + ": not a revenue file (.csv) or an events file (.jsonl)");
            if (!Files.isRegularFile(file)) throw new BadRequest(file + ": no such file; nothing was stored");
        }
        return refusing(() -> {
            try (Store store = Store.open(database, true)) {
                Ingest ingest = new Ingest(store, author.who(), author.why(), correct);
                Optional<Ingest.Result> eventResult = events.isEmpty() ? Optional.empty() : Optional.of(ingest.events(events));
                if (eventResult.isPresent() && !eventResult.get().errors().isEmpty()) return new Loaded(eventResult, Optional.empty());
                return new Loaded(eventResult, revenue.isEmpty() ? Optional.empty() : Optional.of(ingest.revenue(revenue, progress)));
            }
        });
    }

    /** Runs a write, turning a store's refusal into a {@link BadRequest}. */
    static <T> T refusing(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (StoreException e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
