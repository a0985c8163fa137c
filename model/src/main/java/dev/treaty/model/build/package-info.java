/**
 * Gives meaning to parsed term blocks: evaluates typed expressions, builds terms and documents,
 * and reports every misuse at its line and column.
 *
 * <p>Design notes. The grammar accepts any attribute in any term so that the errors here can be
 * specific ("a licence has no payer; did you mean licensor?"). Each builder collects values into
 * a draft, checks what is required, and produces an immutable term, or nothing and diagnostics.
 * Nothing in this package throws on user input.
 */
package dev.treaty.model.build;
