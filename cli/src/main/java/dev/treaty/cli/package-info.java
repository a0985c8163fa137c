/**
 * The {@code treaty} command line: one picocli command per verb, each a thin shell over the model
 * that prints text for people or JSON for machines.
 *
 * <p>Design notes. Exit codes are part of the interface ({@link dev.treaty.cli.ExitCodes}): 0 for
 * an answer, 2 for bad input with the reasons on stderr. Bad input never shows a stack trace:
 * diagnostics are printed with their source line and caret; an unexpected exception is a bug and
 * prints one line asking for a report (the trace only with {@code TREATY_DEBUG=1}). Commands write
 * to the streams picocli gives them, so tests run them in-process.
 */
package dev.treaty.cli;
