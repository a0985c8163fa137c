package dev.treaty.cli;

import java.io.PrintWriter;

/**
 * A progress line on standard error, for work that takes more than a second; silent when the
 * output is not a terminal (a pipe, a test), so logs and golden files stay clean. Thread-safe.
 */
final class ProgressBar {

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private long lastPrinted;

    ProgressBar(PrintWriter err, String label, String unit) {
        this.err = err;
        this.label = label;
        this.unit = unit;
    }

    /** {@code done} of {@code total} (bytes, runs, …); {@code count} is what the line reports, in {@code unit}. */
    synchronized void update(long done, long total, long count) {
        if (!terminal) return;
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (now - started < 1_000_000_000L || now - lastPrinted < 250_000_000L && !finished) return;
        lastPrinted = now;
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        int filled = percent / 5;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + percent + "%  "
                + String.format("%,d", count) + " " + unit + (finished ? "\n" : ""));
        err.flush();
    }
}
