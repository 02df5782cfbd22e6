-- Reverses V11__create_carriers_status_with_mc_number_index.sql, without blocking writes.
drop index concurrently if exists carriers_status_with_mc_number_idx;
