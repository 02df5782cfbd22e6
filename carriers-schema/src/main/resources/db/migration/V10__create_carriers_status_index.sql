-- The DAO's counts: count() of every carrier, and of one status, read this small index (B-tree
-- deduplication keeps its three values in a few MB per million rows) by an index-only scan instead
-- of the whole table. CONCURRENTLY, so writes go on while it builds; Flyway runs this script
-- outside a transaction.
create index concurrently carriers_status_idx on carriers (status);
