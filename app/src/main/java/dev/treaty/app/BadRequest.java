package dev.treaty.app;

import java.util.List;

/**
 * A request that cannot be answered as asked: bad agreement files, bad facts, a question naming
 * something unknown. Nothing was computed. {@code details} are the reasons one to a line (each
 * diagnostic at file:line:col with its source excerpt, each bad fact line), {@code getMessage()}
 * the summary.
 */
public final class BadRequest extends RuntimeException {

    private final List<String> details;

    public BadRequest(String message) {
        this(message, List.of());
    }

    public BadRequest(String message, List<String> details) {
        super(message, null, false, false);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
