package dev.treaty.cli;

import dev.treaty.evaluator.facts.RevenueReader;

import java.io.PrintWriter;
import java.nio.file.Path;

/** A progress line per revenue file on a terminal. */
final class TerminalProgress implements RevenueReader.Progress {
    private final PrintWriter err;
    private ProgressBar bar;
    private Path file;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(Path file, long bytesRead, long bytesTotal, long lines) {
        if (!file.equals(this.file)) {
            this.file = file;
            bar = new ProgressBar(err, file.getFileName().toString(), "lines");
        }
        bar.update(bytesRead, bytesTotal, lines);
    }
}
