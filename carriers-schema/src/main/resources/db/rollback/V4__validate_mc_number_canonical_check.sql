-- Reverses V4__validate_mc_number_canonical_check.sql. PostgreSQL cannot mark a validated
-- constraint NOT VALID again; re-adding it NOT VALID restores the catalog state V3 left.
set local lock_timeout = '5s';

alter table carriers drop constraint if exists carriers_mc_number_canonical;
alter table carriers
    add constraint carriers_mc_number_canonical check (mc_number ~ '^[1-9][0-9]{0,7}$') not valid;
