package dev.treaty.evaluator.facts;

import java.nio.file.Path;

/**
 * One bad line of a facts file.
 *
 * @param field the field at fault, or empty when the line as a whole is bad
 */
public record FactError(Path file, long line, String field, String reason) {

    /** "facts/events.jsonl:14: field 'on': '2030-02-30' is not a calendar date". */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + reason;
    }
}
