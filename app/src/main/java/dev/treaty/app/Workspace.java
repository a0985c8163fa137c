package dev.treaty.app;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.Fact;
import dev.treaty.evaluator.facts.FactError;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import dev.treaty.evaluator.facts.RevenueSink;
import dev.treaty.evaluator.settle.Pushdown;
import dev.treaty.evaluator.settle.SettlementPlan;
import dev.treaty.language.DiagnosticPrinter;
import dev.treaty.model.AgreementFolder;
import dev.treaty.model.time.AgreementHistory;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.store.Database;
import dev.treaty.store.Store;
import dev.treaty.store.StoreException;
import dev.treaty.store.StoredInputs;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One agreement and its facts, opened from files or a store, as known and as recorded at an
 * instant: what every question starts from. Opening checks everything (agreement files, event
 * files) and refuses with every reason at once; revenue is streamed when a question needs it.
 * Not thread-safe; close it to release the store.
 */
public final class Workspace implements AutoCloseable {

    /** Bad fact lines printed before the rest are only counted. */
    public static final int ERRORS_SHOWN_MAX = 50;

    /**
     * Where the agreement and facts come from, and as known when.
     *
     * @param folder     the agreement folder (or one file); empty with a store
     * @param db         the store's URL ({@code sqlite:PATH}, {@code jdbc:postgresql://…}); facts given as files are added to the store's
     * @param asKnown    documents signed and facts known by then ({@link Instant#MAX}: everything)
     * @param asRecorded what the store held then ({@link Instant#MAX}: everything); only with a store
     */
    public record Inputs(Optional<Path> folder, Optional<String> db, Optional<String> agreement, Map<String, String> assume,
                         List<Path> events, List<Path> revenue, boolean skipBad, Instant asKnown, Instant asRecorded, boolean strict) {

        public Inputs {
            assume = Map.copyOf(assume);
            events = List.copyOf(events);
            revenue = List.copyOf(revenue);
        }

        /** Just a folder: every document and no facts. */
        public static Inputs folder(Path folder) {
            return new Inputs(Optional.of(folder), Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(), false,
                    Instant.MAX, Instant.MAX, false);
        }

        public Inputs withEvents(List<Path> files) {
            return new Inputs(folder, db, agreement, assume, files, revenue, skipBad, asKnown, asRecorded, strict);
        }

        public Inputs withRevenue(List<Path> files) {
            return new Inputs(folder, db, agreement, assume, events, files, skipBad, asKnown, asRecorded, strict);
        }

        public Inputs asKnown(Instant instant) {
            return new Inputs(folder, db, agreement, assume, events, revenue, skipBad, instant, asRecorded, strict);
        }
    }

    private final Inputs inputs;
    private final Store store;
    private final AgreementFolder.Loaded loaded;
    private final AgreementHistory history;
    private final Facts facts;
    private final Consumer<String> notices;
    private final RevenueReader.Progress progress;
    private final boolean storedRevenue;

    private Workspace(Inputs inputs, Store store, AgreementFolder.Loaded loaded, AgreementHistory history, Facts facts,
                      Consumer<String> notices, RevenueReader.Progress progress, boolean storedRevenue) {
        this.storedRevenue = storedRevenue;
        this.inputs = inputs;
        this.store = store;
        this.loaded = loaded;
        this.history = history;
        this.facts = facts;
        this.notices = notices;
        this.progress = progress;
    }

    /**
     * Opens the inputs: loads and checks the agreement (files, or the files the store had recorded
     * by {@code asRecorded}) and the events.
     *
     * @param notices  told of lines skipped under {@code skipBad}
     * @param progress told how far a revenue read has got
     * @throws BadRequest with every diagnostic, when anything is wrong
     */
    public static Workspace open(Inputs inputs, Consumer<String> notices, RevenueReader.Progress progress) {
        return open(inputs, notices, progress, true, true);
    }

    /**
     * Opens the inputs, with a store's events and revenue each taken or left out: an agreement
     * test over HTTP sees the store's facts of a kind only where it names facts of that kind.
     */
    public static Workspace open(Inputs inputs, Consumer<String> notices, RevenueReader.Progress progress, boolean storedEvents,
                                 boolean storedRevenue) {
        if (inputs.folder().isEmpty() && inputs.db().isEmpty()) {
            throw new BadRequest("name the agreement folder (DIR) or a store (--db URL)");
        }
        if (inputs.folder().isPresent() && inputs.db().isPresent()) {
            throw new BadRequest("give either an agreement folder or --db, not both");
        }
        for (List<Path> files : List.of(inputs.events(), inputs.revenue())) {
            java.util.Set<Path> seen = new java.util.HashSet<>();
            for (Path file : files) {
                if (!seen.add(file.toAbsolutePath().normalize())) {
                    throw new BadRequest(file + " is named twice: its facts would count twice");
                }
            }
        }
        if (!inputs.asRecorded().equals(Instant.MAX) && inputs.db().isEmpty()) {
            throw new BadRequest("--as-recorded asks what a store held at an instant; it needs --db (for files, use --as-known)");
        }
        Store store = null;
        try {
            store = inputs.db().isPresent() ? Store.open(Database.of(inputs.db().get()), false) : null;
            AgreementFolder.Loaded loaded = store != null
                    ? StoredInputs.agreements(store, Store.micros(inputs.asRecorded()), inputs.assume())
                    : AgreementFolder.load(List.of(inputs.folder().get()), inputs.assume());
            String where = inputs.folder().map(Path::toString).orElse(inputs.db().orElse(""));
            if (store != null && loaded.histories().isEmpty()) {
                throw new BadRequest("no agreement is stored in " + where + (inputs.asRecorded().equals(Instant.MAX) ? ""
                        : " as recorded at " + inputs.asRecorded()) + "; add one with 'treaty agreement add DIR --db " + where + "'");
            }
            failOnErrors(loaded, where, "nothing was computed" + (inputs.folder().isPresent() ? " (run 'treaty check " + where
                    + "' for details)" : ""));
            AgreementHistory history;
            try {
                history = loaded.agreement(inputs.agreement());
            } catch (IllegalArgumentException e) {
                throw new BadRequest(where + ": " + e.getMessage());
            }
            List<Fact> stored = store != null && storedEvents ? StoredInputs.events(store, Store.micros(inputs.asRecorded())).all() : List.of();
            Facts facts = facts(inputs, stored, history, notices);
            return new Workspace(inputs, store, loaded, history, facts, notices, progress, storedRevenue);
        } catch (StoreException e) {
            if (store != null) store.close();
            throw new BadRequest(e.getMessage());
        } catch (RuntimeException e) {
            if (store != null) store.close();
            throw e;
        }
    }

    /** Fails with every diagnostic, printed with its source line, when the load has an error. */
    public static void failOnErrors(AgreementFolder.Loaded loaded, String where, String consequence) {
        if (!loaded.hasErrors()) return;
        DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
        List<String> details = loaded.diagnostics().stream().map(printer::print).map(String::stripTrailing).toList();
        long errors = loaded.diagnostics().stream().filter(d -> d.isError()).count();
        throw new BadRequest(errors + " error" + (errors == 1 ? "" : "s") + " in " + where + "; " + consequence, details);
    }

    /**
     * A workspace on agreements and events already read from a store (a service keeps them between
     * requests): no store is held open, so it answers decisions but streams no revenue.
     */
    public static Workspace ofStored(AgreementFolder.Loaded loaded, String agreement, List<Fact> events, Instant asKnown) {
        Inputs inputs = new Inputs(Optional.empty(), Optional.empty(), Optional.of(agreement), Map.of(), List.of(), List.of(), false,
                asKnown, Instant.MAX, false);
        failOnErrors(loaded, "the store", "nothing was computed");
        AgreementHistory history;
        try {
            history = loaded.agreement(Optional.of(agreement));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        return new Workspace(inputs, null, loaded, history, facts(inputs, events, history, notice -> { }), notice -> { },
                RevenueReader.Progress.NONE, true);
    }

    private static Facts facts(Inputs inputs, List<Fact> stored, AgreementHistory history, Consumer<String> notices) {
        EventReader.Result read = EventReader.read(inputs.events());
        check(read.errors(), inputs.skipBad(), "event", notices);
        List<Fact> all = new ArrayList<>(read.facts());
        // a store is shared by agreements: its events that concern another agreement are that one's
        all.addAll(dev.treaty.evaluator.facts.FactChecks.relevant(history, stored));
        dev.treaty.evaluator.facts.FactChecks.Result checked = dev.treaty.evaluator.facts.FactChecks.check(history, all);
        List<FactError> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(checked.warnings());
        List<FactError> errors = new ArrayList<>(checked.errors());
        if (inputs.strict()) errors.addAll(warnings);
        else warnings.forEach(w -> notices.accept(w + " (a warning; --strict makes it an error)"));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing((FactError e) -> e.file().toString()).thenComparingLong(FactError::line));
            check(errors, false, "event", notices);
        }
        Facts facts = new Facts(all);
        return inputs.asKnown().equals(Instant.MAX) ? facts : facts.knownAt(inputs.asKnown());
    }

    /** Reports bad lines: refuses the request, or with {@code skipBad} tells the notices and goes on. */
    static void check(List<FactError> errors, boolean skipBad, String what, Consumer<String> notices) {
        if (errors.isEmpty()) return;
        List<String> lines = new ArrayList<>();
        errors.stream().limit(ERRORS_SHOWN_MAX).forEach(e -> lines.add(e + (skipBad ? " (skipped)" : "")));
        if (errors.size() > ERRORS_SHOWN_MAX) lines.add("… and " + (errors.size() - ERRORS_SHOWN_MAX) + " more bad lines");
        String count = errors.size() + " bad " + what + " line" + (errors.size() == 1 ? "" : "s");
        if (!skipBad) throw new BadRequest(count + "; nothing was computed (--skip-bad goes on without them)", lines);
        lines.forEach(notices);
        notices.accept("treaty: skipped " + count);
    }

    public Inputs inputs() {
        return inputs;
    }

    public AgreementFolder.Loaded loaded() {
        return loaded;
    }

    public AgreementHistory history() {
        return history;
    }

    /** The agreement as known at the workspace's {@code asKnown}: the documents signed by then. */
    public AgreementHistory.AsKnown agreement() {
        return history.asKnown(knownAtDay());
    }

    /** The day documents must be signed by to be known. */
    public LocalDate knownAtDay() {
        return Instants.day(inputs.asKnown());
    }

    /** The events as known. */
    public Facts facts() {
        return facts;
    }

    public Optional<Store> store() {
        return Optional.ofNullable(store);
    }

    /**
     * The version in force on {@code date} as known.
     *
     * @throws BadRequest when the agreement is not in force then
     */
    public ConsolidatedAgreement versionOn(LocalDate date) {
        LocalDate knownAt = knownAtDay();
        return history.versionOn(date, knownAt).orElseThrow(() -> new BadRequest(history.id() + " is not in force on "
                + date + (knownAt.equals(LocalDate.MAX) ? "" : " as known on " + knownAt) + ": it takes effect on "
                + history.agreement().effective() + " and was signed on " + history.agreement().signed()));
    }

    /** Whether any revenue is to be had: files given, or a store. */
    public boolean hasRevenue() {
        return !inputs.revenue().isEmpty() || (store != null && storedRevenue);
    }

    /**
     * Streams the revenue known at {@code asKnown} into {@code consumer}: the CSV files (checked;
     * bad lines refuse the request unless {@code skipBad}), then the store's lines as recorded.
     */
    public void revenue(Consumer<RevenueLine> consumer) {
        Consumer<RevenueLine> known = RevenueSink.knownAt(inputs.asKnown(), consumer);
        if (!inputs.revenue().isEmpty()) {
            RevenueReader.Result result = RevenueReader.read(inputs.revenue(), known, progress);
            check(result.errors(), inputs.skipBad(), "revenue", notices);
        }
        storedRevenue(known);
    }

    /**
     * Feeds a settlement plan: CSV files streamed, Parquet files (and CSV with {@code pushdown})
     * summed by the pushdown engine, then the store's lines.
     */
    public void revenue(SettlementPlan plan, boolean pushdown) {
        List<Path> pushed = inputs.revenue().stream().filter(f -> pushdown || Pushdown.isParquet(f)).toList();
        List<Path> streamed = inputs.revenue().stream().filter(f -> !pushed.contains(f)).toList();
        Consumer<RevenueLine> known = RevenueSink.knownAt(inputs.asKnown(), plan);
        if (!streamed.isEmpty()) {
            RevenueReader.Result result = RevenueReader.read(streamed, known, progress);
            check(result.errors(), inputs.skipBad(), "revenue", notices);
        }
        storedRevenue(known);
        if (!pushed.isEmpty()) check(Pushdown.aggregate(plan, pushed, inputs.asKnown()).errors(), inputs.skipBad(), "revenue", notices);
    }

    private void storedRevenue(Consumer<RevenueLine> known) {
        if (store == null || !storedRevenue) return;
        try {
            store.revenue(Store.micros(inputs.asRecorded()), known);
        } catch (StoreException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (store != null) store.close();
    }
}
