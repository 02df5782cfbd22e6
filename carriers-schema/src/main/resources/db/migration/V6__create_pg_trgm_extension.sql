-- Trigram matching, so that "name contains" (ILIKE '%...%') can use an index (V7).
-- pg_trgm is a trusted extension: a database owner may create it without superuser rights.
create extension if not exists pg_trgm;
