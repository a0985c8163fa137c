package dev.treaty.evaluator.facts;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds repeated ids among revenue lines in bounded memory, for files of any size: each id is
 * kept as a 128-bit hash with a hash of its line's content; batches are sorted in memory and
 * spilled to temporary files, then merged. A later line with an id already seen is a duplicate
 * when its content is the same (it is skipped) and a conflict when it differs (it is an error).
 *
 * <p>Lines are named by an ordinal that grows as they are read; the duplicates come back in
 * ordinal order, so a second pass over the files skips them while streaming.
 */
final class DuplicateFinder implements AutoCloseable {

    /** Records sorted in memory before a spill: 1M records take about 50 MB. */
    static final int RUN_RECORDS_MAX = 1 << 20;
    /** Conflicts reported before the rest are only counted. */
    static final int CONFLICTS_MAX = 1_000;

    private record Entry(long idHigh, long idLow, long content, long ordinal) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::idHigh)
            .thenComparingLong(Entry::idLow).thenComparingLong(Entry::ordinal);

    /** A conflict: the line {@code ordinal} reuses the id of the line {@code firstOrdinal} with other content. */
    record Conflict(long ordinal, long firstOrdinal) {
    }

    private final int runRecordsMax;
    private final Entry[] buffer;
    private int buffered;
    private final List<Path> runs = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();

    DuplicateFinder() {
        this(RUN_RECORDS_MAX);
    }

    DuplicateFinder(int runRecordsMax) {
        this.runRecordsMax = runRecordsMax;
        this.buffer = new Entry[runRecordsMax];
    }

    void add(long ordinal, String id, long contentHash) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        buffer[buffered++] = new Entry(hash(bytes, 0x9E3779B97F4A7C15L), hash(bytes, 0xC2B2AE3D27D4EB4FL), contentHash, ordinal);
        if (buffered == runRecordsMax) spill();
    }

    /** The duplicates, ascending, and the conflicts; reads the spilled runs once. */
    Found finish() {
        List<Conflict> conflicts = new ArrayList<>();
        long[] conflictCount = {0};
        LongRuns duplicates = new LongRuns(runRecordsMax);
        if (runs.isEmpty()) {
            Arrays.sort(buffer, 0, buffered, ORDER);
            scan(new ArrayIterator(buffer, buffered), duplicates, conflicts, conflictCount);
        } else {
            spill();
            try (Merge merge = new Merge(runs)) {
                scan(merge, duplicates, conflicts, conflictCount);
            }
        }
        buffered = 0;
        return new Found(duplicates.finish(), List.copyOf(conflicts), conflictCount[0]);
    }

    /** What the search found. */
    record Found(LongRuns.Reader duplicates, List<Conflict> conflicts, long conflictCount) {
    }

    private static void scan(java.util.Iterator<Entry> entries, LongRuns duplicates, List<Conflict> conflicts, long[] conflictCount) {
        Entry first = null;
        while (entries.hasNext()) {
            Entry entry = entries.next();
            if (first == null || entry.idHigh != first.idHigh || entry.idLow != first.idLow) {
                first = entry;
            } else if (entry.content == first.content) {
                duplicates.add(entry.ordinal);
            } else {
                if (conflicts.size() < CONFLICTS_MAX) conflicts.add(new Conflict(entry.ordinal, first.ordinal));
                conflictCount[0]++;
                duplicates.add(entry.ordinal);       // a conflicting line is not counted either
            }
        }
    }

    private void spill() {
        if (buffered == 0) return;
        Arrays.sort(buffer, 0, buffered, ORDER);
        try {
            Path run = Files.createTempFile("treaty-ids-", ".run");
            temporary.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (int i = 0; i < buffered; i++) {
                    Entry e = buffer[i];
                    out.writeLong(e.idHigh);
                    out.writeLong(e.idLow);
                    out.writeLong(e.content);
                    out.writeLong(e.ordinal);
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill ids to a temporary file", e);
        }
        Arrays.fill(buffer, 0, buffered, null);
        buffered = 0;
    }

    @Override
    public void close() {
        for (Path path : temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** A 64-bit hash of the bytes (a multiply-xorshift mix), seeded so that two seeds give a 128-bit hash. */
    static long hash(byte[] bytes, long seed) {
        long h = seed ^ (bytes.length * 0xFF51AFD7ED558CCDL);
        for (byte b : bytes) {
            h ^= (b & 0xFF);
            h *= 0x100000001B3L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static final class ArrayIterator implements java.util.Iterator<Entry> {
        private final Entry[] entries;
        private final int size;
        private int next;

        ArrayIterator(Entry[] entries, int size) {
            this.entries = entries;
            this.size = size;
        }

        public boolean hasNext() {
            return next < size;
        }

        public Entry next() {
            return entries[next++];
        }
    }

    /** A k-way merge of sorted runs. */
    private static final class Merge implements java.util.Iterator<Entry>, AutoCloseable {
        private record Head(Entry entry, DataInputStream in) {
        }

        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::entry, ORDER));
        private final List<DataInputStream> streams = new ArrayList<>();

        Merge(List<Path> runs) {
            try {
                for (Path run : runs) {
                    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                    streams.add(in);
                    Entry first = read(in);
                    if (first != null) heads.add(new Head(first, in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Entry read(DataInputStream in) {
            try {
                return new Entry(in.readLong(), in.readLong(), in.readLong(), in.readLong());
            } catch (EOFException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean hasNext() {
            return !heads.isEmpty();
        }

        public Entry next() {
            Head head = heads.poll();
            Entry following = read(head.in());
            if (following != null) heads.add(new Head(following, head.in()));
            return head.entry();
        }

        @Override
        public void close() {
            for (DataInputStream in : streams) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read-only temporary files
                }
            }
        }
    }
}
