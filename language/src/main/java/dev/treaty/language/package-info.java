/**
 * Reads literate agreement files ({@code *.treaty.md}) into clauses and parsed term blocks.
 *
 * <p>Design notes. Markdown is parsed by commonmark-java with source spans, so every heading,
 * paragraph and fenced block knows its line. Fenced blocks whose info string is {@code treaty}
 * are parsed by the ANTLR grammar in {@code grammar/}; every token is mapped back to its line
 * and column in the Markdown file, which is what diagnostics and provenance print.
 *
 * <p>This package checks shape only. It never throws on bad input: every problem becomes a
 * {@link dev.treaty.language.Diagnostic}, collected so that one run reports all of them.
 * Meaning (dates, money, parties, clause references) is checked by the model.
 */
package dev.treaty.language;
