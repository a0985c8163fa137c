package dev.treaty.model.value;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Prints a {@link Period} the way agreements write it: "30 days", "1 year 6 months". */
public final class Durations {

    private Durations() {
    }

    public static String format(Period period) {
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), "year");
        add(parts, period.getMonths(), "month");
        add(parts, period.getDays(), "day");
        return parts.isEmpty() ? "0 days" : String.join(" ", parts);
    }

    private static void add(List<String> parts, int count, String unit) {
        if (count != 0) parts.add(count + " " + unit + (Math.abs(count) == 1 ? "" : "s"));
    }
}
