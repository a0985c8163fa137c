package dev.treaty.evaluator.facts;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A set of longs of any size in bounded memory, read back once in ascending order: sorted
 * batches spilled to temporary files and merged on reading. Used for the line ordinals to skip.
 */
final class LongRuns {

    private long[] buffer;
    private final int batchMax;
    private int buffered;
    private final List<java.nio.channels.FileChannel> runs = new ArrayList<>();

    LongRuns(int batchMax) {
        this.batchMax = batchMax;
        this.buffer = new long[Math.min(batchMax, 1024)];     // grown as needed: most reads find few repeats
    }

    void add(long value) {
        if (buffered == buffer.length && buffer.length < batchMax) buffer = Arrays.copyOf(buffer, Math.min(batchMax, buffer.length * 2));
        buffer[buffered++] = value;
        if (buffered == batchMax) spill();
    }

    private void spill() {
        Arrays.sort(buffer, 0, buffered);
        try {
            java.nio.channels.FileChannel run = SpillFiles.create("treaty-skip-");
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(run), 1 << 16));
            for (int i = 0; i < buffered; i++) out.writeLong(buffer[i]);
            out.flush();
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill to a temporary file", e);
        }
        buffered = 0;
    }

    Reader finish() {
        if (runs.isEmpty()) {
            long[] values = Arrays.copyOf(buffer, buffered);
            Arrays.sort(values);
            return new Reader(values, List.of());
        }
        if (buffered > 0) spill();
        return new Reader(new long[0], List.copyOf(runs));
    }

    /** Answers "is this ordinal in the set?" for ordinals asked in ascending order. */
    static final class Reader implements AutoCloseable {
        private final long[] values;
        private int index;
        private final PriorityQueue<long[]> heads = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        private final List<DataInputStream> streams = new ArrayList<>();
        private final List<java.nio.channels.FileChannel> runs;

        Reader(long[] values, List<java.nio.channels.FileChannel> runs) {
            this.values = values;
            this.runs = runs;
            try {
                for (java.nio.channels.FileChannel run : runs) {
                    run.position(0);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(java.nio.channels.Channels.newInputStream(run), 1 << 16));
                    streams.add(in);
                    advance(streams.size() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void advance(int stream) {
            try {
                heads.add(new long[]{streams.get(stream).readLong(), stream});
            } catch (EOFException e) {
                // this run is done
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isEmpty() {
            return values.length == 0 && runs.isEmpty();
        }

        /** Whether {@code ordinal} is in the set; ordinals must be asked in ascending order. */
        boolean contains(long ordinal) {
            if (runs.isEmpty()) {
                while (index < values.length && values[index] < ordinal) index++;
                return index < values.length && values[index] == ordinal;
            }
            while (!heads.isEmpty() && heads.peek()[0] < ordinal) {
                long[] head = heads.poll();
                advance((int) head[1]);
            }
            return !heads.isEmpty() && heads.peek()[0] == ordinal;
        }

        @Override
        public void close() {
            for (DataInputStream in : streams) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read-only
                }
            }
            // closing the streams closed the nameless files' channels: the system has taken them back
        }
    }
}
