package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.decide.Applicability;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueSink;
import dev.treaty.model.term.RevenueShare;
import dev.treaty.model.time.ConsolidatedAgreement;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.DateWindow;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pieces of time each revenue-share term is in force over, cut at amendments, windows, event
 * conditions and accounting periods; and the revenue base summed into each piece as lines stream
 * by. Not thread-safe: one plan is fed by one reader.
 */
public final class SettlementPlan implements RevenueSink {

    /** The version in force over a span of days. */
    public record VersionSpan(DateWindow window, ConsolidatedAgreement version) {
    }

    /** Every version as known, each over the days it is in force: the agreement as amended. */
    public static List<VersionSpan> schedule(dev.treaty.model.time.AgreementHistory.AsKnown agreement) {
        return agreement.versions().stream().map(v -> new VersionSpan(v.inForce(), v)).toList();
    }

    /** One version applied to every day from {@code start}: "what if this version had always been in force". */
    public static List<VersionSpan> fixed(ConsolidatedAgreement version, LocalDate start) {
        return List.of(new VersionSpan(DateWindow.between(start, null), version));
    }

    /** A span of days over which one term, as one version states it, applies within one accounting period. */
    static final class Piece {
        final TermInForce term;
        final RevenueShare share;
        /** The kinds of the version the piece comes from: a base's kind filter respects them. */
        final dev.treaty.model.term.ProductKinds kinds;
        /** The units of the version the piece comes from: a price per unit converts measured quantities by them. */
        final dev.treaty.model.term.Units units;
        final AccountingPeriods.Period period;
        LocalDate from;
        LocalDate through;
        final ExactSum base;
        long lines;
        long otherCurrency;
        final Map<Path, long[]> files = new LinkedHashMap<>();       // file → {count, first line, last line}

        Piece(TermInForce term, dev.treaty.model.term.ProductKinds kinds, dev.treaty.model.term.Units units, AccountingPeriods.Period period,
              LocalDate from, LocalDate through) {
            this.term = term;
            this.kinds = kinds;
            this.units = units;
            this.share = (RevenueShare) term.term();
            this.period = period;
            this.from = from;
            this.through = through;
            this.base = new ExactSum();
        }

        private Piece(Piece other) {
            this.term = other.term;
            this.kinds = other.kinds;
            this.units = other.units;
            this.share = other.share;
            this.period = other.period;
            this.from = other.from;
            this.through = other.through;
            this.base = other.base.copy();
            this.lines = other.lines;
            this.otherCurrency = other.otherCurrency;
            other.files.forEach((file, counts) -> files.put(file, counts.clone()));
        }

        /** The same piece with nothing summed yet. */
        Piece empty() {
            return new Piece(term, kinds, units, period, from, through);
        }

        /** Adds what the same piece of a fork summed; the fork's lines of each file are shifted by {@code lineShift}. */
        void join(Piece fork, long lineShift) {
            base.add(fork.base);
            lines += fork.lines;
            otherCurrency += fork.otherCurrency;
            fork.files.forEach((file, counts) -> {
                long[] mine = files.get(file);
                if (mine == null) {
                    files.put(file, new long[]{counts[0], counts[1] + lineShift, counts[2] + lineShift});
                } else {
                    mine[0] += counts[0];
                    mine[1] = Math.min(mine[1], counts[1] + lineShift);
                    mine[2] = Math.max(mine[2], counts[2] + lineShift);
                }
            });
        }

        void remove(RevenueLine line) {
            base.add(-line.amountMicros());
            lines--;
            long[] file = files.get(line.source().file());
            if (file != null) file[0]--;
        }

        void add(RevenueLine line) {
            base.add(line.amountMicros());
            lines++;
            long[] file = files.computeIfAbsent(line.source().file(), f -> new long[]{0, line.source().line(), line.source().line()});
            file[0]++;
            file[1] = Math.min(file[1], line.source().line());
            file[2] = Math.max(file[2], line.source().line());
        }
    }

    /** One term followed by name across versions: its pieces in date order, and their first days for lookup. */
    static final class TermPlan {
        final String name;
        final List<Piece> pieces = new ArrayList<>();
        long[] starts;
        /** The last day of each piece, as an epoch day (set with {@link #starts}). */
        long[] lasts;

        TermPlan(String name) {
            this.name = name;
        }

        Piece pieceOn(LocalDate date) {
            long day = date.toEpochDay();
            int low = 0;
            int high = starts.length - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (starts[mid] <= day) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            if (found < 0 || day > lasts[found]) return null;
            return pieces.get(found);
        }
    }

    final List<TermPlan> terms;
    /** The facts the plan was cut by: measurements choose service-credit levels, declarations end and suspend penalties. */
    final Facts facts;
    /** The schedule and the last day settled: penalties are counted day by day over them. */
    final List<VersionSpan> schedule;
    final LocalDate through;
    final java.util.Optional<String> only;
    private long lines;
    private long ignored;

    private SettlementPlan(List<TermPlan> terms, Facts facts, List<VersionSpan> schedule, LocalDate through, java.util.Optional<String> only) {
        this.terms = terms;
        this.facts = facts;
        this.schedule = schedule;
        this.through = through;
        this.only = only;
    }

    /**
     * Plans a settlement of every revenue-share term in the schedule, through {@code through}.
     *
     * @param only settle just this term (by name), or all when empty
     */
    public static SettlementPlan of(List<VersionSpan> schedule, Facts facts, LocalDate through, java.util.Optional<String> only) {
        Map<String, TermPlan> plans = new LinkedHashMap<>();
        List<LocalDate> eventDays = facts.eventDays();
        for (VersionSpan span : schedule) {
            LocalDate start = span.window().from().orElse(LocalDate.of(1900, 1, 1));
            LocalDate end = span.window().through().filter(t -> t.isBefore(through)).orElse(through);
            if (start.isAfter(end)) continue;
            for (TermInForce term : span.version().terms()) {
                if (!(term.term() instanceof RevenueShare share)) continue;
                if (only.isPresent() && !only.get().equals(share.name())) continue;
                TermPlan plan = plans.computeIfAbsent(share.name(), TermPlan::new);
                cut(plan, term, share, span.version(), facts, eventDays,
                        share.validity().window().from().filter(start::isBefore).orElse(start), end);
            }
        }
        for (TermPlan plan : plans.values()) {
            // pieces are cut in date order (the schedule's spans are, and so are the cuts within one);
            // the binary search in pieceOn relies on it
            plan.starts = plan.pieces.stream().mapToLong(p -> p.from.toEpochDay()).toArray();
            plan.lasts = plan.pieces.stream().mapToLong(p -> p.through.toEpochDay()).toArray();
            for (int i = 1; i < plan.starts.length; i++) {
                if (plan.starts[i] <= plan.starts[i - 1]) throw new IllegalStateException("pieces of " + plan.name + " out of order");
            }
        }
        return new SettlementPlan(List.copyOf(plans.values()), facts, List.copyOf(schedule), through, only);
    }

    private static void cut(TermPlan plan, TermInForce term, RevenueShare share, ConsolidatedAgreement version, Facts facts,
                            List<LocalDate> eventDays, LocalDate start, LocalDate end) {
        if (start.isAfter(end)) return;
        TreeSet<LocalDate> cuts = new TreeSet<>();
        cuts.add(start);
        share.validity().window().through().map(t -> t.plusDays(1)).ifPresent(cuts::add);
        eventDays.forEach(cuts::add);
        for (LocalDate day = AccountingPeriods.of(share.period(), start).end().plusDays(1); !day.isAfter(end);
             day = AccountingPeriods.of(share.period(), day).end().plusDays(1)) {
            cuts.add(day);
        }
        List<LocalDate> days = new ArrayList<>(cuts.subSet(start, true, end, true));
        for (int i = 0; i < days.size(); i++) {
            LocalDate from = days.get(i);
            LocalDate through = i + 1 < days.size() ? days.get(i + 1).minusDays(1) : end;
            if (!Applicability.of(term, version.events(), facts, from, dev.treaty.evaluator.explain.Explainer.SILENT).holds()) continue;
            AccountingPeriods.Period period = AccountingPeriods.of(share.period(), from);
            Piece last = plan.pieces.isEmpty() ? null : plan.pieces.get(plan.pieces.size() - 1);
            if (last != null && last.term.term() == term.term() && last.period.equals(period) && last.through.plusDays(1).equals(from)) {
                // the same term as the day before (an event day, or an amendment that left this clause alone)
                last.through = through;
            } else {
                plan.pieces.add(new Piece(term, version.kinds(), version.units(), period, from, through));
            }
        }
    }

    /**
     * A plan with the same pieces and the sums accepted so far, which goes on accepting lines on
     * its own: the simulator cuts a schedule and sums its recorded history once, then copies that
     * for every run instead of doing both again.
     */
    public SettlementPlan copy() {
        List<TermPlan> copies = new ArrayList<>(terms.size());
        for (TermPlan plan : terms) {
            TermPlan copy = new TermPlan(plan.name);
            plan.pieces.forEach(piece -> copy.pieces.add(new Piece(piece)));
            copy.starts = plan.starts;          // never changed once the plan is cut
            copy.lasts = plan.lasts;
            copies.add(copy);
        }
        SettlementPlan copy = new SettlementPlan(List.copyOf(copies), facts, schedule, through, only);
        copy.lines = lines;
        copy.ignored = ignored;
        return copy;
    }

    /** An empty plan with the same pieces, which a reader feeds with one part of a file on another thread. */
    @Override
    public SettlementPlan fork() {
        List<TermPlan> forks = new ArrayList<>(terms.size());
        for (TermPlan plan : terms) {
            TermPlan fork = new TermPlan(plan.name);
            plan.pieces.forEach(piece -> fork.pieces.add(piece.empty()));
            fork.starts = plan.starts;
            fork.lasts = plan.lasts;
            forks.add(fork);
        }
        return new SettlementPlan(List.copyOf(forks), facts, schedule, through, only);
    }

    /** Adds the sums of a {@link #fork}: exact, since every sum is an exact integer of micro-units. */
    @Override
    public void join(RevenueSink fork, long lineShift) {
        SettlementPlan other = (SettlementPlan) fork;
        for (int t = 0; t < terms.size(); t++) {
            List<Piece> mine = terms.get(t).pieces;
            List<Piece> theirs = other.terms.get(t).pieces;
            for (int p = 0; p < mine.size(); p++) mine.get(p).join(theirs.get(p), lineShift);
        }
        lines += other.lines;
        ignored += other.ignored;
    }

    /** One piece as others may see it: which lines count toward it, and the base summed so far. */
    public record PieceView(String term, String payer, String currency, java.util.Optional<dev.treaty.model.term.Filter> filter,
                            dev.treaty.model.term.ProductKinds kinds, LocalDate from, LocalDate through, String period,
                            java.math.BigDecimal base, long lines) {
    }

    /** Every piece of every term, in date order per term: for comparing the bases with another engine. */
    public List<PieceView> pieces() {
        List<PieceView> views = new ArrayList<>();
        for (TermPlan plan : terms) {
            for (Piece piece : plan.pieces) {
                views.add(new PieceView(plan.name, piece.share.payer(), piece.share.currency().getCurrencyCode(), piece.share.base(),
                        piece.kinds, piece.from, piece.through, piece.period.label(), piece.base.value(), piece.lines));
            }
        }
        return views;
    }

    /**
     * Adds a base summed elsewhere (the pushdown engine) to the piece of {@code term} that starts
     * on {@code from}: the same sums the streaming path makes line by line.
     */
    public void addToPiece(String term, LocalDate from, java.math.BigInteger micros, long lineCount, Path file, long linesRead) {
        for (TermPlan plan : terms) {
            if (!plan.name.equals(term)) continue;
            for (Piece piece : plan.pieces) {
                if (!piece.from.equals(from)) continue;
                piece.base.add(micros);
                piece.lines += lineCount;
                // one sum per piece and file (the engine groups by both), so a file is cited once with its count
                if (lineCount > 0) piece.files.put(file, new long[]{lineCount, 0, 0});
                return;
            }
        }
        throw new IllegalArgumentException("no piece of " + term + " starts on " + from);
    }

    /** Counts lines read by the pushdown engine, for the settlement's totals. */
    public void countLines(long read, long ignoredLines) {
        lines += read;
        ignored += ignoredLines;
    }

    /** Adds one revenue line to the piece of every term whose base it belongs to. */
    @Override
    public void accept(RevenueLine line) {
        count(line, +1);
    }

    /** Takes back a line given to {@link #accept} (a repeated id found at the end of the read). */
    @Override
    public void retract(RevenueLine line) {
        count(line, -1);
    }

    /** Where a line belongs is decided here alone, so a line taken back leaves exactly where it went. */
    private void count(RevenueLine line, int sign) {
        lines += sign;
        boolean counted = false;
        for (TermPlan plan : terms) {
            Piece piece = plan.pieceOn(line.date());
            if (piece == null || !piece.share.payer().equals(line.party())) continue;
            if (piece.share.base().isPresent() && !piece.share.base().get().matches(line::field, piece.kinds)) continue;
            if (!piece.share.currency().getCurrencyCode().equals(line.currency())) {
                piece.otherCurrency += sign;
                continue;
            }
            if (sign > 0) piece.add(line);
            else piece.remove(line);
            counted = true;
        }
        if (!counted) ignored += sign;
    }

    long lines() {
        return lines;
    }

    long ignored() {
        return ignored;
    }
}
