-- Reverses V7__create_carriers_name_trgm_index.sql, without blocking writes.
drop index concurrently if exists carriers_name_trgm_idx;
