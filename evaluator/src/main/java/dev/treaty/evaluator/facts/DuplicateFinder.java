package dev.treaty.evaluator.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds repeated ids among revenue lines in bounded memory, for files of any size: each id is
 * kept as a 128-bit hash with a hash of its line's content; batches are sorted in memory and
 * spilled to temporary files, then merged. A later line with an id already seen is a duplicate
 * when its content is the same (it is skipped) and a conflict when it differs (it is an error).
 *
 * <p>Design notes. A batch is sorted as one {@code long[]} of keys, each the top bits of the id's
 * hash with the record's index in the low {@link #INDEX_BITS} bits, so the sort is a primitive
 * one and allocates nothing; records whose keys share the top bits are compared in full. Lines
 * are named by an ordinal that grows as they are read; the duplicates come back in ordinal order,
 * so a second pass over the files skips them while streaming.
 */
final class DuplicateFinder implements AutoCloseable {

    static final int INDEX_BITS = 21;
    /** Records sorted in memory before a spill: 1M records take 40 MB (five long arrays); larger runs were not faster. */
    static final int RUN_RECORDS_MAX = 1 << (INDEX_BITS - 1);
    /** Conflicts reported before the rest are only counted. */
    static final int CONFLICTS_MAX = 1_000;
    private static final long PREFIX_MASK = -1L << INDEX_BITS;
    private static final int RECORD_BYTES = 32;

    /** A conflict: the line {@code ordinal} reuses the id of the line {@code firstOrdinal} with other content. */
    record Conflict(long ordinal, long firstOrdinal) {
    }

    /** What the search found. */
    record Found(LongRuns.Reader duplicates, List<Conflict> conflicts, long conflictCount) {
    }

    /** The first buffers' size: a small file should not pay for the largest run (40 MB zeroed per read). */
    static final int RUN_RECORDS_FIRST = 4096;

    private final int runRecordsMax;
    private long[] high;
    private long[] low;
    private long[] content;
    private long[] ordinal;
    private long[] keys;
    private int buffered;
    private final List<FileChannel> runs = new ArrayList<>();

    DuplicateFinder() {
        this(RUN_RECORDS_MAX);
    }

    DuplicateFinder(int runRecordsMax) {
        if (runRecordsMax < 1 || runRecordsMax > 1 << INDEX_BITS) throw new IllegalArgumentException("runRecordsMax: " + runRecordsMax);
        this.runRecordsMax = runRecordsMax;
        int first = Math.min(runRecordsMax, RUN_RECORDS_FIRST);
        high = new long[first];
        low = new long[first];
        content = new long[first];
        ordinal = new long[first];
        keys = new long[first];
    }

    void add(long lineOrdinal, String id, long contentHash) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        add(lineOrdinal, bytes, 0, bytes.length, contentHash);
    }

    /** Adds the id held in {@code bytes[start, end)}, without making a String of it. Ordinals must grow. */
    void add(long lineOrdinal, byte[] bytes, int start, int end, long contentHash) {
        add(lineOrdinal, idHigh(bytes, start, end), idLow(bytes, start, end), contentHash);
    }

    /** Adds an id already hashed with {@link #idHigh} and {@link #idLow} (on another thread, say). */
    void add(long lineOrdinal, long idHigh, long idLow, long contentHash) {
        if (buffered == high.length) grow();
        int i = buffered++;
        high[i] = idHigh;
        low[i] = idLow;
        content[i] = contentHash;
        ordinal[i] = lineOrdinal;
        if (buffered == runRecordsMax) spill();
    }

    /** Doubles the buffers, up to the run size; a full run is spilled before this is needed again. */
    private void grow() {
        int size = Math.min(runRecordsMax, high.length * 2);
        high = Arrays.copyOf(high, size);
        low = Arrays.copyOf(low, size);
        content = Arrays.copyOf(content, size);
        ordinal = Arrays.copyOf(ordinal, size);
        keys = new long[size];
    }

    static long idHigh(byte[] bytes, int start, int end) {
        return hash(bytes, start, end, 0x9E3779B97F4A7C15L);
    }

    static long idLow(byte[] bytes, int start, int end) {
        return hash(bytes, start, end, 0xC2B2AE3D27D4EB4FL);
    }

    /** The duplicates, ascending, and the conflicts; reads the spilled runs once. */
    Found finish() {
        Scan scan = new Scan(runRecordsMax);
        if (runs.isEmpty()) {
            sortBuffer();
            for (int k = 0; k < buffered; k++) {
                int i = (int) (keys[k] & ~PREFIX_MASK);
                scan.accept(high[i], low[i], content[i], ordinal[i]);
            }
        } else {
            spill();
            try (Merge merge = new Merge(runs)) {
                merge.forEach(scan);
            }
        }
        buffered = 0;
        return scan.finish();
    }

    /** Sorts the buffer's keys: by the id hash's top bits, then by insertion order (so by ordinal). */
    private void sortBuffer() {
        for (int i = 0; i < buffered; i++) keys[i] = (high[i] & PREFIX_MASK) | i;
        Arrays.sort(keys, 0, buffered);
    }

    private void spill() {
        if (buffered == 0) return;
        sortBuffer();
        try {
            FileChannel channel = SpillFiles.create("treaty-ids-");
            runs.add(channel);
            ByteBuffer out = ByteBuffer.allocateDirect(RECORD_BYTES * 8192);
            for (int k = 0; k < buffered; k++) {
                int i = (int) (keys[k] & ~PREFIX_MASK);
                out.putLong(high[i]).putLong(low[i]).putLong(content[i]).putLong(ordinal[i]);
                if (!out.hasRemaining()) drain(out, channel);
            }
            drain(out, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill ids to a temporary file", e);
        }
        buffered = 0;
    }

    private static void drain(ByteBuffer out, FileChannel channel) throws IOException {
        out.flip();
        while (out.hasRemaining()) channel.write(out);
        out.clear();
    }

    @Override
    public void close() {
        for (FileChannel run : runs) {
            try {
                run.close();
            } catch (IOException ignored) {
                // a nameless file: the system takes it back when the process ends anyway
            }
        }
    }

    /** Receives records in (id prefix, ordinal) order. */
    private interface RecordSink {
        void accept(long high, long low, long content, long ordinal);
    }

    /**
     * Walks the sorted records in groups that share an id prefix (almost always one id); within a
     * group the first line with each full id is the original, and later ones are repeats.
     */
    private static final class Scan implements RecordSink {
        private final LongRuns duplicates;
        private final List<Conflict> conflicts = new ArrayList<>();
        private long conflictCount;
        private long prefix = 0x5555_5555_5555_5555L;
        private long[] groupHigh = new long[4];
        private long[] groupLow = new long[4];
        private long[] groupContent = new long[4];
        private long[] groupOrdinal = new long[4];
        private int group;

        Scan(int batch) {
            duplicates = new LongRuns(batch);
        }

        @Override
        public void accept(long high, long low, long content, long ordinal) {
            long p = high & PREFIX_MASK;
            if (p != prefix || group == 0) {
                prefix = p;
                group = 0;
            }
            for (int g = 0; g < group; g++) {
                if (groupHigh[g] == high && groupLow[g] == low) {
                    if (groupContent[g] != content) {
                        if (conflicts.size() < CONFLICTS_MAX) conflicts.add(new Conflict(ordinal, groupOrdinal[g]));
                        conflictCount++;
                    }
                    duplicates.add(ordinal);         // a repeat is skipped; a conflicting line is not counted either
                    return;
                }
            }
            if (group == groupHigh.length) {
                groupHigh = Arrays.copyOf(groupHigh, group * 2);
                groupLow = Arrays.copyOf(groupLow, group * 2);
                groupContent = Arrays.copyOf(groupContent, group * 2);
                groupOrdinal = Arrays.copyOf(groupOrdinal, group * 2);
            }
            groupHigh[group] = high;
            groupLow[group] = low;
            groupContent[group] = content;
            groupOrdinal[group] = ordinal;
            group++;
        }

        Found finish() {
            return new Found(duplicates.finish(), List.copyOf(conflicts), conflictCount);
        }
    }

    /** A k-way merge of sorted runs, in (id prefix, ordinal) order. */
    private static final class Merge implements AutoCloseable {
        private static final class Run {
            final FileChannel channel;
            final ByteBuffer buffer = ByteBuffer.allocateDirect(RECORD_BYTES * 4096);
            long position;
            long high;
            long low;
            long content;
            long ordinal;

            Run(FileChannel channel) {
                this.channel = channel;
                buffer.flip();
            }

            boolean advance() throws IOException {
                if (buffer.remaining() < RECORD_BYTES) {
                    buffer.compact();
                    int read;
                    while (buffer.position() < RECORD_BYTES && (read = channel.read(buffer, position)) > 0) {
                        position += read;       // positional reads: the channel is shared with no one, but its position is not ours
                    }
                    buffer.flip();
                    if (buffer.remaining() < RECORD_BYTES) return false;
                }
                high = buffer.getLong();
                low = buffer.getLong();
                content = buffer.getLong();
                ordinal = buffer.getLong();
                return true;
            }
        }

        private final List<Run> all = new ArrayList<>();
        private final PriorityQueue<Run> heads = new PriorityQueue<>((a, b) -> {
            int byPrefix = Long.compare(a.high & PREFIX_MASK, b.high & PREFIX_MASK);
            return byPrefix != 0 ? byPrefix : Long.compare(a.ordinal, b.ordinal);
        });

        Merge(List<FileChannel> channels) {
            try {
                for (FileChannel channel : channels) {
                    Run run = new Run(channel);
                    all.add(run);
                    if (run.advance()) heads.add(run);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Runs merged by a linear scan of their heads when they are few (no comparator, no heap), else by a heap. */
        private static final int LINEAR_RUNS_MAX = 16;

        void forEach(RecordSink sink) {
            try {
                if (all.size() <= LINEAR_RUNS_MAX) {
                    Run[] live = heads.toArray(new Run[0]);
                    int count = live.length;
                    while (count > 0) {
                        int best = 0;
                        long bestPrefix = live[0].high & PREFIX_MASK;
                        for (int r = 1; r < count; r++) {
                            long prefix = live[r].high & PREFIX_MASK;
                            if (prefix < bestPrefix || prefix == bestPrefix && live[r].ordinal < live[best].ordinal) {
                                best = r;
                                bestPrefix = prefix;
                            }
                        }
                        Run run = live[best];
                        sink.accept(run.high, run.low, run.content, run.ordinal);
                        if (!run.advance()) live[best] = live[--count];
                    }
                    heads.clear();
                    return;
                }
                while (!heads.isEmpty()) {
                    Run run = heads.poll();
                    sink.accept(run.high, run.low, run.content, run.ordinal);
                    if (run.advance()) heads.add(run);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            // the channels are the finder's: it closes them
        }
    }

    /** A 64-bit hash of the bytes (a multiply-xorshift mix), seeded so that two seeds give a 128-bit hash. */
    static long hash(byte[] bytes, int start, int end, long seed) {
        long h = seed ^ ((end - start) * 0xFF51AFD7ED558CCDL);
        for (int i = start; i < end; i++) {
            h ^= (bytes[i] & 0xFF);
            h *= 0x100000001B3L;
            h ^= h >>> 29;
        }
        return mix(h);
    }

    /** The final avalanche of a 64-bit hash. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
