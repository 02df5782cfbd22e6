-- MC numbers are stored canonically: 1 to 8 digits, no "MC" prefix, separators or leading zeros.
set local lock_timeout = '5s';

-- Rows written before this rule (the old system kept "MC-012345" and the like) are brought to the
-- canonical form. A value that cannot be made canonical is left exactly as it was, and makes the
-- validation in V4 fail loudly, naming the constraint.
with canonical as (
    select id,
           ltrim(regexp_replace(upper(mc_number), '^[[:space:]]*MC[[:space:]#:-]*|[[:space:]-]', '', 'g'), '0') as mc
      from carriers
     where mc_number is not null
       and mc_number !~ '^[1-9][0-9]{0,7}$'
)
update carriers
   set mc_number = canonical.mc
  from canonical
 where carriers.id = canonical.id
   and canonical.mc ~ '^[1-9][0-9]{0,7}$';

-- NOT VALID: new rows are checked at once, existing ones are checked by V4 without blocking writes.
alter table carriers
    add constraint carriers_mc_number_canonical check (mc_number ~ '^[1-9][0-9]{0,7}$') not valid;
