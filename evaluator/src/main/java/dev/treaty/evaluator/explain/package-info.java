/**
 * Explanations: the derivation of an answer as a tree of statements, each citing what it rests
 * on (the clause and the version that put it in force, the facts used, the assumptions behind a
 * figure). One object serves the command line (as text or JSON), the server and the report.
 */
package dev.treaty.evaluator.explain;
