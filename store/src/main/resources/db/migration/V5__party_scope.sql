-- Who is on which agreement: a party and every agreement that names it in any version, derived
-- from the stored agreement files whenever they change (and checked against them by verify). The
-- service finds what a party may see here, in the query itself.
create table agreement_party (
    agreement  text not null,
    party      text not null,
    primary key (agreement, party)
);

-- On PostgreSQL, row-level security as a second wall (the placeholder is empty on SQLite): a
-- connection that names a party (set_config('treaty.party', …), as the service's reads do) sees
-- only the statements and decisions of that party's agreements; one that names none (the command
-- line, the service's own writers) sees all.
${rowSecurity}
