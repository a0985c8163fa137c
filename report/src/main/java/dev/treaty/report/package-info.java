/**
 * How Treaty's answers look to people: the wording of terms and amounts ({@link dev.treaty.report.Wording})
 * and the self-contained HTML report ({@link dev.treaty.report.Report}) with its inline SVG charts.
 * Shared by the command line, which writes the report to a file, and the service, which serves it,
 * so one figure reads the same everywhere. Nothing here computes an answer: the application layer does.
 */
package dev.treaty.report;
