-- Reverses V1__create_carriers.sql.
drop trigger if exists carriers_set_updated_at on carriers;
drop table if exists carriers;
drop function if exists carriers_set_updated_at();
