package dev.treaty.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The structured access log: one JSON line per request, written by a thread of its own. A request
 * only hands its line over; every {@link #FLUSH_EVERY} the writer formats what has queued up and
 * writes it at once, one write and one flush for many lines. Written on the request's thread,
 * each line cost two system calls (the stream flushes at every line) and a lock that every
 * request thread shared. If the output cannot keep up, lines past {@link #QUEUE_MAX} are dropped
 * and counted ({@code treaty_http_access_log_dropped_total}) rather than holding answers up.
 */
final class AccessLog implements AutoCloseable {

    /** Lines waiting at most. */
    static final int QUEUE_MAX = 20_000;
    /**
     * How often the writer wakes to write what has queued. It is not woken for each line: on two
     * cores waking it thousands of times a second cost more than the writes it saved.
     */
    static final Duration FLUSH_EVERY = Duration.ofMillis(20);

    /** One request as logged; party and subject are null for a request without a principal. */
    record Line(Instant at, String method, String path, String route, int status, double millis, String party, String subject) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(QUEUE_MAX);
    private final Writer out;
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean closing;

    AccessLog(PrintStream out, MeterRegistry registry) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.dropped = Counter.builder("treaty.http.access.log.dropped")
                .description("access log lines dropped because the log's output did not keep up").register(registry);
        this.writer = Thread.ofPlatform().name("treaty-access-log").daemon().start(this::write);
    }

    void log(Line line) {
        if (closing || !queue.offer(line)) dropped.increment();
    }

    private void write() {
        List<Line> lines = new ArrayList<>();
        boolean last = false;
        while (!last) {
            last = closing;     // read before draining, so what was queued before close() is written
            if (!last) LockSupport.parkNanos(FLUSH_EVERY.toNanos());
            try {
                while (queue.drainTo(lines, 4_096) > 0) {
                    try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                        json.setRootValueSeparator(null);
                        for (Line line : lines) write(json, line);
                    }
                    lines.clear();
                }
                out.flush();
            } catch (IOException e) {
                dropped.increment(lines.size());     // the output is gone (a closed pipe): nothing to do but count
                lines.clear();
            }
        }
    }

    private void write(JsonGenerator json, Line line) throws IOException {
        json.writeStartObject();
        json.writeStringField("at", line.at().toString());
        json.writeStringField("method", line.method());
        json.writeStringField("path", line.path());
        json.writeStringField("route", line.route());
        json.writeNumberField("status", line.status());
        json.writeNumberField("ms", Math.round(line.millis() * 1000) / 1000.0);
        if (line.party() != null) {
            json.writeStringField("party", line.party());
            json.writeStringField("subject", line.subject());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
