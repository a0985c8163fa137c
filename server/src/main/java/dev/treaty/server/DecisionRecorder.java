package dev.treaty.server;

import dev.treaty.store.Database;
import dev.treaty.store.DecisionLog;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends decisions to the log with group commit: requests hand their entries to one writer
 * thread, which writes whatever has queued up in one transaction and then lets every waiting
 * request answer. An answer is sent only once its decision is logged; a busy service writes once
 * per batch, not once per answer.
 */
final class DecisionRecorder implements AutoCloseable {

    /** Decisions written in one transaction at most (a request's are never split). */
    static final int BATCH_MAX = 5_000;
    /** Entries waiting at most; past that, requests are refused with 503 rather than queued without end. */
    static final int QUEUE_MAX = 200_000;

    private record Pending(DecisionLog.Request request, CompletableFuture<Void> logged) {
    }

    private final Database database;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_MAX);
    private final Thread writer;
    private final java.util.concurrent.ExecutorService answering = java.util.concurrent.Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("treaty-decision-answers-", 0).daemon().factory());
    private final DistributionSummary requestsPerCommit;
    private final Timer commits;
    private final Timer checkpoints;
    private volatile boolean closing;
    private volatile boolean checkpointed;

    DecisionRecorder(Database database, MeterRegistry registry) {
        this.database = database;
        this.requestsPerCommit = DistributionSummary.builder("treaty.store.decision.log.requests.per.commit")
                .description("requests written by one commit of the decision log").register(registry);
        this.commits = Timer.builder("treaty.store.decision.log.commit").description("one commit of the decision log")
                .register(registry);
        this.checkpoints = Timer.builder("treaty.store.decision.log.checkpoint")
                .description("the decision log's writer finishing a checkpoint so that SQLite's write-ahead log starts over").register(registry);
        this.writer = Thread.ofPlatform().name("treaty-decision-log").daemon().start(this::write);
    }

    /** Logs a request's decisions; the future completes when they are committed (or fails when they cannot be). */
    CompletableFuture<Void> record(DecisionLog.Request request) {
        CompletableFuture<Void> logged = new CompletableFuture<>();
        if (closing || !queue.offer(new Pending(request, logged))) {
            logged.completeExceptionally(new Problem(503, "Service Unavailable", "the decision log is not taking entries now; ask again"));
        }
        return logged;
    }

    private void write() {
        DecisionLog.Appender appender = null;
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                if (checkpointed && appender != null) {
                    checkpointed = false;
                    if (appender.logLongerThan(DecisionLog.Appender.LOG_LIMIT)) checkpoints.record(appender::checkpoint);
                }
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) break;
                    continue;
                }
                batch.add(first);
                int size = first.request().decisions().size();
                while (size < BATCH_MAX) {
                    Pending next = queue.poll();
                    if (next == null) break;
                    batch.add(next);
                    size += next.request().decisions().size();
                }
                List<DecisionLog.Request> entries = new ArrayList<>(batch.size());
                batch.forEach(p -> entries.add(p.request()));
                if (appender == null) appender = DecisionLog.Appender.open(database);
                long started = System.nanoTime();
                appender.append(entries);
                commits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                requestsPerCommit.record(entries.size());
                // answered on other threads: completing a future runs the request's response there, and the
                // writer goes back to the log at once rather than writing every response of the batch itself
                List<Pending> done = List.copyOf(batch);
                answering.execute(() -> done.forEach(p -> p.logged().complete(null)));
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                System.err.println("treaty serve: " + e.getMessage());
                batch.forEach(p -> p.logged().completeExceptionally(new Problem(503, "Service Unavailable",
                        "the decision could not be logged, so it is not answered; ask again")));
                if (appender != null) appender.close();
                appender = null;
            } finally {
                batch.clear();
            }
        }
        if (appender != null) appender.close();
    }

    /**
     * Says that a checkpoint from another connection has just copied the log into the database: the
     * writer then finishes it between two commits if the log is long, so the log starts over (a
     * steady stream of commits keeps any other checkpoint from reaching its end).
     */
    void checkpointed() {
        checkpointed = true;
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
            answering.shutdown();
            answering.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
