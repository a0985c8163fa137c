-- Tamper evidence for every row. Each row written by an audit entry gets `row_seq`, its place
-- (1, 2, 3, …) among the rows of its table that the entry wrote, so a deleted row leaves a gap
-- that names it; and `fingerprint`, a short hash of each of its fields, so an edited field is named.
-- The audit entry itself records, per table, how many rows it wrote and the SHA-256 of all their
-- fields in row_seq order (see Rows.java): `verify` recomputes both. Rows written before this
-- migration have neither and are checked by their batch digests only.
alter table audit add column fingerprint text;
alter table agreement_file add column row_seq bigint;
alter table agreement_file add column fingerprint text;
alter table revenue add column row_seq bigint;
alter table revenue add column fingerprint text;
alter table event add column row_seq bigint;
alter table event add column fingerprint text;
alter table statement add column row_seq bigint;
alter table statement add column fingerprint text;
alter table statement_line add column audit_seq bigint;
alter table statement_line add column row_seq bigint;
alter table statement_line add column fingerprint text;
alter table posting add column row_seq bigint;
alter table posting add column fingerprint text;
