package dev.treaty.model.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A percentage, kept as its points: {@code 20%} is 20 points, a fraction of 0.20.
 */
public record Percentage(BigDecimal points) implements Comparable<Percentage> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Percentage {
        Objects.requireNonNull(points, "points");
    }

    public static Percentage of(String points) {
        return new Percentage(new BigDecimal(points));
    }

    /** The fraction this percentage stands for (20% is 0.20), exactly. */
    public BigDecimal fraction() {
        return points.divide(HUNDRED, MathContext.UNLIMITED);
    }

    public boolean isOverHundred() {
        return points.compareTo(HUNDRED) > 0;
    }

    public boolean isNegative() {
        return points.signum() < 0;
    }

    @Override
    public int compareTo(Percentage other) {
        return points.compareTo(other.points);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Percentage p && points.compareTo(p.points) == 0;
    }

    @Override
    public int hashCode() {
        return points.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return points.stripTrailingZeros().toPlainString() + "%";
    }
}
