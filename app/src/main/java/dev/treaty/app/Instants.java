package dev.treaty.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The instants of the two time axes as users write them: a date (the end of that day, UTC) or an ISO-8601 instant. */
public final class Instants {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Instants() {
    }

    /**
     * Parses {@code text} for option {@code what}; null means "everything" ({@link Instant#MAX}).
     *
     * @throws BadRequest when it is neither a date nor an instant
     */
    public static Instant parse(String what, String text) {
        if (text == null) return Instant.MAX;
        if (text.contains("T")) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadRequest(what + ": '" + text + "' is not an ISO-8601 instant such as 2026-04-27T06:00:00Z");
            }
        }
        try {
            return endOfDay(LocalDate.parse(text, ISO_DATE));
        } catch (DateTimeParseException e) {
            throw new BadRequest(what + ": '" + text + "' is not a date (YYYY-MM-DD) or an instant");
        }
    }

    /** The last instant of a day, UTC. */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    }

    /** The day of an instant for signing dates (which are days): {@link LocalDate#MAX} for "everything". */
    public static LocalDate day(Instant instant) {
        return instant.equals(Instant.MAX) ? LocalDate.MAX : instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
