/**
 * Immutable value types with units: money with its currency, percentages, clause ids and
 * inclusive date windows.
 *
 * <p>Design notes. Money is a {@link java.math.BigDecimal} with a {@link java.util.Currency};
 * arithmetic across currencies is a programmer error here (the model reports it as a diagnostic
 * before it can happen). Nothing here rounds on its own: every rounding takes an explicit
 * {@link java.math.RoundingMode} and scale, because rounding rules belong to the agreement.
 */
package dev.treaty.model.value;
