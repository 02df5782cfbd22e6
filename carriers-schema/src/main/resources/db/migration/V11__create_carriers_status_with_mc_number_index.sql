-- The DAO's counts of carriers that have an MC number (with or without a status): an index-only
-- scan of this partial index instead of the whole table. Without it the planner reads the table:
-- the unique index on mc_number is six times larger. Carriers without an MC number are counted
-- from that unique index (B-trees keep NULLs). CONCURRENTLY, as V10.
create index concurrently carriers_status_with_mc_number_idx on carriers (status) where mc_number is not null;
