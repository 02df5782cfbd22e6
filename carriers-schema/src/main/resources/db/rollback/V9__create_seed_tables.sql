-- Reverses V9__create_seed_tables.sql. Carrier rows written by seeds stay; only the bookkeeping goes.
drop table if exists seeded_carriers;
drop table if exists seed_history;
drop table if exists database_role;
