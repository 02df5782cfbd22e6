-- Fail fast rather than queue every reader behind this ALTER on a busy table.
set local lock_timeout = '5s';

create type carrier_status as enum ('ACTIVE', 'INACTIVE', 'OUT_OF_SERVICE');

-- A constant default: PostgreSQL stores it in the catalog, no table rewrite.
alter table carriers
    add column status carrier_status not null default 'ACTIVE';
