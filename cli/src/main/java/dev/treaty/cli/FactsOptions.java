package dev.treaty.cli;

import dev.treaty.evaluator.facts.EventReader;
import dev.treaty.evaluator.facts.FactError;
import dev.treaty.evaluator.facts.Facts;
import dev.treaty.evaluator.facts.RevenueLine;
import dev.treaty.evaluator.facts.RevenueReader;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What every command that reads facts takes, and how bad facts are reported. */
final class FactsOptions {

    /** Bad lines printed before the rest are only counted. */
    static final int ERRORS_SHOWN_MAX = 50;

    @Option(names = "--events", arity = "1..*", paramLabel = "FILE", description = "Events, JSON Lines (see docs/facts.md).")
    List<Path> events = new ArrayList<>();

    @Option(names = "--as-known", paramLabel = "INSTANT", description = "Answer with only the agreement versions signed"
            + " and the events recorded by then: YYYY-MM-DD (the end of that day, UTC) or an ISO-8601 instant.")
    String asKnown;

    @Option(names = "--skip-bad", description = "Report bad fact lines and go on without them (default: one bad line fails the load).")
    boolean skipBad;

    @Option(names = "--explain", description = "Show each answer's derivation: rules, versions, facts and arithmetic.")
    boolean explain;

    /** The store the command reads facts from as well (from --db), or null. */
    dev.treaty.store.Store store;

    /** The knowledge instant, or the end of time. */
    Instant knownAt() {
        if (asKnown == null) return Instant.MAX;
        if (asKnown.contains("T")) {
            try {
                return Instant.parse(asKnown);
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInputException("--as-known: '" + asKnown + "' is not an ISO-8601 instant such as 2026-04-27T06:00:00Z");
            }
        }
        LocalDate date;
        try {
            date = Dates.parseDate(asKnown);
        } catch (RuntimeException e) {
            throw new BadInputException("--as-known: '" + asKnown + "' is not a date (YYYY-MM-DD) or an instant");
        }
        return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    }

    /** The knowledge date for agreement versions (signing dates are days). */
    LocalDate knownAtDate() {
        Instant instant = knownAt();
        return instant.equals(Instant.MAX) ? LocalDate.MAX : instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    Facts facts(PrintWriter err) {
        EventReader.Result result = EventReader.read(events);
        check(result.errors(), err, "event");
        List<dev.treaty.evaluator.facts.Fact> all = new ArrayList<>(result.facts());
        if (store != null) {
            try {
                all.addAll(dev.treaty.store.StoredInputs.events(store, dev.treaty.store.Store.micros(knownAt())).all());
            } catch (dev.treaty.store.StoreException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        Facts facts = new Facts(all);
        return asKnown == null ? facts : facts.knownAt(knownAt());
    }

    /** Streams the store's revenue as known at --as-known into {@code consumer}; the store's lines were checked on the way in. */
    void storedRevenue(Consumer<RevenueLine> consumer) {
        try {
            store.revenue(dev.treaty.store.Store.micros(knownAt()), consumer);
        } catch (dev.treaty.store.StoreException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** Streams revenue into {@code consumer}; fails the command on bad lines unless --skip-bad. */
    RevenueReader.Result revenue(List<Path> files, Consumer<RevenueLine> consumer, PrintWriter err) {
        RevenueReader.Result result = RevenueReader.read(files, consumer, new TerminalProgress(err));
        check(result.errors(), err, "revenue");
        return result;
    }

    void check(List<FactError> errors, PrintWriter err, String what) {
        if (errors.isEmpty()) return;
        errors.stream().limit(ERRORS_SHOWN_MAX).forEach(e -> err.println(e + (skipBad ? " (skipped)" : "")));
        if (errors.size() > ERRORS_SHOWN_MAX) err.println("… and " + (errors.size() - ERRORS_SHOWN_MAX) + " more bad lines");
        if (!skipBad) {
            throw new BadInputException(errors.size() + " bad " + what + " line" + (errors.size() == 1 ? "" : "s")
                    + "; nothing was computed (--skip-bad goes on without them)");
        }
        err.println("treaty: skipped " + errors.size() + " bad " + what + " line" + (errors.size() == 1 ? "" : "s"));
    }

    /** A progress line per file on a terminal. */
    private static final class TerminalProgress implements RevenueReader.Progress {
        private final PrintWriter err;
        private ProgressBar bar;
        private Path file;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(Path file, long bytesRead, long bytesTotal, long lines) {
            if (!file.equals(this.file)) {
                this.file = file;
                bar = new ProgressBar(err, file.getFileName().toString(), "lines");
            }
            bar.update(bytesRead, bytesTotal, lines);
        }
    }
}
