-- Takes only SHARE UPDATE EXCLUSIVE: reads and writes go on while existing rows are checked.
set local lock_timeout = '5s';

alter table carriers
    validate constraint carriers_mc_number_canonical;
