-- Reverses V3__add_mc_number_canonical_check.sql. The canonical values it wrote stay: they are
-- valid in the old form too.
set local lock_timeout = '5s';

alter table carriers drop constraint if exists carriers_mc_number_canonical;
