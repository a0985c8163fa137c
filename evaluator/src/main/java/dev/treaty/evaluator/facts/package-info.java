/**
 * The facts of the business, as read from files: revenue lines (CSV, streamed) and events (JSON
 * Lines): products, releases, capability requests and answers, declarations and verifications,
 * valuations, issuances, spend and payments.
 *
 * <p>Design notes. Readers never throw on bad input: each bad line becomes a
 * {@link dev.treaty.evaluator.facts.FactError} naming the file, line, field and reason. By default
 * one bad line fails the whole load, so nothing is computed from half a file; a caller may choose
 * to skip bad lines instead, and is told which. Amounts are decimal strings, never JSON numbers,
 * so no amount ever passes through a binary floating point value.
 */
package dev.treaty.evaluator.facts;
