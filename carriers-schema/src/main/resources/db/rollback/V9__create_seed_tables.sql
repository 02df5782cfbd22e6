-- Reverses V9__create_seed_tables.sql. Carrier rows written by seeds stay; only the bookkeeping goes.
drop view if exists seeded_carrier_keys;
drop table if exists seed_batches;
drop table if exists seeded_carriers;
drop table if exists seed_history;
drop table if exists database_role;
