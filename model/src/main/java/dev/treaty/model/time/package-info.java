/**
 * Time: which version of an agreement is in force on a date, as known on another date, and what
 * changed between two versions.
 *
 * <p>Design notes. Amendments apply in the order they were signed (a later signature prevails),
 * each only from its effective date, which may lie before its signing date (retroactive). For a
 * knowledge date K the known amendments are a prefix of that signing order, so one timeline is
 * built per prefix, lazily, and cached; within a timeline an index maps each day to the version in
 * force, so finding it is one array read: a thousand amendments cost what ten do.
 *
 * <p>Each clause in force carries its {@link dev.treaty.model.time.Provenance}: the document and
 * clause that set it, signed and effective when, and how (original, replaced, added, restated).
 */
package dev.treaty.model.time;
