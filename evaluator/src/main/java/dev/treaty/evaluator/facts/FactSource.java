package dev.treaty.evaluator.facts;

import java.nio.file.Path;

/** Where a fact was read: file and 1-based line. */
public record FactSource(Path file, long line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
