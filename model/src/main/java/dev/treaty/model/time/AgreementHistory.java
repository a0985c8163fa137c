package dev.treaty.model.time;

import dev.treaty.language.Diagnostics;
import dev.treaty.model.Assumption;
import dev.treaty.model.Clause;
import dev.treaty.model.ClauseOperation;
import dev.treaty.model.Document;
import dev.treaty.model.DocumentKind;
import dev.treaty.model.Party;
import dev.treaty.model.term.ProductKinds;
import dev.treaty.model.term.Term;
import dev.treaty.model.value.ClauseId;
import dev.treaty.model.value.DateWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An agreement and every document that changes it, answering which version is in force on a
 * date as known on another date. Immutable once built; safe to share between threads.
 */
public final class AgreementHistory {

    /** Orders changes as they apply: by signing date, then effective date, then file. */
    static final Comparator<Document> SIGNING_ORDER = Comparator.comparing(Document::signed)
            .thenComparing(Document::effective)
            .thenComparing(d -> d.path().toString());

    /**
     * The versions known at one knowledge date, with an index from each day between the first and
     * the last version's start to the version in force, so a look-up is one array read however
     * many versions there are. Spans longer than {@link #DAY_INDEX_MAX} days fall back to a binary
     * search over the start days.
     */
    private record Timeline(long[] starts, ConsolidatedAgreement[] versions, int[] dayIndex, int[][] runStarts) {

        /** 300 years of days: 440 KB of index at most. */
        static final int DAY_INDEX_MAX = 110_000;

        static Timeline of(long[] starts, ConsolidatedAgreement[] versions) {
            int[] index = new int[0];
            if (starts.length > 0 && starts[starts.length - 1] - starts[0] < DAY_INDEX_MAX) {
                index = new int[(int) (starts[starts.length - 1] - starts[0] + 1)];
                for (int v = 0; v < starts.length; v++) {
                    int from = (int) (starts[v] - starts[0]);
                    int to = v + 1 < starts.length ? (int) (starts[v + 1] - starts[0]) : index.length;
                    java.util.Arrays.fill(index, from, to, v);
                }
            }
            return new Timeline(starts, versions, index, runStarts(versions));
        }

        /**
         * For each version and each of its terms, the first version of the unbroken run that states
         * the term with the same values. Made once, from each version's predecessor (a term carried
         * over is the same object, so values are compared only for clauses replaced): a gate asks
         * it on every decision, and comparing terms' values is costly.
         */
        private static int[][] runStarts(ConsolidatedAgreement[] versions) {
            int[][] runs = new int[versions.length][];
            for (int v = 0; v < versions.length; v++) {
                List<TermInForce> terms = versions[v].terms();
                runs[v] = new int[terms.size()];
                for (int t = 0; t < terms.size(); t++) {
                    int before = v == 0 ? -1 : AsKnown.stated(versions[v - 1], terms.get(t));
                    runs[v][t] = before < 0 ? v : runs[v - 1][before];
                }
            }
            return runs;
        }

        /** The first version of the unbroken run, up to version {@code at}, that states {@code term} with the same values. */
        int runStart(int at, TermInForce term) {
            List<TermInForce> terms = versions[at].terms();
            for (int t = 0; t < terms.size(); t++) {
                if (terms.get(t) == term) return runStarts[at][t];
            }
            int first = at;                   // a term from another view of the history: compared afresh
            while (first > 0 && AsKnown.stated(versions[first - 1], term) >= 0) first--;
            return first;
        }

        ConsolidatedAgreement on(LocalDate date) {
            int index = indexOn(date);
            return index < 0 ? null : versions[index];
        }

        /** The index of the last version starting on or before {@code date}; -1 if none. */
        int indexOn(LocalDate date) {
            if (starts.length == 0) return -1;
            long day = date.toEpochDay() - starts[0];
            if (day < 0) return -1;
            if (day >= dayIndex.length) {
                if (dayIndex.length > 0) return versions.length - 1;
                int found = java.util.Arrays.binarySearch(starts, date.toEpochDay());
                return found >= 0 ? found : -found - 2;
            }
            return dayIndex[(int) day];
        }
    }

    private final Document agreement;
    private final Map<String, Assumption> assumptions;
    private final List<Document> changes;        // in SIGNING_ORDER
    private final long[] signedDays;             // changes' signing dates as epoch days, ascending
    /** Timelines by how many changes are known (a prefix of the signing order), built when first asked for. */
    private final AtomicReferenceArray<Timeline> timelines;

    private AgreementHistory(Document agreement, List<Document> changes, Map<String, Assumption> assumptions) {
        this.agreement = agreement;
        this.assumptions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(assumptions));   // in name order, as printed
        this.changes = changes.stream().sorted(SIGNING_ORDER).toList();
        this.signedDays = this.changes.stream().mapToLong(d -> d.signed().toEpochDay()).toArray();
        this.timelines = new AtomicReferenceArray<>(this.changes.size() + 1);
    }

    /**
     * Builds the history and reports operations that cannot apply (a clause replaced or struck
     * that is not in force, a clause added twice) at the operation's position.
     */
    public static AgreementHistory of(Document agreement, List<Document> changes, Map<String, Assumption> assumptions,
                                      Diagnostics diagnostics) {
        if (agreement.kind() != DocumentKind.AGREEMENT) {
            throw new IllegalArgumentException("not an agreement: " + agreement.kind());
        }
        AgreementHistory history = new AgreementHistory(agreement, changes, assumptions);
        history.timelines.set(history.changes.size(), history.timeline(history.build(history.changes.size(), diagnostics)));
        return history;
    }

    /**
     * The history as it would be without one of its changes: what an amendment is worth is the
     * difference between the history with it and without it. Operations of later changes that
     * relied on it are reported to {@code diagnostics} and skipped.
     */
    public AgreementHistory without(String documentId, Diagnostics diagnostics) {
        List<Document> kept = changes.stream().filter(d -> !d.id().equals(documentId)).toList();
        if (kept.size() == changes.size()) throw new IllegalArgumentException("no change '" + documentId + "' in " + id());
        return of(agreement, kept, assumptions, diagnostics);
    }

    /** The named assumptions of the folder this history was loaded from. */
    public Map<String, Assumption> assumptions() {
        return assumptions;
    }

    /**
     * The history as known at {@code knownAt}: only the changes signed by then. One meaning of
     * "as known" for every reader: the documents signed by that day.
     */
    public AsKnown asKnown(LocalDate knownAt) {
        return new AsKnown(this, knownAt);
    }

    /** An agreement's history as known on one day: which version is in force on any date. */
    public record AsKnown(AgreementHistory history, LocalDate knownAt) {

        public Optional<ConsolidatedAgreement> versionOn(LocalDate date) {
            return history.versionOn(date, knownAt);
        }

        public List<ConsolidatedAgreement> versions() {
            return history.versions(knownAt);
        }

        /**
         * The folder's assumptions as they stood on {@code knownAt}: a figure not yet public then
         * says so in its basis, and that it is used for want of another.
         */
        public Map<String, Assumption> assumptions() {
            Map<String, Assumption> known = new java.util.TreeMap<>();
            history.assumptions.forEach((name, assumption) -> known.put(name, assumption.asKnownOn(knownAt)));
            return java.util.Collections.unmodifiableMap(known);
        }

        /** The assumptions behind one term's values, as they stood on {@code knownAt}. */
        public List<Assumption> assumptionsOf(TermInForce term) {
            return term.term().header().assumptions().stream().map(name -> history.assumptions.get(name))
                    .filter(java.util.Objects::nonNull).map(a -> a.asKnownOn(knownAt)).toList();
        }

        /**
         * The first day of the unbroken run of versions, up to the one in force on {@code on},
         * that state {@code term} with the same values (a restatement that repeats a rule does
         * not restart it), and no earlier than the term's own start ({@code from}).
         */
        public LocalDate inForceSince(TermInForce term, LocalDate on) {
            LocalDate since = term.provenance().effective();
            if (!history.agreement.signed().isAfter(knownAt)) {
                Timeline timeline = history.timeline(knownAt);
                // versions follow one another without gaps, each in force until the next begins
                int at = timeline.indexOn(on);
                if (at >= 0) since = timeline.versions()[timeline.runStart(at, term)].inForce().from().orElse(since);
            }
            Optional<LocalDate> from = term.term().validity().window().from();
            return from.isPresent() && from.get().isAfter(since) ? from.get() : since;
        }

        /** Where {@code version} states {@code term} with the same values (its index among the version's terms); -1 if not. */
        private static int stated(ConsolidatedAgreement version, TermInForce term) {
            List<TermInForce> terms = version.terms();
            for (int i = 0; i < terms.size(); i++) {
                Term stated = terms.get(i).term();
                if (stated == term.term()) return i;       // carried over unchanged: the same term, no need to compare
                if (stated.kind() == term.term().kind() && stated.name().equals(term.term().name())) {
                    return stated.attributes().equals(term.term().attributes()) ? i : -1;
                }
            }
            return -1;
        }
    }

    public Document agreement() {
        return agreement;
    }

    public String id() {
        return agreement.id();
    }

    /** The amendments, restatements and clarifications, in the order they apply. */
    public List<Document> changes() {
        return changes;
    }

    /** The version in force on {@code date} with everything known. */
    public Optional<ConsolidatedAgreement> versionOn(LocalDate date) {
        return versionOn(date, LocalDate.MAX);
    }

    /**
     * The version in force on {@code date} as signed by {@code knownAt}: the agreement plus every
     * change signed on or before {@code knownAt} whose effective date is on or before
     * {@code date}. Empty before the agreement takes effect or before it was signed.
     */
    public Optional<ConsolidatedAgreement> versionOn(LocalDate date, LocalDate knownAt) {
        if (agreement.signed().isAfter(knownAt)) return Optional.empty();
        return Optional.ofNullable(timeline(knownAt).on(date));
    }

    /** Every version as known at {@code knownAt}, in date order. */
    public List<ConsolidatedAgreement> versions(LocalDate knownAt) {
        if (agreement.signed().isAfter(knownAt)) return List.of();
        return List.of(timeline(knownAt).versions());
    }

    public List<ConsolidatedAgreement> versions() {
        return versions(LocalDate.MAX);
    }

    private Timeline timeline(LocalDate knownAt) {
        int known = knownCount(knownAt);
        Timeline timeline = timelines.get(known);
        if (timeline == null) {
            timeline = timeline(build(known, new Diagnostics()));
            if (!timelines.compareAndSet(known, null, timeline)) timeline = timelines.get(known);
        }
        return timeline;
    }

    private Timeline timeline(NavigableMap<LocalDate, ConsolidatedAgreement> versions) {
        return Timeline.of(versions.keySet().stream().mapToLong(LocalDate::toEpochDay).toArray(),
                versions.values().toArray(ConsolidatedAgreement[]::new));
    }

    /** How many changes were signed on or before {@code knownAt}: a binary search (none when all are known). */
    private int knownCount(LocalDate knownAt) {
        if (signedDays.length == 0 || knownAt.equals(LocalDate.MAX)) return signedDays.length;
        long day = knownAt.toEpochDay();
        if (day >= signedDays[signedDays.length - 1]) return signedDays.length;
        int low = 0;
        int high = signedDays.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (signedDays[mid] > day) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    /**
     * Builds the versions of the first {@code known} changes. Walks the days on which something
     * takes effect; when the changes that join on a day were all signed after every change
     * already applied, they are applied on top of the previous version, otherwise the version is
     * rebuilt from the agreement in signing order.
     */
    private NavigableMap<LocalDate, ConsolidatedAgreement> build(int known, Diagnostics diagnostics) {
        TreeMap<LocalDate, List<Integer>> joining = new TreeMap<>();
        for (int i = 0; i < known; i++) {
            LocalDate day = changes.get(i).effective().isBefore(agreement.effective())
                    ? agreement.effective() : changes.get(i).effective();
            joining.computeIfAbsent(day, d -> new ArrayList<>()).add(i);
        }
        joining.putIfAbsent(agreement.effective(), new ArrayList<>());

        ProductKinds kinds = kinds(known, diagnostics);
        dev.treaty.model.term.Units units = units(known, diagnostics);
        java.util.Set<String> clouds = new java.util.TreeSet<>(agreement.clouds());
        for (int i = 0; i < known; i++) clouds.addAll(changes.get(i).clouds());
        NavigableMap<LocalDate, ConsolidatedAgreement> versions = new TreeMap<>();
        TreeSet<Integer> applied = new TreeSet<>();
        State state = null;
        for (var day : joining.entrySet()) {
            List<Integer> joiners = day.getValue();
            boolean appendOnly = state != null && (applied.isEmpty() || joiners.stream().allMatch(i -> i > applied.last()));
            applied.addAll(joiners);
            if (appendOnly) {
                state = state.copy();
                for (int i : joiners) state.apply(changes.get(i), diagnostics);
            } else {
                state = State.of(agreement);
                for (int i : applied) state.apply(changes.get(i), diagnostics);
            }
            versions.put(day.getKey(), state.toVersion(agreement.id(), kinds, clouds, units));
        }
        // Each version is in force until the day before the next one starts.
        NavigableMap<LocalDate, ConsolidatedAgreement> windowed = new TreeMap<>();
        for (var entry : versions.entrySet()) {
            LocalDate next = versions.higherKey(entry.getKey());
            windowed.put(entry.getKey(), entry.getValue().withInForce(
                    DateWindow.between(entry.getKey(), next == null ? null : next.minusDays(1))));
        }
        return java.util.Collections.unmodifiableNavigableMap(windowed);
    }

    /**
     * The product kinds declared by the agreement and the first {@code known} changes: a kind is
     * vocabulary, so it holds on every date once a document that declares it is known.
     */
    private ProductKinds kinds(int known, Diagnostics diagnostics) {
        List<ProductKinds.Declaration> declarations = new ArrayList<>(agreement.kinds());
        for (int i = 0; i < known; i++) declarations.addAll(changes.get(i).kinds());
        if (declarations.isEmpty()) return ProductKinds.NONE;
        return ProductKinds.of(declarations, (declaration, problem) -> diagnostics.error(declaration.at(), "", problem));
    }

    private dev.treaty.model.term.Units units(int known, Diagnostics diagnostics) {
        List<dev.treaty.model.term.Units.Declaration> declarations = new ArrayList<>(agreement.units());
        for (int i = 0; i < known; i++) declarations.addAll(changes.get(i).units());
        if (declarations.isEmpty()) return dev.treaty.model.term.Units.NONE;
        return dev.treaty.model.term.Units.of(declarations, (declaration, problem) -> diagnostics.error(declaration.at(), "", problem));
    }

    /** The clauses, parties and title while changes are being applied. */
    private static final class State {
        String title;
        final Map<String, Party> parties = new LinkedHashMap<>();
        final TreeMap<ClauseId, ClauseInForce> clauses = new TreeMap<>();
        final List<Document> applied = new ArrayList<>();

        static State of(Document agreement) {
            State state = new State();
            state.title = agreement.title();
            agreement.parties().forEach(p -> state.parties.put(p.shortName(), p));
            for (Clause clause : agreement.clauses()) {
                state.clauses.put(clause.id(), new ClauseInForce(clause, Provenance.of(agreement, clause.at(), Provenance.How.ORIGINAL)));
            }
            state.applied.add(agreement);
            return state;
        }

        State copy() {
            State copy = new State();
            copy.title = title;
            copy.parties.putAll(parties);
            copy.clauses.putAll(clauses);
            copy.applied.addAll(applied);
            return copy;
        }

        void apply(Document change, Diagnostics diagnostics) {
            applied.add(change);
            switch (change.kind()) {
                case RESTATEMENT -> {
                    title = change.title();
                    if (!change.parties().isEmpty()) parties.clear();
                    clauses.clear();
                    for (Clause clause : change.clauses()) {
                        clauses.put(clause.id(), new ClauseInForce(clause, Provenance.of(change, clause.at(), Provenance.How.RESTATED)));
                    }
                }
                case AMENDMENT -> {
                    for (ClauseOperation operation : change.operations()) apply(change, operation, diagnostics);
                }
                case CLARIFICATION, AGREEMENT, ASSUMPTIONS -> {
                    // changes no clause; recorded in `applied` for the timeline
                }
            }
            change.parties().forEach(p -> parties.put(p.shortName(), p));
        }

        private void apply(Document change, ClauseOperation operation, Diagnostics diagnostics) {
            ClauseId target = operation.target();
            String context = "clause " + target;
            switch (operation.kind()) {
                case REPLACE -> {
                    if (!clauses.containsKey(target)) {
                        diagnostics.error(operation.at(), context, "cannot replace clause " + target + ": it is not in force"
                                + " when " + change.id() + " applies" + nearest(target));
                        return;
                    }
                    Clause clause = operation.clause().orElseThrow();
                    clauses.put(target, new ClauseInForce(clause, Provenance.of(change, clause.at(), Provenance.How.REPLACED)));
                }
                case ADD -> {
                    if (clauses.containsKey(target)) {
                        diagnostics.error(operation.at(), context, "cannot add clause " + target + ": it is already in force ("
                                + clauses.get(target).provenance() + "); use 'replace'");
                        return;
                    }
                    Clause clause = operation.clause().orElseThrow();
                    clauses.put(target, new ClauseInForce(clause, Provenance.of(change, clause.at(), Provenance.How.ADDED)));
                }
                case STRIKE -> {
                    boolean removed = clauses.keySet().removeIf(id -> id.isWithin(target));
                    if (!removed) {
                        diagnostics.error(operation.at(), context, "cannot strike clause " + target + ": it is not in force"
                                + " when " + change.id() + " applies" + nearest(target));
                    }
                }
            }
        }

        private String nearest(ClauseId target) {
            return clauses.isEmpty() ? "" : "; clauses in force: " + String.join(", ",
                    clauses.keySet().stream().map(ClauseId::toString).toList());
        }

        ConsolidatedAgreement toVersion(String agreementId, ProductKinds kinds, java.util.Set<String> clouds,
                                        dev.treaty.model.term.Units units) {
            return new ConsolidatedAgreement(agreementId, title, List.copyOf(parties.values()), applied, clauses, DateWindow.ALWAYS,
                    kinds, clouds, units);
        }
    }
}
