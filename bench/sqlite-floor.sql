-- What SQLite alone takes to store a million revenue rows as Treaty's schema holds them, with no
-- Java, no JDBC and no parsing: the rows are made inside SQLite (generate_series) in the shape
-- `treaty gen-revenue --seed 42` and ingest give them (ids "id:g42-N" inserted in numeric order,
-- which is not their text order; the file's path; a 76-character fingerprint), into the revenue
-- table as migrations V1-V3 leave it, in one transaction, with the store's settings (WAL,
-- synchronous NORMAL, 64 MB of cache). The floor under any ingest through this schema:
--
--   rm -f /tmp/floor.db* && sqlite3 /tmp/floor.db < bench/sqlite-floor.sql     # Debian's sqlite3
pragma journal_mode = wal;
pragma synchronous = normal;
pragma cache_size = -65536;
create table revenue (
    fact_key text not null, version integer not null, batch bigint not null, recorded bigint not null, day text not null,
    party text not null, product text not null, kind text not null, category text not null, cloud text not null,
    region text not null, segment text not null, amount_micros bigint not null, currency text not null,
    content_hash bigint not null, source_file text not null, source_line bigint not null, known_micros bigint,
    row_seq bigint, fingerprint text,
    primary key (fact_key, version)
) without rowid;
-- the rows, made first (in memory, not timed into the floor)
pragma temp_store = memory;
create temp table made as
select 'id:g42-' || value as fact_key, 1 as version, 5 as batch, 1764540000000000 as recorded, '2025-08-05' as day,
       'OpenAI' as party, 'chatgpt-enterprise' as product, 'non-api' as kind, 'enterprise' as category, 'oracle' as cloud,
       'us' as region, 'education' as segment, 6545810000 + value as amount_micros, 'USD' as currency,
       value * 7919 as content_hash, '/tmp/treaty-bench/revenue-1000000.csv' as source_file, value + 2 as source_line,
       null as known_micros, value + 1 as row_seq, printf('%076x', value) as fingerprint
from generate_series(0, 999999);
-- the floor: the insert and the commit, timed
.timer on
begin;
insert into revenue select * from made;
commit;
