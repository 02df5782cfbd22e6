-- Bookkeeping for carriers-seed: which dataset versions were applied, which carrier rows a seed
-- wrote (and with what content, to tell a user's later edit apart), and whether this database is a
-- production database. New tables only: no lock on carriers.

-- Whether this database is a production database. A table rather than COMMENT ON DATABASE: it is
-- transactional, needs no database ownership to change, survives pg_dump/pg_restore of the schema's
-- data (a database comment does not without --create), and a clone of a production database stays
-- marked. Exactly one row.
create table database_role (
    singleton  boolean     not null default true,
    production boolean     not null default false,
    changed_at timestamptz not null default now(),
    changed_by text        not null default current_user,
    constraint database_role_pkey primary key (singleton),
    constraint database_role_singleton check (singleton)
);

insert into database_role (singleton, production) values (true, false);

comment on table database_role is 'One row: production = true refuses development/testing seeds unless forced.';

-- One row per seed run, successful runs only (a failed run rolls back with everything else).
create table seed_history (
    id             bigint generated always as identity,
    environment    text        not null,
    version        integer     not null,
    checksum       text        not null,
    applied_at     timestamptz not null default now(),
    applied_by     text        not null,
    database_user  text        not null default current_user,
    forced         boolean     not null default false,
    rows_inserted  integer     not null,
    rows_updated   integer     not null,
    rows_unchanged integer     not null,
    rows_deleted   integer     not null,
    rows_kept      integer     not null,
    duration_ms    bigint      not null,
    constraint seed_history_pkey primary key (id),
    constraint seed_history_environment check (environment in ('development', 'testing', 'production')),
    constraint seed_history_version_positive check (version > 0),
    constraint seed_history_checksum_sha256 check (checksum ~ '^[0-9a-f]{64}$'),
    constraint seed_history_counts_not_negative check (
        rows_inserted >= 0 and rows_updated >= 0 and rows_unchanged >= 0 and rows_deleted >= 0 and rows_kept >= 0)
);

create index seed_history_environment_version on seed_history (environment, version);

comment on table seed_history is 'Each successful carriers-seed run: dataset, version, checksum, who, when, rows changed.';
comment on column seed_history.rows_kept is 'Rows the dataset would have changed but a user had changed or deleted since seeding, or whose MC number a carrier not written by the seed already holds.';

-- The carrier row each dataset row (by its stable seed key) became. No foreign key on carrier_id:
-- a carrier a user deleted must leave its trace here, so the next seed knows not to bring it back,
-- and the check would slow bulk loads for nothing.
create table seeded_carriers (
    environment  text collate "C" not null,
    seed_key     text collate "C" not null,
    carrier_id   bigint           not null,
    -- md5 of status, mc_number and name as the seed wrote them; compared with the row's current
    -- content to tell whether a user changed it since.
    content_hash uuid             not null,
    version      integer          not null,
    constraint seeded_carriers_pkey primary key (environment, seed_key)
);

comment on table seeded_carriers is 'Carrier rows written by carriers-seed, by dataset row key, with a hash of the content as seeded.';

-- A bulk load into an empty carriers table gets ids first_id .. first_id + n - 1 in dataset order;
-- instead of one seeded_carriers row per carrier (as much work again as the load), it records the
-- keys once, newline-separated (keys never hold a newline; TOAST compresses them). The next seed run
-- of the environment expands the batch into seeded_carriers: a carrier whose created_at and
-- updated_at still equal applied_at is as the seed wrote it; any other was changed by a user.
create table seed_batches (
    environment text collate "C" not null,
    version     integer          not null,
    first_id    bigint           not null,
    row_count   integer          not null,
    keys        text             not null,
    applied_at  timestamptz      not null default now(),
    constraint seed_batches_pkey primary key (environment, first_id)
);

comment on table seed_batches is 'Compact seeded_carriers of a bulk load: keys in id order from first_id; expanded by the next seed run.';

-- Every seed key and the carrier it became, from either form.
create view seeded_carrier_keys as
select environment, seed_key, carrier_id, version
  from seeded_carriers
union all
select b.environment, k.seed_key, b.first_id + k.ordinality - 1, b.version
  from seed_batches b
       cross join lateral unnest(string_to_array(b.keys, E'\n')) with ordinality as k(seed_key, ordinality);

comment on view seeded_carrier_keys is 'Which carrier each seed key of each environment became.';
