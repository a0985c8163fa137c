package dev.treaty.evaluator.facts;

import dev.treaty.language.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Streams revenue lines from CSV files with a header naming the columns, in any order:
 * {@code date}, {@code party}, {@code amount} and {@code currency} are required; {@code id},
 * {@code product}, {@code kind}, {@code category}, {@code cloud}, {@code region} and
 * {@code segment} are optional; other columns are ignored. Lines are handed to a consumer as they
 * are read, so a file of any size passes through in bounded memory; repeated ids are found on
 * disk-backed sorted runs, not in a growing in-memory set.
 */
public final class RevenueReader {

    public static final Set<String> REQUIRED = Set.of("date", "party", "amount", "currency");
    public static final List<String> OPTIONAL = List.of("id", "product", "kind", "category", "cloud", "region", "segment",
            "supersedes", "recorded");
    /** Amounts are exact to a millionth of the currency unit. */
    public static final int AMOUNT_SCALE = 6;
    private static final long MICROS = 1_000_000L;

    /** Told how far a read has got, so a terminal can show progress. */
    public interface Progress {
        void update(Path file, long bytesRead, long bytesTotal, long lines);

        Progress NONE = (file, bytesRead, bytesTotal, lines) -> { };
    }

    /** What a read did: how many lines it passed on, how many repeated lines it skipped, and the bad lines. */
    public record Result(long lines, long duplicates, List<FactError> errors) {
    }

    private static final Map<String, Boolean> CURRENCIES = new ConcurrentHashMap<>();

    private RevenueReader() {
    }

    /**
     * Reads every file and passes each good line to {@code consumer}. Bad lines are reported, not
     * passed on; the caller decides whether one bad line voids the whole read. Repeated ids are
     * found in bounded memory ({@link DuplicateFinder}): a {@link RevenueSink} gets every line at
     * once and the repeats retracted at the end; any other consumer gets the lines after a first
     * pass over the ids, without the repeats.
     */
    public static Result read(List<Path> files, Consumer<RevenueLine> consumer, Progress progress) {
        return read(files, consumer, progress, DuplicateFinder.RUN_RECORDS_MAX);
    }

    static Result read(List<Path> files, Consumer<RevenueLine> consumer, Progress progress, int runRecordsMax) {
        if (consumer instanceof RevenueSink sink) return readOnce(files, sink, progress, runRecordsMax);
        List<FactError> errors = new java.util.ArrayList<>();
        long[] counts = new long[2];
        try (DuplicateFinder finder = new DuplicateFinder(runRecordsMax)) {
            boolean anyIds = false;
            for (int i = 0; i < files.size(); i++) {
                int fileIndex = i;
                anyIds |= rows(files.get(i), new java.util.ArrayList<>(), Progress.NONE, (columns, row, number) -> {
                    int at = columns.index()[4];
                    if (at < 0 || at >= row.fieldCount() || row.isEmpty(at)) return;
                    if (columns.line(row, new FactSource(files.get(fileIndex), number), new java.util.ArrayList<>()) == null) return;
                    finder.add(ordinal(fileIndex, number), row.bytes(at), row.start(at), row.end(at), columns.lastContentHash);
                });
            }
            DuplicateFinder.Found found = anyIds ? finder.finish() : null;
            try (LongRuns.Reader skip = found != null ? found.duplicates() : new LongRuns.Reader(new long[0], List.of())) {
                for (int i = 0; i < files.size(); i++) {
                    int fileIndex = i;
                    Path file = files.get(i);
                    rows(file, errors, progress, (columns, row, number) -> {
                        if (skip.contains(ordinal(fileIndex, number))) {
                            counts[1]++;
                            return;
                        }
                        RevenueLine line = columns.line(row, new FactSource(file, number), errors);
                        if (line == null) return;
                        consumer.accept(line);
                        counts[0]++;
                    });
                }
            }
            if (found != null) addConflicts(found, files, errors, counts);
        }
        return new Result(counts[0], counts[1], sorted(errors));
    }

    /** Takes each good line with its id and the id it corrects (empty strings when absent), for the store. */
    public interface KeyedConsumer {
        void accept(RevenueLine line, String id, String supersedes, long contentHash);
    }

    /**
     * Reads every file and passes each good line, repeats included, to {@code consumer} with its id:
     * the store keys facts by id and tells a repeat from a conflict itself.
     */
    public static Result readKeyed(List<Path> files, KeyedConsumer consumer, Progress progress) {
        List<FactError> errors = new java.util.ArrayList<>();
        long[] count = {0};
        for (Path file : files) {
            rows(file, errors, progress, (columns, row, number) -> {
                RevenueLine line = columns.line(row, new FactSource(file, number), errors);
                if (line == null) return;
                consumer.accept(line, columns.value(row, 4), columns.value(row, 11), columns.lastContentHash);
                count[0]++;
            });
        }
        return new Result(count[0], 0, sorted(errors));
    }

    /**
     * One reading of every file: each good line goes to the sink as it is read, and its id (if
     * any) to the duplicate finder; only if some id repeats are the files read again, to retract
     * the repeats.
     */
    private static Result readOnce(List<Path> files, RevenueSink sink, Progress progress, int runRecordsMax) {
        List<FactError> errors = new java.util.ArrayList<>();
        long[] counts = new long[2];
        try (DuplicateFinder finder = new DuplicateFinder(runRecordsMax)) {
            // Two cores: this thread parses (scanning, fields, hashes); the caller's thread takes the
            // parsed batches, records the ids and feeds the sink, so neither waits for the other.
            java.util.concurrent.BlockingQueue<Batch> parsed = new java.util.concurrent.ArrayBlockingQueue<>(8);
            boolean[] anyIds = {false};
            Throwable[] failure = {null};
            Thread parser = Thread.ofPlatform().name("treaty-csv-parser").daemon().start(() -> {
                Batch[] batch = {new Batch()};
                try {
                    for (int i = 0; i < files.size(); i++) {
                        int fileIndex = i;
                        Path file = files.get(i);
                        anyIds[0] |= rows(file, errors, progress, (columns, row, number) -> {
                            RevenueLine line = columns.line(row, new FactSource(file, number), errors);
                            if (line == null) return;
                            int at = columns.index()[4];
                            boolean hasId = at >= 0 && at < row.fieldCount() && !row.isEmpty(at);
                            batch[0].add(line, ordinal(fileIndex, number), hasId,
                                    hasId ? DuplicateFinder.idHigh(row.bytes(at), row.start(at), row.end(at)) : 0,
                                    hasId ? DuplicateFinder.idLow(row.bytes(at), row.start(at), row.end(at)) : 0,
                                    columns.lastContentHash);
                            if (batch[0].size == Batch.SIZE) {
                                put(parsed, batch[0]);
                                batch[0] = new Batch();
                            }
                        });
                    }
                    put(parsed, batch[0]);
                } catch (Throwable t) {
                    failure[0] = t;
                } finally {
                    put(parsed, Batch.END);
                }
            });
            try {
                for (Batch batch = parsed.take(); batch != Batch.END; batch = parsed.take()) {
                    for (int k = 0; k < batch.size; k++) {
                        if (batch.hasId[k]) finder.add(batch.ordinal[k], batch.high[k], batch.low[k], batch.content[k]);
                        sink.accept(batch.lines[k]);
                    }
                    counts[0] += batch.size;
                }
                parser.join();
            } catch (InterruptedException e) {
                parser.interrupt();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading revenue", e);
            }
            if (failure[0] instanceof RuntimeException runtime) throw runtime;
            if (failure[0] instanceof Error error) throw error;
            boolean idsSeen = anyIds[0];
            if (!idsSeen) return new Result(counts[0], 0, sorted(errors));
            DuplicateFinder.Found found = finder.finish();
            try (LongRuns.Reader repeats = found.duplicates()) {
                if (!repeats.isEmpty()) {
                    for (int i = 0; i < files.size(); i++) {
                        int fileIndex = i;
                        Path file = files.get(i);
                        rows(file, new java.util.ArrayList<>(), Progress.NONE, (columns, row, number) -> {
                            if (!repeats.contains(ordinal(fileIndex, number))) return;
                            RevenueLine line = columns.line(row, new FactSource(file, number), new java.util.ArrayList<>());
                            if (line == null) return;
                            sink.retract(line);
                            counts[0]--;
                            counts[1]++;
                        });
                    }
                }
            }
            addConflicts(found, files, errors, counts);
        }
        return new Result(counts[0], counts[1], sorted(errors));
    }

    /** Parsed lines handed from the parsing thread to the summing one. */
    private static final class Batch {
        static final int SIZE = 4096;
        static final Batch END = new Batch();

        final RevenueLine[] lines = new RevenueLine[SIZE];
        final long[] ordinal = new long[SIZE];
        final boolean[] hasId = new boolean[SIZE];
        final long[] high = new long[SIZE];
        final long[] low = new long[SIZE];
        final long[] content = new long[SIZE];
        int size;

        void add(RevenueLine line, long lineOrdinal, boolean id, long idHigh, long idLow, long contentHash) {
            lines[size] = line;
            ordinal[size] = lineOrdinal;
            hasId[size] = id;
            high[size] = idHigh;
            low[size] = idLow;
            content[size] = contentHash;
            size++;
        }
    }

    private static void put(java.util.concurrent.BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading revenue", e);
        }
    }

    private static void addConflicts(DuplicateFinder.Found found, List<Path> files, List<FactError> errors, long[] counts) {
        for (DuplicateFinder.Conflict conflict : found.conflicts()) {
            errors.add(new FactError(files.get(fileOf(conflict.ordinal())), lineOf(conflict.ordinal()), "id",
                    "this id is already used by a different line (" + files.get(fileOf(conflict.firstOrdinal())) + ":"
                            + lineOf(conflict.firstOrdinal()) + ")"));
        }
        counts[1] -= found.conflictCount();          // conflicting lines are errors, not duplicates
        if (found.conflictCount() > found.conflicts().size()) {
            errors.add(new FactError(files.get(0), 0, "id", (found.conflictCount() - found.conflicts().size())
                    + " more lines reuse an id with different content"));
        }
    }

    private static List<FactError> sorted(List<FactError> errors) {
        errors.sort(java.util.Comparator.comparing((FactError e) -> e.file().toString()).thenComparingLong(FactError::line));
        return List.copyOf(errors);
    }

    /** Line ordinals: the file's index in the high bits, the line in the low 40 (a trillion lines a file). */
    private static long ordinal(int file, long line) {
        return ((long) file << 40) | line;
    }

    private static int fileOf(long ordinal) {
        return (int) (ordinal >>> 40);
    }

    private static long lineOf(long ordinal) {
        return ordinal & ((1L << 40) - 1);
    }

    private interface RowHandler {
        void row(Columns columns, CsvScanner row, long number) throws IOException;
    }

    /** Streams the rows of one file to {@code handler}; returns whether the file has an id column. */
    private static boolean rows(Path file, List<FactError> errors, Progress progress, RowHandler handler) {
        long total;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            errors.add(new FactError(file, 0, "", Files.isDirectory(file) ? "is a folder, not a revenue file"
                    : "is not a regular file (a device or a pipe has no end to read to)"));
            return false;
        }
        try {
            total = Files.size(file);
        } catch (IOException e) {
            errors.add(new FactError(file, 0, "", Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file"));
            return false;
        }
        long rowLine = 1;
        try (CsvScanner rows = new CsvScanner(Files.newInputStream(file))) {
            if (!rows.next()) {
                errors.add(new FactError(file, 1, "", "empty file: a header line naming the columns is required"));
                return false;
            }
            Columns columns = Columns.of(rows, file, errors);
            if (columns == null) return false;
            long lines = 0;
            while (rows.next()) {
                rowLine = rows.rowLine();
                if (rows.fieldCount() == 1 && rows.isEmpty(0)) continue;          // a blank line
                handler.row(columns, rows, rowLine);
                if ((++lines & 0xFFFF) == 0) progress.update(file, rows.bytesRead(), total, lines);
            }
            progress.update(file, total, total, lines);
            return columns.index()[4] >= 0;
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new FactError(file, rowLine, "", "not UTF-8 text"));
        } catch (CsvScanner.MalformedException e) {
            errors.add(new FactError(file, rowLine + 1, "", "malformed CSV: " + e.getMessage()));
        } catch (IOException e) {
            errors.add(new FactError(file, 0, "", "cannot read: " + e.getMessage()));
        }
        return false;
    }

    /** Where each known column is in this file. Not thread-safe: one reader uses it. */
    private static final class Columns {
        private final int[] index;
        private final int width;
        /** The content hash of the line last returned by {@link #line}. */
        long lastContentHash;

        Columns(int[] index, int width) {
            this.index = index;
            this.width = width;
        }

        int[] index() {
            return index;
        }

        // index order: date, party, amount, currency, id, product, kind, category, cloud, region, segment
        private static final List<String> NAMES = List.of("date", "party", "amount", "currency", "id", "product", "kind",
                "category", "cloud", "region", "segment", "supersedes", "recorded");

        static Columns of(CsvScanner header, Path file, List<FactError> errors) throws java.nio.charset.CharacterCodingException {
            int[] index = new int[NAMES.size()];
            java.util.Arrays.fill(index, -1);
            for (int i = 0; i < header.fieldCount(); i++) {
                String name = header.fresh(i).replace("\uFEFF", "").strip();
                int known = NAMES.indexOf(name.toLowerCase(java.util.Locale.ROOT));
                if (known >= 0) {
                    if (index[known] >= 0) {
                        errors.add(new FactError(file, 1, name, "column named twice"));
                        return null;
                    }
                    index[known] = i;
                }
            }
            boolean complete = true;
            for (String required : REQUIRED) {
                if (index[NAMES.indexOf(required)] < 0) {
                    errors.add(new FactError(file, 1, required, "required column is missing from the header"));
                    complete = false;
                }
            }
            return complete ? new Columns(index, header.fieldCount()) : null;
        }

        private String value(CsvScanner row, int column) throws java.nio.charset.CharacterCodingException {
            int at = index[column];
            return at < 0 || at >= row.fieldCount() ? "" : row.string(at);
        }

        RevenueLine line(CsvScanner row, FactSource source, List<FactError> errors) throws java.nio.charset.CharacterCodingException {
            if (row.fieldCount() != width) {
                // Too few or too many: an unquoted comma inside an amount ("1,250,000.00") shifts every field after it.
                errors.add(new FactError(source.file(), source.line(), "", "has " + row.fieldCount() + " fields; the header has " + width
                        + (row.fieldCount() > width ? " (an unquoted comma inside a value? quote it, or write amounts without"
                        + " thousands separators)" : "")));
                return null;
            }
            LocalDate date = date(row, index[0], source, errors);
            String party = value(row, 1);
            long partyHash = row.lastHash();
            if (party.isEmpty()) errors.add(new FactError(source.file(), source.line(), "party", "missing"));
            long amount = micros(row, index[2], source, errors);
            String currency = value(row, 3);
            boolean currencyOk = CURRENCIES.computeIfAbsent(currency, RevenueReader::isCurrency);
            if (!currencyOk) {
                errors.add(new FactError(source.file(), source.line(), "currency", currency.isEmpty() ? "missing"
                        : "unknown currency '" + currency + "'"));
            }
            if (date == null || party.isEmpty() || amount == Long.MIN_VALUE || !currencyOk) return null;
            // The content hash (for telling a repeated line from a different line under a used id) is
            // made of the parsed values and the hashes the scanner computed while sharing the strings.
            long hash = date.toEpochDay() * 0x9E3779B97F4A7C15L + amount;
            hash = DuplicateFinder.mix(hash ^ partyHash) + currency.hashCode();
            String product = value(row, 5);
            hash = DuplicateFinder.mix(hash ^ row.lastHash());
            String kind = value(row, 6);
            hash = DuplicateFinder.mix(hash ^ row.lastHash());
            String category = value(row, 7);
            hash = DuplicateFinder.mix(hash ^ row.lastHash());
            String cloud = value(row, 8);
            hash = DuplicateFinder.mix(hash ^ row.lastHash());
            String region = value(row, 9);
            hash = DuplicateFinder.mix(hash ^ row.lastHash());
            String segment = value(row, 10);
            hash = DuplicateFinder.mix(hash ^ row.lastHash());
            long recorded = RevenueLine.NOT_RECORDED;
            if (index[12] >= 0 && !row.isEmpty(index[12])) {
                recorded = recorded(row.fresh(index[12]), source, errors);
                if (recorded == Long.MIN_VALUE) return null;
                hash = DuplicateFinder.mix(hash ^ recorded);
            }
            lastContentHash = hash;
            return new RevenueLine(date, party, product, kind, category, cloud, region, segment, amount, currency, source, recorded);
        }
    }

    private static LocalDate date(CsvScanner row, int field, FactSource source, List<FactError> errors)
            throws java.nio.charset.CharacterCodingException {
        byte[] b = row.bytes(field);
        int s = row.start(field);
        if (row.end(field) - s == 10 && b[s + 4] == '-' && b[s + 7] == '-') {
            int year = digits(b, s, 4);
            int month = digits(b, s + 5, 2);
            int day = digits(b, s + 8, 2);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    errors.add(new FactError(source.file(), source.line(), "date", "'" + row.fresh(field) + "' is not a calendar date"));
                    return null;
                }
            }
        }
        String text = row.fresh(field);
        errors.add(new FactError(source.file(), source.line(), "date", text.isEmpty() ? "missing" : "'" + text + "' is not a date (YYYY-MM-DD)"));
        return null;
    }

    /** An ISO-8601 instant in microseconds; Long.MIN_VALUE (reported) when it is not one. */
    private static long recorded(String text, FactSource source, List<FactError> errors) {
        try {
            java.time.Instant instant = java.time.Instant.parse(text.strip());
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            errors.add(new FactError(source.file(), source.line(), "recorded", "'" + text
                    + "' is not an ISO-8601 instant such as 2026-04-02T09:00:00Z"));
            return Long.MIN_VALUE;
        }
    }

    private static int digits(byte[] b, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            value = value * 10 + d;
        }
        return value;
    }

    private static long micros(CsvScanner row, int field, FactSource source, List<FactError> errors)
            throws java.nio.charset.CharacterCodingException {
        byte[] b = row.bytes(field);
        int i = row.start(field);
        int end = row.end(field);
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long units = 0;
        int digits = 0;
        for (; i < end && b[i] != '.'; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || ++digits > 13) return micros(row.fresh(field), source, errors);    // the slow path words the error
            units = units * 10 + d;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < end) {
            i++;
            for (; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9 || ++fractionDigits > AMOUNT_SCALE) return micros(row.fresh(field), source, errors);
                fraction = fraction * 10 + d;
            }
            if (fractionDigits == 0) return micros(row.fresh(field), source, errors);
        }
        if ((digits == 0 && fractionDigits == 0) || units > Limits.LINE_AMOUNT_UNITS_MAX) return micros(row.fresh(field), source, errors);
        for (int k = fractionDigits; k < AMOUNT_SCALE; k++) fraction *= 10;
        long micros = units * MICROS + fraction;
        return negative ? -micros : micros;
    }

    private static boolean isCurrency(String code) {
        if (code.length() != 3) return false;
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalDate date(String text, FactSource source, List<FactError> errors) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            errors.add(new FactError(source.file(), source.line(), "date", text.isEmpty() ? "missing"
                    : "'" + text + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
        } catch (NumberFormatException | DateTimeException e) {
            errors.add(new FactError(source.file(), source.line(), "date", "'" + text + "' is not a calendar date"));
            return null;
        }
    }

    /** Parses a decimal string into millionths, exactly; Long.MIN_VALUE (reported) when it is not one. */
    static long micros(String text, FactSource source, List<FactError> errors) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i++;
        }
        long units = 0;
        int digits = 0;
        for (; i < length && text.charAt(i) != '.'; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return bad(text, source, errors);
            units = units * 10 + (c - '0');
            if (++digits > 13 || units > Limits.LINE_AMOUNT_UNITS_MAX) {
                errors.add(new FactError(source.file(), source.line(), "amount", "'" + text + "' is too large for one line"));
                return Long.MIN_VALUE;
            }
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < length) {
            i++;                                               // the decimal point
            for (; i < length; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') return bad(text, source, errors);
                if (++fractionDigits > AMOUNT_SCALE) {
                    errors.add(new FactError(source.file(), source.line(), "amount", "'" + text + "' has more than "
                            + AMOUNT_SCALE + " decimal places"));
                    return Long.MIN_VALUE;
                }
                fraction = fraction * 10 + (c - '0');
            }
            if (fractionDigits == 0) return bad(text, source, errors);
        }
        if (digits == 0 && fractionDigits == 0) return bad(text, source, errors);
        for (int k = fractionDigits; k < AMOUNT_SCALE; k++) fraction *= 10;
        long micros = units * MICROS + fraction;
        return negative ? -micros : micros;
    }

    private static long bad(String text, FactSource source, List<FactError> errors) {
        errors.add(new FactError(source.file(), source.line(), "amount", text.isEmpty() ? "missing" : "'" + text + "' is not a decimal amount"));
        return Long.MIN_VALUE;
    }
}
