-- Optimistic locking: every row carries a version that each UPDATE bumps. The DAO's update states
-- the version it read ("... where id = ? and version = ?"); a stale one matches no row.
set local lock_timeout = '5s';

-- A constant default: PostgreSQL stores it in the catalog, no table rewrite.
alter table carriers
    add column version bigint not null default 0;

comment on column carriers.version is 'Bumped by trigger carriers_set_updated_at on every UPDATE; for optimistic locking.';

-- Bumped by the trigger rather than by the application, so a writer that bypasses the library still
-- invalidates what others read.
create or replace function carriers_set_updated_at() returns trigger
    language plpgsql as
$$
begin
    new.updated_at := now();
    new.version := old.version + 1;
    return new;
end
$$;
