/**
 * Evaluation: the terms in force, applied to the facts of the business, answer what each party
 * owes ({@code settle}), may do ({@code decide}) and holds, each answer with an
 * {@link dev.treaty.evaluator.explain.Explanation} that names the clause, the version and the facts.
 *
 * <p>Design notes. Every evaluation takes its dates as arguments and reads no clock. Facts are
 * immutable and indexed once; "as known at" is a filter over them, and over the agreement's
 * versions by signing date, so a past answer is reproduced from the same inputs.
 */
package dev.treaty.evaluator;
