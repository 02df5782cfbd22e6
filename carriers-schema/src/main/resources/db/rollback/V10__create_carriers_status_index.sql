-- Reverses V10__create_carriers_status_index.sql, without blocking writes.
drop index concurrently if exists carriers_status_idx;
