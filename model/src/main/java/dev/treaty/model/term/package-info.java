/**
 * The terms an agreement can state, as immutable values: revenue shares, licences, release rules,
 * rights of first refusal, stakes, purchase commitments and declared events.
 *
 * <p>Design notes. Every term has a {@link dev.treaty.model.term.TermHeader} (its kind, name and
 * source position) and a {@link dev.treaty.model.term.Validity} (its date window and its
 * {@code until} / {@code unless} / {@code after} conditions), so time and events are handled the
 * same way for every kind. {@link dev.treaty.model.term.Term#attributes()} renders a term as an
 * ordered list of attribute values; it is what {@code show} prints and what {@code diff}
 * compares, so two terms that print the same are the same term.
 */
package dev.treaty.model.term;
