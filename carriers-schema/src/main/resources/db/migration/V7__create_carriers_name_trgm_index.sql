-- Case-insensitive "name contains" for the DAO's list filter: a trigram GIN index serves
-- name ILIKE '%acme%' at any table size. CONCURRENTLY, so writes go on while it builds; Flyway
-- runs this script outside a transaction, which is why it is a migration of its own.
create index concurrently if not exists carriers_name_trgm_idx
    on carriers using gin (name gin_trgm_ops);
