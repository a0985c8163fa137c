-- Treaty's store, one schema for SQLite and PostgreSQL (portable types only).
-- Nothing is ever updated or deleted but the chain head: facts get new versions, statements are
-- issued once, and every write appends a hash-chained audit entry in the same transaction.
-- ${keyedTable} is 'without rowid' on SQLite (the key is the table: one B-tree, not two) and empty
-- on PostgreSQL. Instants are microseconds since the epoch (UTC); days are ISO text (YYYY-MM-DD).

create table chain_head (
    id       integer primary key check (id = 1),
    seq      bigint  not null,
    hash     text    not null
);
insert into chain_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit (
    seq        bigint primary key,
    at_micros  bigint not null,
    who        text   not null,
    action     text   not null,
    what       text   not null,
    why        text   not null,
    prev_hash  text   not null,
    hash       text   not null
);

create table agreement_file (
    content_hash  text   not null primary key,
    path          text   not null,
    content       text   not null,
    recorded      bigint not null,
    audit_seq     bigint not null
);

create table revenue (
    fact_key      text    not null,
    version       integer not null,
    batch         bigint  not null,
    recorded      bigint  not null,
    day           text    not null,
    party         text    not null,
    product       text    not null,
    kind          text    not null,
    category      text    not null,
    cloud         text    not null,
    region        text    not null,
    segment       text    not null,
    amount_micros bigint  not null,
    currency      text    not null,
    content_hash  bigint  not null,
    source_file   text    not null,
    source_line   bigint  not null,
    primary key (fact_key, version)
) ${keyedTable};

create table event (
    fact_key      text    not null,
    version       integer not null,
    batch         bigint  not null,
    recorded      bigint  not null,
    body          text    not null,
    content_hash  bigint  not null,
    source_file   text    not null,
    source_line   bigint  not null,
    primary key (fact_key, version)
) ${keyedTable};

create table statement (
    number     bigint primary key,
    agreement  text   not null,
    period     text   not null,
    issued     bigint not null,
    body       text   not null,
    body_hash  text   not null,
    audit_seq  bigint not null
);

create table statement_line (
    statement      bigint  not null,
    line           integer not null,
    kind           text    not null,
    term           text    not null,
    payer          text    not null,
    payee          text    not null,
    period         text    not null,
    amount_micros  bigint  not null,
    currency       text    not null,
    primary key (statement, line)
);

create table posting (
    entry          text    not null,
    leg            integer not null,
    account        text    not null,
    amount_micros  bigint  not null,
    currency       text    not null,
    source         text    not null,
    audit_seq      bigint  not null,
    primary key (entry, leg)
);
