package dev.treaty.evaluator.facts;

import dev.treaty.language.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Streams revenue lines from CSV files with a header naming the columns, in any order:
 * {@code date}, {@code party}, {@code amount} and {@code currency} are required; {@code id},
 * {@code product}, {@code kind}, {@code category}, {@code cloud}, {@code region} and
 * {@code segment} are optional; other columns are ignored. Lines are handed to a consumer as they
 * are read, so a file of any size passes through in bounded memory; repeated ids are found on
 * disk-backed partitions, not in a growing in-memory set.
 *
 * <p>A large file read into a {@link RevenueSink} is parsed by every core at once: it is cut into
 * parts at line ends, each part is parsed into its own {@linkplain RevenueSink#fork fork} of the
 * sink, and the forks are joined in order. A cut may fall inside a quoted value that holds a line
 * end; so a part is used only if the part before it, which was read from a true start, ended
 * exactly where it begins. Otherwise the part before reads on through it, and its own reading is
 * dropped. The result, the lines' numbers and the errors are those of reading the file in one go.
 */
public final class RevenueReader {

    public static final Set<String> REQUIRED = Set.of("date", "party", "amount", "currency");
    public static final List<String> OPTIONAL = List.of("id", "product", "kind", "category", "cloud", "region", "segment",
            "supersedes", "recorded");
    /** Amounts are exact to a millionth of the currency unit. */
    public static final int AMOUNT_SCALE = 6;
    /** Revenue files in one read, at most (a line's ordinal holds the file's index in 15 bits). */
    public static final int FILES_MAX = (1 << 15) - 1;
    private static final long MICROS = 1_000_000L;
    /**
     * A file smaller than this is read by one thread: below it, starting threads costs more than it
     * saves. The build's tests set it to 1 byte, so that every test of a settlement reads in parts.
     */
    static final long SPLIT_BYTES_MIN = Long.getLong("treaty.csv.splitBytesMin", 8L << 20);
    /** Parts of one file, at most: a line's ordinal holds the part in 8 bits. */
    static final int PARTS_MAX = 64;

    /** Told how far a read has got, so a terminal can show progress. */
    public interface Progress {
        void update(Path file, long bytesRead, long bytesTotal, long lines);

        Progress NONE = (file, bytesRead, bytesTotal, lines) -> { };
    }

    /** What a read did: how many lines it passed on, how many repeated lines it skipped, and the bad lines. */
    public record Result(long lines, long duplicates, List<FactError> errors) {
    }

    /**
     * Where a read may cut each file, and how the id search is sized; tests choose both to put
     * cuts everywhere and make every search spill.
     */
    record Tuning(Cuts cuts, int partitionBits, int blockRecords) {
        static final Tuning DEFAULT = new Tuning(Cuts.BY_CORES, -1, -1);

        DuplicateFinder finder(long expectedRecords) {
            return partitionBits < 0 ? DuplicateFinder.forRecords(expectedRecords) : new DuplicateFinder(partitionBits, blockRecords);
        }
    }

    /** Chooses the byte offsets near which a file is cut (each moved to the next line start). */
    interface Cuts {
        long[] near(long dataStart, long size);

        /** One part per core for a file of at least {@link #SPLIT_BYTES_MIN}. */
        Cuts BY_CORES = (dataStart, size) -> {
            int parts = Math.min(PARTS_MAX, Runtime.getRuntime().availableProcessors());
            if (parts < 2 || size - dataStart < SPLIT_BYTES_MIN) return new long[0];
            long[] cuts = new long[parts - 1];
            for (int k = 1; k < parts; k++) cuts[k - 1] = dataStart + (size - dataStart) * k / parts;
            return cuts;
        };
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
        return read(files, consumer, progress, Tuning.DEFAULT);
    }

    static Result read(List<Path> files, Consumer<RevenueLine> consumer, Progress progress, Tuning tuning) {
        if (files.size() > FILES_MAX) {
            return new Result(0, 0, List.of(new FactError(files.get(0), 0, "", "more than " + FILES_MAX + " revenue files in one read")));
        }
        if (consumer instanceof RevenueSink sink) return readOnce(files, sink, progress, tuning);
        List<FactError> errors = new ArrayList<>();
        long[] counts = new long[2];
        List<long[]> starts = new ArrayList<>();
        try (DuplicateFinder finder = tuning.finder(expectedRecords(files))) {
            DuplicateFinder.Writer ids = finder.writer();
            boolean anyIds = false;
            for (int i = 0; i < files.size(); i++) {
                int fileIndex = i;
                starts.add(new long[]{0});
                anyIds |= rows(files.get(i), new ArrayList<>(), Progress.NONE, (columns, row, number) -> {
                    int at = columns.index()[4];
                    if (at < 0 || at >= row.fieldCount() || row.isEmpty(at)) return;
                    if (columns.line(row, new FactSource(files.get(fileIndex), number), new ArrayList<>()) == null) return;
                    ids.add(ordinal(fileIndex, 0, number), row.bytes(at), row.start(at), row.end(at), columns.lastContentHash);
                });
            }
            DuplicateFinder.Found found = anyIds ? finder.finish() : null;
            try (LongRuns.Reader skip = found != null ? found.duplicates() : new LongRuns.Reader(new long[0], List.of())) {
                for (int i = 0; i < files.size(); i++) {
                    int fileIndex = i;
                    Path file = files.get(i);
                    rows(file, errors, progress, (columns, row, number) -> {
                        if (skip.contains(ordinal(fileIndex, 0, number))) {
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
            if (found != null) addConflicts(found, files, starts, errors, counts);
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
        List<FactError> errors = new ArrayList<>();
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

    /** Records with ids a search may meet, at most: the shortest line with an id takes about 16 bytes. */
    private static long expectedRecords(List<Path> files) {
        long bytes = 0;
        for (Path file : files) {
            try {
                bytes += Files.size(file);
            } catch (IOException | UnsupportedOperationException e) {
                // reported when the file is read
            }
        }
        return bytes / 16;
    }

    /**
     * One reading of every file, each large one by all cores at once: each good line goes to the
     * sink (or a fork of it) as it is read, and its id (if any) to the duplicate finder; only if
     * some id repeats are the files read again, to retract the repeats.
     */
    private static Result readOnce(List<Path> files, RevenueSink sink, Progress progress, Tuning tuning) {
        List<FactError> errors = new ArrayList<>();
        long[] counts = new long[2];
        boolean anyIds = false;
        List<long[]> starts = new ArrayList<>();
        try (DuplicateFinder finder = tuning.finder(expectedRecords(files))) {
            for (int i = 0; i < files.size(); i++) {
                FileRead read = readFile(i, files.get(i), sink, finder, progress, tuning, errors);
                counts[0] += read.lines();
                anyIds |= read.hasIds();
                starts.add(read.partStarts());
            }
            if (!anyIds) return new Result(counts[0], 0, sorted(errors));
            DuplicateFinder.Found found = finder.finish();
            try (LongRuns.Reader repeats = found.duplicates()) {
                if (!repeats.isEmpty()) {
                    for (int i = 0; i < files.size(); i++) {
                        int fileIndex = i;
                        Path file = files.get(i);
                        long[] partStarts = starts.get(i);
                        rows(file, new ArrayList<>(), Progress.NONE, (columns, row, number) -> {
                            if (!repeats.contains(ordinalOfLine(fileIndex, partStarts, number))) return;
                            RevenueLine line = columns.line(row, new FactSource(file, number), new ArrayList<>());
                            if (line == null) return;
                            sink.retract(line);
                            counts[0]--;
                            counts[1]++;
                        });
                    }
                }
            }
            addConflicts(found, files, starts, errors, counts);
        }
        return new Result(counts[0], counts[1], sorted(errors));
    }

    /**
     * What reading one file gave: the lines passed on, whether it has ids, and the line each part's
     * numbering starts after (0 for the first part, which numbers the file's own lines; -1 for a
     * part that was dropped).
     */
    private record FileRead(long lines, boolean hasIds, long[] partStarts) {
    }

    /** The header of a file: its columns, where its data starts (byte and line), and its size. */
    private record Header(Columns columns, long dataStart, long firstLine, long size) {
    }

    private static FileRead readFile(int fileIndex, Path file, RevenueSink sink, DuplicateFinder finder, Progress progress,
                                     Tuning tuning, List<FactError> errors) {
        Header header = header(file, errors);
        if (header == null) return new FileRead(0, false, new long[]{0});
        long[] partStarts = partStarts(file, header, tuning.cuts());
        RevenueSink[] sinks = new RevenueSink[partStarts.length];
        sinks[0] = sink;
        for (int k = 1; k < sinks.length; k++) {
            sinks[k] = sink.fork();
            if (sinks[k] == null) {                  // this sink cannot be split: one part
                partStarts = new long[]{partStarts[0]};
                break;
            }
        }
        int n = partStarts.length;
        Part[] parts = new Part[n];
        for (int k = 0; k < n; k++) parts[k] = new Part(fileIndex, k, file, header, partStarts, sinks[k], finder.writer());
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        if (n == 1) {
            parts[0].run(bytes, lines, progress);
        } else {
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Part part = parts[k];
                threads.add(Thread.ofPlatform().name("treaty-csv-part-" + k).daemon().start(() -> part.run(bytes, lines, Progress.NONE)));
            }
            try {
                for (Thread thread : threads) {
                    while (!thread.join(java.time.Duration.ofMillis(200))) progress.update(file, bytes.get(), header.size(), lines.get());
                }
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading revenue", e);
            }
        }
        // Follow the parts from the first: each ended at the start of the part that is used next.
        long[] shifts = new long[n];
        java.util.Arrays.fill(shifts, -1);
        long passed = 0;
        int k = 0;
        long shift = 0;
        while (true) {
            Part part = parts[k];
            if (part.failure instanceof RuntimeException runtime) throw runtime;      // only a part that is used fails the read
            if (part.failure instanceof Error error) throw error;
            shifts[k] = shift;
            passed += part.lines;
            for (FactError error : part.errors) {
                errors.add(shift == 0 ? error : new FactError(error.file(), error.line() + shift, error.field(), error.reason()));
            }
            errors.addAll(part.fileErrors);
            if (k > 0) sink.join(part.sink, shift);
            if (part.broken || part.endedAt >= n) break;
            shift += part.linesBeforeEnd;
            for (int skipped = k + 1; skipped < part.endedAt; skipped++) parts[skipped].ids.discard();
            k = part.endedAt;
        }
        for (int rest = k + 1; rest < n; rest++) parts[rest].ids.discard();
        progress.update(file, header.size(), header.size(), passed);
        return new FileRead(passed, header.columns().index()[4] >= 0, shifts);
    }

    /** Where each part of a file starts: its data start, then each cut moved to the next line start. */
    private static long[] partStarts(Path file, Header header, Cuts cuts) {
        long[] near = cuts.near(header.dataStart(), header.size());
        long[] starts = new long[Math.min(PARTS_MAX, near.length + 1)];
        starts[0] = header.dataStart();
        int n = 1;
        if (near.length == 0) return starts;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
            for (long cut : near) {
                if (n == starts.length) break;
                long from = Math.max(cut, starts[n - 1] + 1);
                long lineStart = nextLineStart(channel, buffer, from, header.size());
                if (lineStart > starts[n - 1] && lineStart < header.size()) starts[n++] = lineStart;
            }
        } catch (IOException e) {
            return new long[]{header.dataStart()};        // read in one part; reading it reports the trouble
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    /** The offset just after the first line feed at or after {@code from}, within a row's length; -1 if none. */
    private static long nextLineStart(FileChannel channel, ByteBuffer buffer, long from, long size) throws IOException {
        long position = from - 1;                   // a line feed just before the cut makes the cut itself a line start
        long limit = Math.min(size, from + CsvScanner.ROW_BYTES_MAX + 1);
        while (position < limit) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) return -1;
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') return position + i + 1;
            }
            position += read;
        }
        return -1;
    }

    /**
     * One part of a file, read on its own thread from its start until a row starts at or past the
     * start of a later part: if it starts exactly there, that part is the next one used; if past
     * it, the cut fell inside a row (a quoted line end), and this part reads on to the next cut.
     */
    private static final class Part {
        final int fileIndex;
        final int index;
        final Path file;
        final Header header;
        final long[] starts;
        final RevenueSink sink;
        final DuplicateFinder.Writer ids;
        /** Errors of its lines, by its own numbering. */
        final List<FactError> errors = new ArrayList<>();
        /** Errors of the whole file (line 0). */
        final List<FactError> fileErrors = new ArrayList<>();
        long lines;
        /** The part it ended at (the number of parts when it read to the end of the file). */
        int endedAt;
        /** Its lines before that part's start, by its own numbering. */
        long linesBeforeEnd;
        /** It stopped at a row it could not read: nothing after it in this file is read. */
        boolean broken;
        Throwable failure;

        Part(int fileIndex, int index, Path file, Header header, long[] starts, RevenueSink sink, DuplicateFinder.Writer ids) {
            this.fileIndex = fileIndex;
            this.index = index;
            this.file = file;
            this.header = header;
            this.starts = starts;
            this.sink = sink;
            this.ids = ids;
        }

        void run(AtomicLong bytes, AtomicLong linesRead, Progress progress) {
            try {
                read(bytes, linesRead, progress);
            } catch (Throwable t) {
                failure = t;
                broken = true;
            }
        }

        private void read(AtomicLong bytes, AtomicLong linesRead, Progress progress) throws IOException {
            long start = starts[index];
            long rowLine = index == 0 ? header.firstLine() - 1 : 0;
            Columns columns = header.columns().copy();
            int next = index + 1;
            long boundary = next < starts.length ? starts[next] : Long.MAX_VALUE;
            long reported = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(channel.position(start));
                 CsvScanner rows = new CsvScanner(in, rowLine + 1)) {
                while (rows.next()) {
                    rowLine = rows.rowLine();
                    long at = start + rows.rowStart();
                    while (at >= boundary) {
                        if (at == boundary) {
                            endedAt = next;
                            linesBeforeEnd = rowLine - 1;
                            return;
                        }
                        boundary = ++next < starts.length ? starts[next] : Long.MAX_VALUE;
                    }
                    if (rows.fieldCount() == 1 && rows.isEmpty(0)) continue;          // a blank line
                    RevenueLine line = columns.line(rows, new FactSource(file, rowLine), errors);
                    if (line == null) continue;
                    int id = columns.index()[4];
                    if (id >= 0 && id < rows.fieldCount() && !rows.isEmpty(id)) {
                        ids.add(ordinal(fileIndex, index, rowLine), rows.bytes(id), rows.start(id), rows.end(id), columns.lastContentHash);
                    }
                    sink.accept(line);
                    if ((++lines & 0xFFFF) == 0) {
                        bytes.addAndGet(rows.bytesRead() - reported);
                        reported = rows.bytesRead();
                        linesRead.addAndGet(0x10000);
                        progress.update(file, bytes.get(), header.size(), linesRead.get());
                    }
                }
                endedAt = starts.length;
            } catch (java.nio.charset.CharacterCodingException e) {
                errors.add(new FactError(file, rowLine, "", "not UTF-8 text"));
                broken = true;
            } catch (CsvScanner.MalformedException e) {
                errors.add(new FactError(file, rowLine + 1, "", "malformed CSV: " + e.getMessage()));
                broken = true;
            } catch (IOException e) {
                fileErrors.add(new FactError(file, 0, "", "cannot read: " + e.getMessage()));
                broken = true;
            }
        }
    }

    private static void addConflicts(DuplicateFinder.Found found, List<Path> files, List<long[]> starts, List<FactError> errors,
                                     long[] counts) {
        for (DuplicateFinder.Conflict conflict : found.conflicts()) {
            errors.add(new FactError(files.get(fileOf(conflict.ordinal())), lineOf(conflict.ordinal(), starts), "id",
                    "this id is already used by a different line (" + files.get(fileOf(conflict.firstOrdinal())) + ":"
                            + lineOf(conflict.firstOrdinal(), starts) + ")"));
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

    /**
     * Line ordinals grow in the order of the input: the file's index in the top 15 bits, the part
     * of the file in the next 8, and the line by the part's own numbering in the low 40 (a
     * trillion lines a file).
     */
    private static long ordinal(int file, int part, long line) {
        return ((long) file << 48) | ((long) part << 40) | line;
    }

    private static int fileOf(long ordinal) {
        return (int) (ordinal >>> 48);
    }

    /** The line in its file, from the line the ordinal's part starts after. */
    private static long lineOf(long ordinal, List<long[]> starts) {
        int part = (int) (ordinal >>> 40) & 0xFF;
        return starts.get(fileOf(ordinal))[part] + (ordinal & ((1L << 40) - 1));
    }

    /** The ordinal of a line of the file: its part is the last used one that starts before it. */
    private static long ordinalOfLine(int file, long[] partStarts, long line) {
        int part = 0;
        for (int k = 1; k < partStarts.length; k++) {
            if (partStarts[k] >= 0 && partStarts[k] < line) part = k;
        }
        return ordinal(file, part, line - partStarts[part]);
    }

    private interface RowHandler {
        void row(Columns columns, CsvScanner row, long number) throws IOException;
    }

    /** Opens a file and reads its header; null (reported) when there is no usable one. */
    private static Header header(Path file, List<FactError> errors) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            errors.add(new FactError(file, 0, "", Files.isDirectory(file) ? "is a folder, not a revenue file"
                    : "is not a regular file (a device or a pipe has no end to read to)"));
            return null;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            errors.add(new FactError(file, 0, "", Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file"));
            return null;
        }
        try (CsvScanner rows = new CsvScanner(Files.newInputStream(file))) {
            if (!rows.next()) {
                errors.add(new FactError(file, 1, "", "empty file: a header line naming the columns is required"));
                return null;
            }
            Columns columns = Columns.of(rows, file, errors);
            if (columns == null) return null;
            return new Header(columns, rows.bytesRead(), rows.nextLine(), size);
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new FactError(file, 1, "", "not UTF-8 text"));
        } catch (CsvScanner.MalformedException e) {
            errors.add(new FactError(file, 2, "", "malformed CSV: " + e.getMessage()));
        } catch (IOException e) {
            errors.add(new FactError(file, 0, "", "cannot read: " + e.getMessage()));
        }
        return null;
    }

    /** Streams the rows of one file to {@code handler} on this thread; returns whether the file has an id column. */
    private static boolean rows(Path file, List<FactError> errors, Progress progress, RowHandler handler) {
        Header header = header(file, errors);
        if (header == null) return false;
        long rowLine = header.firstLine() - 1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(channel.position(header.dataStart()));
             CsvScanner rows = new CsvScanner(in, header.firstLine())) {
            long lines = 0;
            while (rows.next()) {
                rowLine = rows.rowLine();
                if (rows.fieldCount() == 1 && rows.isEmpty(0)) continue;          // a blank line
                handler.row(header.columns(), rows, rowLine);
                if ((++lines & 0xFFFF) == 0) progress.update(file, header.dataStart() + rows.bytesRead(), header.size(), lines);
            }
            progress.update(file, header.size(), header.size(), lines);
            return header.columns().index()[4] >= 0;
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new FactError(file, rowLine, "", "not UTF-8 text"));
        } catch (CsvScanner.MalformedException e) {
            errors.add(new FactError(file, rowLine + 1, "", "malformed CSV: " + e.getMessage()));
        } catch (IOException e) {
            errors.add(new FactError(file, 0, "", "cannot read: " + e.getMessage()));
        }
        return false;
    }

    /** Where each known column is in this file. Not thread-safe: each thread reads with its own {@link #copy}. */
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

        /** The same columns for another thread. */
        Columns copy() {
            return new Columns(index, width);
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
