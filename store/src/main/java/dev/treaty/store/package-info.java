/**
 * Treaty's memory: agreement files, facts, issued statements, a double-entry ledger and a
 * hash-chained audit trail, in SQLite (embedded, the default) or PostgreSQL, one schema managed by
 * Flyway. Bitemporal: every fact has its own date and the instant it was recorded; corrections
 * add versions and never overwrite, so any past answer can be reproduced with {@code --as-known}.
 * Every write is one transaction that also appends its audit entry.
 */
package dev.treaty.store;
