/**
 * Settlement: revenue lines streamed through the revenue-share terms in force over time, into
 * statements per accounting period, exact to the cent and reconciled.
 *
 * <p>Design notes. A settlement is planned before any revenue is read: for each revenue-share term
 * (followed by name across amendments) the days are cut into pieces where the version, the term's
 * window or an event condition changes, and at accounting-period boundaries. Revenue then streams
 * once: each line finds its piece by binary search and adds its amount, in scaled {@code long}
 * micro-units, to that piece's sum; memory grows with the pieces, not with the lines. The
 * statement is then computed piece by piece in date order, carrying what runs across periods and
 * versions: the cumulative base for tiers, the advance still to recoup, and the payments that
 * count toward a total cap.
 *
 * <p>Order of operations for each piece: gross share (rounded per the term) → advance recouped →
 * minimum guarantee topped up (once per period, at its last piece) → period cap → total cap.
 */
package dev.treaty.evaluator.settle;
