package dev.treaty.model.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. Equality ignores trailing zeros: USD 1.50 equals USD 1.5.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Multiplies by a plain factor, exactly (no rounding). */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money rounded(int scale, RoundingMode mode) {
        return new Money(amount.setScale(scale, mode), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, amount.stripTrailingZeros());
    }

    /** Prints "USD 38,000,000,000" or "USD 1,234.50": grouped, with the scale it has. */
    @Override
    public String toString() {
        // "USD 1,234,567.50": every digit of the amount, thousands grouped. Written out by hand rather than with a
        // DecimalFormat, which costs a pattern parse per call, and explanations print amounts by the million.
        String plain = amount.abs().toPlainString();
        int dot = plain.indexOf('.');
        int integerDigits = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + integerDigits / 3 + 6).append(currency.getCurrencyCode()).append(' ');
        if (amount.signum() < 0) out.append('-');
        int lead = integerDigits % 3 == 0 ? 3 : integerDigits % 3;
        out.append(plain, 0, Math.min(lead, integerDigits));
        for (int i = lead; i < integerDigits; i += 3) out.append(',').append(plain, i, i + 3);
        if (dot >= 0) out.append(plain, dot, plain.length());
        return out.toString();
    }

    /** The amount as a plain decimal string, for machines. */
    public String toPlainString() {
        return amount.toPlainString();
    }
}
