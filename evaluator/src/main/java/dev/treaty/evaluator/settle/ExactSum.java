package dev.treaty.evaluator.settle;

import java.math.BigDecimal;

/**
 * A running sum of micro-units: a {@code long} while it fits, spilling into a
 * {@link BigDecimal} only on overflow, so the hot path never allocates and the result is exact.
 */
final class ExactSum {

    private long micros;
    private BigDecimal spilled = BigDecimal.ZERO;

    void add(long amountMicros) {
        long sum = micros + amountMicros;
        if (((micros ^ sum) & (amountMicros ^ sum)) < 0) {          // overflowed
            spilled = spilled.add(BigDecimal.valueOf(micros));
            micros = amountMicros;
        } else {
            micros = sum;
        }
    }

    /** Adds a sum made elsewhere (the pushdown engine), which may be beyond a long. */
    void add(java.math.BigInteger amountMicros) {
        if (amountMicros.bitLength() < 63) add(amountMicros.longValue());
        else spilled = spilled.add(new BigDecimal(amountMicros));
    }

    void add(ExactSum other) {
        add(other.micros);
        spilled = spilled.add(other.spilled);
    }

    ExactSum copy() {
        ExactSum copy = new ExactSum();
        copy.micros = micros;
        copy.spilled = spilled;
        return copy;
    }

    /** The sum in currency units, exactly. */
    BigDecimal value() {
        return spilled.add(BigDecimal.valueOf(micros)).movePointLeft(6).stripTrailingZeros();
    }
}
