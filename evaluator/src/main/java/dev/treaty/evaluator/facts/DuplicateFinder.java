package dev.treaty.evaluator.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds repeated ids among revenue lines in bounded memory, for files of any size, with several
 * threads recording ids at once. Each id is kept as a 128-bit hash with a hash of its line's
 * content and the line's ordinal. A later line with an id already seen is a duplicate when its
 * content is the same as the first line's (it is skipped) and a conflict when it differs (an error).
 *
 * <p>Design notes. Records are partitioned by the leading bits of the id's hash, so two lines with
 * the same id always meet in the same partition, and each partition is checked on its own: no
 * global sort and no merge. Each {@link Writer} (one per thread, one per consecutive part of the
 * input) buffers a small block per partition and appends full blocks to its own nameless spill
 * file. {@link #finish} then takes the partitions in parallel: a partition's records are read back
 * writer by writer, which is the order of the input, and put in an open-addressing table keyed by
 * the id hash; the first line of an id is the one in the table. The number of partitions is chosen
 * from the expected number of records so that one partition's table stays small (a few megabytes).
 */
final class DuplicateFinder implements AutoCloseable {

    /** Conflicts reported before the rest are only counted. */
    static final int CONFLICTS_MAX = 1_000;
    /** Records a partition is sized for: its records and table then take about 20 MB. */
    static final long PARTITION_RECORDS = 1L << 19;
    /** Partitions checked at once, at most: with the size above, the heap they need stays near 80 MB on any machine. */
    static final int CHECKERS_MAX = 4;
    /** Partition bits at most: 4,096 partitions. */
    static final int PARTITION_BITS_MAX = 12;
    /**
     * The blocks of all partitions of one writer take about this many bytes of heap: small enough
     * that the blocks being filled stay in the core's cache, large enough that spills are few.
     */
    private static final long WRITER_BUFFER_BYTES = 4L << 20;
    private static final int RECORD_LONGS = 4;
    private static final int RECORD_BYTES = RECORD_LONGS * Long.BYTES;

    /** A conflict: the line {@code ordinal} reuses the id of the line {@code firstOrdinal} with other content. */
    record Conflict(long ordinal, long firstOrdinal) {
    }

    /** What the search found. */
    record Found(LongRuns.Reader duplicates, List<Conflict> conflicts, long conflictCount) {
    }

    private final int partitionBits;
    private final int blockRecords;
    private final List<Writer> writers = new ArrayList<>();
    private final int duplicatesBatch;

    /** A finder sized for about {@code expectedRecords} records (an overestimate costs little). */
    static DuplicateFinder forRecords(long expectedRecords) {
        int bits = 0;
        while (bits < PARTITION_BITS_MAX && (PARTITION_RECORDS << bits) < expectedRecords) bits++;
        return new DuplicateFinder(bits, (int) Math.clamp(WRITER_BUFFER_BYTES / ((long) RECORD_BYTES << bits), 128, 4096));
    }

    /**
     * @param partitionBits the partitions are the first {@code partitionBits} bits of the id hash
     * @param blockRecords  records a writer buffers per partition before it spills them to its file
     */
    DuplicateFinder(int partitionBits, int blockRecords) {
        if (partitionBits < 0 || partitionBits > PARTITION_BITS_MAX) throw new IllegalArgumentException("partitionBits: " + partitionBits);
        if (blockRecords < 1) throw new IllegalArgumentException("blockRecords: " + blockRecords);
        this.partitionBits = partitionBits;
        this.blockRecords = blockRecords;
        this.duplicatesBatch = 1 << 20;
    }

    /**
     * A writer for the next part of the input: the ordinals it is given must grow, and all be above
     * those of the writers made before it. One thread uses it.
     */
    synchronized Writer writer() {
        Writer writer = new Writer();
        writers.add(writer);
        return writer;
    }

    /** Records one thread's part of the input. */
    final class Writer {
        private final long[][] blocks = new long[1 << partitionBits][];
        private final int[] filled = new int[1 << partitionBits];
        /** The spill-file offsets of each partition's full blocks, in the order written. */
        private final long[][] spilled = new long[1 << partitionBits][];
        private final int[] spilledCount = new int[1 << partitionBits];
        private FileChannel file;
        private long fileEnd;
        private ByteBuffer out;
        private boolean discarded;

        void add(long lineOrdinal, byte[] bytes, int start, int end, long contentHash) {
            add(lineOrdinal, idHigh(bytes, start, end), idLow(bytes, start, end), contentHash);
        }

        void add(long lineOrdinal, String id, long contentHash) {
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            add(lineOrdinal, bytes, 0, bytes.length, contentHash);
        }

        void add(long lineOrdinal, long idHigh, long idLow, long contentHash) {
            int p = partitionBits == 0 ? 0 : (int) (idHigh >>> (64 - partitionBits));
            long[] block = blocks[p];
            if (block == null) block = blocks[p] = new long[Math.min(blockRecords, 64) * RECORD_LONGS];
            int at = filled[p] * RECORD_LONGS;
            if (at == block.length) {
                if (block.length < blockRecords * RECORD_LONGS) {
                    block = blocks[p] = Arrays.copyOf(block, Math.min(blockRecords, filled[p] * 2) * RECORD_LONGS);
                } else {
                    spill(p, block);
                    at = 0;
                }
            }
            block[at] = idHigh;
            block[at + 1] = idLow;
            block[at + 2] = contentHash;
            block[at + 3] = lineOrdinal;
            filled[p]++;
        }

        private void spill(int p, long[] block) {
            try {
                if (file == null) {
                    file = SpillFiles.create("treaty-ids-");
                    out = ByteBuffer.allocate(blockRecords * RECORD_BYTES);
                }
                out.clear();
                out.asLongBuffer().put(block, 0, filled[p] * RECORD_LONGS);
                out.limit(filled[p] * RECORD_BYTES);
                long offset = fileEnd;
                while (out.hasRemaining()) fileEnd += file.write(out, fileEnd);
                if (spilled[p] == null) spilled[p] = new long[4];
                else if (spilledCount[p] == spilled[p].length) spilled[p] = Arrays.copyOf(spilled[p], spilledCount[p] * 2);
                spilled[p][spilledCount[p]++] = offset;
                filled[p] = 0;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill ids to a temporary file", e);
            }
        }

        /** Drops what this writer recorded: its part of the input turned out not to be read as written. */
        void discard() {
            discarded = true;
            Arrays.fill(blocks, null);
            close();
        }

        private int records(int p) {
            return spilledCount[p] * blockRecords + filled[p];
        }

        /** Appends partition {@code p}'s records, in the order added, to {@code into} from {@code at}. */
        private int read(int p, long[] into, int at, ByteBuffer buffer) throws IOException {
            for (int b = 0; b < spilledCount[p]; b++) {
                buffer.clear();
                long position = spilled[p][b];
                while (buffer.hasRemaining()) {
                    int read = file.read(buffer, position);
                    if (read < 0) throw new IOException("a spill file ended early");
                    position += read;
                }
                buffer.flip();
                buffer.asLongBuffer().get(into, at, blockRecords * RECORD_LONGS);
                at += blockRecords * RECORD_LONGS;
            }
            if (filled[p] > 0) {
                System.arraycopy(blocks[p], 0, into, at, filled[p] * RECORD_LONGS);
                at += filled[p] * RECORD_LONGS;
            }
            return at;
        }

        private void close() {
            if (file == null) return;
            try {
                file.close();
            } catch (IOException ignored) {
                // a nameless file: the system takes it back when the process ends anyway
            }
            file = null;
        }
    }

    /** The duplicates, readable in ascending order, and the conflicts (the first by ordinal); uses the parts' threads. */
    Found finish() {
        List<Writer> live = writers.stream().filter(w -> !w.discarded).toList();
        LongRuns duplicates = new LongRuns(duplicatesBatch);
        long[] conflictCount = new long[1];
        int partitions = 1 << partitionBits;
        @SuppressWarnings("unchecked")
        List<Conflict>[] conflicts = new List[partitions];
        AtomicInteger next = new AtomicInteger();
        Runnable checker = () -> {
            for (int p = next.getAndIncrement(); p < partitions; p = next.getAndIncrement()) {
                conflicts[p] = check(p, live, duplicates, conflictCount);
            }
        };
        int threads = Math.min(partitions, Math.min(CHECKERS_MAX, Runtime.getRuntime().availableProcessors()));
        List<Thread> helpers = new ArrayList<>();
        Throwable[] failure = {null};
        for (int t = 1; t < threads; t++) {
            helpers.add(Thread.ofPlatform().name("treaty-id-check").daemon().start(() -> {
                try {
                    checker.run();
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }));
        }
        checker.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking for repeated ids", e);
            }
        }
        if (failure[0] instanceof RuntimeException runtime) throw runtime;
        if (failure[0] instanceof Error error) throw error;
        List<Conflict> first = Arrays.stream(conflicts).flatMap(List::stream)
                .sorted(Comparator.comparingLong(Conflict::ordinal)).limit(CONFLICTS_MAX).toList();
        return new Found(duplicates.finish(), first, conflictCount[0]);
    }

    /** Checks one partition: its records in input order through a table of the ids seen. */
    private List<Conflict> check(int p, List<Writer> live, LongRuns duplicates, long[] conflictCount) {
        long total = 0;
        for (Writer w : live) total += w.records(p);
        if (total == 0) return List.of();
        if (total > Integer.MAX_VALUE / RECORD_LONGS) throw new IllegalStateException("too many ids in one partition: " + total);
        int n = (int) total;
        long[] records = new long[n * RECORD_LONGS];
        try {
            ByteBuffer buffer = ByteBuffer.allocate(blockRecords * RECORD_BYTES);
            int at = 0;
            for (Writer w : live) at = w.read(p, records, at, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ids back from a temporary file", e);
        }
        int[] table = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1];
        int mask = table.length - 1;
        List<Conflict> conflicts = new ArrayList<>();
        long[] repeats = new long[64];
        int repeatCount = 0;
        long found = 0;
        for (int i = 0; i < n; i++) {
            int r = i * RECORD_LONGS;
            long high = records[r];
            long low = records[r + 1];
            int slot = (int) (low ^ (low >>> 32)) & mask;
            while (true) {
                int known = table[slot];
                if (known == 0) {
                    table[slot] = i + 1;
                    break;
                }
                int k = (known - 1) * RECORD_LONGS;
                if (records[k] == high && records[k + 1] == low) {
                    if (records[k + 2] != records[r + 2]) {
                        found++;
                        if (conflicts.size() < CONFLICTS_MAX) conflicts.add(new Conflict(records[r + 3], records[k + 3]));
                    }
                    if (repeatCount == repeats.length) repeats = Arrays.copyOf(repeats, repeatCount * 2);
                    repeats[repeatCount++] = records[r + 3];     // a repeat is skipped; a conflicting line is not counted either
                    if (repeatCount == 1 << 16) {
                        add(duplicates, repeats, repeatCount);
                        repeatCount = 0;
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        add(duplicates, repeats, repeatCount);
        if (found > 0) {
            synchronized (conflictCount) {
                conflictCount[0] += found;
            }
        }
        return conflicts;
    }

    private static void add(LongRuns duplicates, long[] repeats, int count) {
        if (count == 0) return;
        synchronized (duplicates) {
            for (int i = 0; i < count; i++) duplicates.add(repeats[i]);
        }
    }

    @Override
    public void close() {
        for (Writer writer : writers) writer.close();
    }

    static long idHigh(byte[] bytes, int start, int end) {
        return hash(bytes, start, end, 0x9E3779B97F4A7C15L);
    }

    static long idLow(byte[] bytes, int start, int end) {
        return hash(bytes, start, end, 0xC2B2AE3D27D4EB4FL);
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
