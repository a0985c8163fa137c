/**
 * The typed model of an agreement folder: documents (agreements, amendments, restatements,
 * clarifications and the assumptions file), their clauses and terms, and the loader that builds
 * them from literate files while collecting every diagnostic.
 *
 * <p>Design notes. {@link dev.treaty.model.AgreementFolder#load} is the one entry point: it reads
 * every file, gives meaning to the term blocks ({@code build}), assembles each agreement's
 * history ({@code time}) and runs the checks that need a whole version (parties, events,
 * conflicting exclusivities). It returns a model and diagnostics, never throws on bad input.
 */
package dev.treaty.model;
