package dev.treaty.cli;

import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Parses the command line's dates: {@code YYYY-MM-DD}, or an ISO-8601 instant (taken in UTC). */
final class Dates {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    static LocalDate parseDate(String text) {
        try {
            if (text.contains("T")) return Instant.parse(text).atOffset(ZoneOffset.UTC).toLocalDate();
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD) or an instant"
                    + " (YYYY-MM-DDThh:mm:ssZ)");
        }
    }
}
