package dev.treaty.model.term;

import java.math.RoundingMode;
import java.util.Locale;

/** A stated rounding rule: mode and number of decimal places. The default is half-even to the cent. */
public record Rounding(RoundingMode mode, int scale) {

    public static final Rounding DEFAULT = new Rounding(RoundingMode.HALF_EVEN, 2);

    /** The language's names for the modes: half-even, half-up, half-down, up, down, ceiling, floor. */
    public static String keyword(RoundingMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return keyword(mode) + " to " + scale;
    }
}
