-- A revenue line's own "known from" instant (its optional recorded column, microseconds since the
-- epoch, UTC); null when the line has none, and then it is known from the end of its date. This is
-- the as-known axis; the column `recorded` stays what it was: when the store recorded the row (the
-- as-recorded axis).
alter table revenue add column known_micros bigint;
