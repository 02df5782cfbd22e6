-- Reverses V5__add_carrier_version.sql.
set local lock_timeout = '5s';

create or replace function carriers_set_updated_at() returns trigger
    language plpgsql as
$$
begin
    new.updated_at := now();
    return new;
end
$$;

alter table carriers drop column if exists version;
