package dev.treaty.server;

import dev.treaty.app.BadRequest;
import dev.treaty.app.Snapshot;
import dev.treaty.store.Database;
import dev.treaty.store.Store;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the routes share: the store, the snapshot of its agreements and events that decisions are
 * answered from, and the decision log's writer. The snapshot is replaced when the service writes,
 * and when a poll finds that something else (a `treaty ingest` beside the service) wrote; every
 * answer names the revision it used, so a replay sees exactly what the answer saw.
 */
final class Backend implements AutoCloseable {

    /** How often the store is asked whether another process wrote to it. */
    static final Duration POLL = Duration.ofMillis(250);

    final Database database;
    final DecisionRecorder recorder;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final Thread poller;
    private volatile boolean closed;

    Backend(Database database, MeterRegistry registry) {
        this.database = database;
        this.recorder = new DecisionRecorder(database, registry);
        this.snapshot.set(Snapshot.load(database));
        this.poller = Thread.ofPlatform().daemon().name("treaty-snapshot-poll").start(this::poll);
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    /** Reads the store again if it moved on; called after each of the service's own writes. */
    synchronized Snapshot refresh() {
        Snapshot current = snapshot.get();
        Store.Revision now = Snapshot.revision(database);
        if (now.equals(current.revision())) return current;
        Snapshot fresh = Snapshot.load(database);
        snapshot.set(fresh);
        return fresh;
    }

    private void poll() {
        while (!closed) {
            try {
                Thread.sleep(POLL);
                refresh();
                Store.checkpoint(database);     // the decision log's appender leaves this to us
                recorder.checkpointed();
            } catch (InterruptedException e) {
                return;
            } catch (BadRequest | dev.treaty.store.StoreException e) {
                System.err.println("treaty serve: cannot read the store to refresh: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        recorder.close();
    }
}
