-- On SQLite, the decision log keyed by its sequence number as the table's own row id. Declared
-- "bigint primary key", the key was an index of its own beside the table: one more page that every
-- commit of the log wrote (about a fifth of what a busy service writes). Nothing on PostgreSQL,
-- where the placeholder is empty and the table keeps its key index as every table there does.
${decisionKeyedBySeq}
