-- Reverses V2__add_carrier_status_enum.sql.
set local lock_timeout = '5s';

alter table carriers drop column if exists status;
drop type if exists carrier_status;
