-- The decision log: every answer the service gives (a gate or licence decision, a settlement),
-- with who asked, what, under which agreement version, as known when and on which store revision,
-- and a digest of the explanation. A chain of its own (decisions are many and are not writes to
-- the agreement or its facts), hashed like the audit trail: editing or removing an entry breaks
-- every hash after it, and `verify` recomputes it. `recorded_through` is the instant the store
-- was read as recorded at, so a replay sees exactly the agreement files and facts the answer saw.
create table decision_head (
    id    integer primary key check (id = 1),
    seq   bigint  not null,
    hash  text    not null
);
insert into decision_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table decision (
    seq                bigint primary key,
    id                 text   not null unique,
    at_micros          bigint not null,
    party              text   not null,
    subject            text   not null,
    kind               text   not null,
    agreement          text   not null,
    request            text   not null,
    versions           text   not null,
    as_known           text   not null,
    recorded_through   bigint not null,
    answer             text   not null,
    explanation_digest text   not null,
    prev_hash          text   not null,
    hash               text   not null
);

-- API keys for pipelines: shown once when created, kept only as the SHA-256 of their secret; a
-- revoked key stays (revoked_micros set) so the audit trail's entries about it still resolve.
create table api_key (
    id              text   not null primary key,
    secret_sha256   text   not null,
    party           text   not null,
    roles           text   not null,
    label           text   not null,
    created_micros  bigint not null,
    revoked_micros  bigint
);

-- The agreement versions decisions were made under, each stored once: a decision holds the
-- SHA-256 of its version's JSON (document ids and content hashes), which its own hash covers.
create table decision_version (
    digest  text not null primary key,
    body    text not null
);
