/**
 * Decisions on a date: whether a term applies (its window and its conditions on events), whether
 * a product may be released on a cloud, whether a party holds a licence, and what a stake and a
 * purchase commitment stand at. Each returns its answer with an explanation.
 *
 * <p>Design notes. Release rules combine as in default logic: a rule that denies is overridden
 * only by a permission declared an {@code exception to} it; a denial and a permission that are
 * not so related are a conflict, reported in the explanation and decided as a denial, because a
 * pipeline must not ship on an ambiguous contract.
 */
package dev.treaty.evaluator.decide;
