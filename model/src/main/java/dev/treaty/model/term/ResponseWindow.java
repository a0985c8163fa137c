package dev.treaty.model.term;

import dev.treaty.model.value.Durations;

import java.time.Period;

/**
 * How long the other side has to answer a request, and what silence means when the time is up.
 */
public record ResponseWindow(Period within, Answer onSilence) {

    public enum Answer { SUPPORT, DECLINE }

    @Override
    public String toString() {
        return Durations.format(within) + ", default " + onSilence.name().toLowerCase(java.util.Locale.ROOT);
    }
}
