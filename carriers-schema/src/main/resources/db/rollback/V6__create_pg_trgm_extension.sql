-- Reverses V6__create_pg_trgm_extension.sql. Run after V7's reverse script has dropped the index.
drop extension if exists pg_trgm;
