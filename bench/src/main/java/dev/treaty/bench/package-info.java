/**
 * JMH benchmarks. Speed targets live here, never in unit tests; BENCHMARKS.md reports the figures
 * with the commands that reproduce them.
 */
package dev.treaty.bench;
