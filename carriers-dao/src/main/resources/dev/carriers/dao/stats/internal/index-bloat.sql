-- Estimated B-tree index bloat, after ioguix's pgsql-bloat-estimation (btree/btree_bloat.sql, BSD
-- licence): the leaf pages an index would need for its entries at their average width and its
-- fillfactor, against the pages it has. An estimate: it needs fresh statistics (ANALYZE); B-tree
-- deduplication (PostgreSQL 13+) makes indexes of repeated values smaller than estimated, never larger.
select nspname, tblname, idxname, bs * relpages as real_size,
       case when relpages > est_pages_ff then bs * (relpages - est_pages_ff) else 0 end as bloat_size,
       case when relpages > est_pages_ff then (relpages - est_pages_ff)::float8 / relpages else 0 end as bloat_ratio
  from (
    select coalesce(1 + ceil(reltuples / floor((bs - pageopqdata - pagehdr) * fillfactor
                                                / (100 * (4 + nulldatahdrwidth)::float))), 0) as est_pages_ff,
           bs, nspname, tblname, idxname, relpages, is_na
      from (
        select maxalign, bs, nspname, tblname, idxname, reltuples, relpages, idxoid, fillfactor,
               (index_tuple_hdr_bm + maxalign
                - case when index_tuple_hdr_bm % maxalign = 0 then maxalign else index_tuple_hdr_bm % maxalign end
                + nulldatawidth + maxalign
                - case when nulldatawidth = 0 then 0
                       when nulldatawidth::integer % maxalign = 0 then maxalign
                       else nulldatawidth::integer % maxalign end
               )::numeric as nulldatahdrwidth,
               pagehdr, pageopqdata, is_na
          from (
            select n.nspname, i.tblname, i.idxname, i.reltuples, i.relpages, i.idxoid, i.fillfactor,
                   current_setting('block_size')::numeric as bs,
                   case when version() ~ 'mingw32' or version() ~ '64-bit|x86_64|ppc64|ia64|amd64' then 8 else 4 end
                     as maxalign,
                   24 as pagehdr,
                   16 as pageopqdata,
                   case when max(coalesce(s.null_frac, 0)) = 0 then 8 else 8 + ((32 + 8 - 1) / 8) end
                     as index_tuple_hdr_bm,
                   sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 1024)) as nulldatawidth,
                   max(case when i.atttypid = 'pg_catalog.name'::regtype then 1 else 0 end) > 0 as is_na
              from (
                select ct.relname as tblname, ct.relnamespace, ic.idxname, ic.attpos, ic.indkey,
                       ic.indkey[ic.attpos], ic.reltuples, ic.relpages, ic.tbloid, ic.idxoid, ic.fillfactor,
                       coalesce(a1.attnum, a2.attnum) as attnum, coalesce(a1.attname, a2.attname) as attname,
                       coalesce(a1.atttypid, a2.atttypid) as atttypid,
                       case when a1.attnum is null then ic.idxname else ct.relname end as attrelname
                  from (
                    select idxname, reltuples, relpages, tbloid, idxoid, fillfactor, indkey,
                           pg_catalog.generate_series(1, indnatts) as attpos
                      from (
                        select ci.relname as idxname, ci.reltuples, ci.relpages, i.indrelid as tbloid,
                               i.indexrelid as idxoid,
                               coalesce(substring(array_to_string(ci.reloptions, ' ') from 'fillfactor=([0-9]+)')::smallint,
                                        90) as fillfactor,
                               i.indnatts,
                               pg_catalog.string_to_array(pg_catalog.textin(pg_catalog.int2vectorout(i.indkey)), ' ')::int[]
                                 as indkey
                          from pg_catalog.pg_index i
                          join pg_catalog.pg_class ci on ci.oid = i.indexrelid
                         where ci.relam = (select oid from pg_am where amname = 'btree')
                           and ci.relpages > 0
                      ) as idx_data
                  ) as ic
                  join pg_catalog.pg_class ct on ct.oid = ic.tbloid
                  left join pg_catalog.pg_attribute a1 on ic.indkey[ic.attpos] <> 0 and a1.attrelid = ic.tbloid
                                                      and a1.attnum = ic.indkey[ic.attpos]
                  left join pg_catalog.pg_attribute a2 on ic.indkey[ic.attpos] = 0 and a2.attrelid = ic.idxoid
                                                      and a2.attnum = ic.attpos
              ) i
              join pg_catalog.pg_namespace n on n.oid = i.relnamespace
              join pg_catalog.pg_stats s on s.schemaname = n.nspname and s.tablename = i.attrelname
                                        and s.attname = i.attname
             where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
          ) as rows_data_stats
      ) as rows_hdr_pdg_stats
  ) as relation_stats
 where not is_na
   and case when relpages > est_pages_ff then bs * (relpages - est_pages_ff) else 0 end >= ?
 order by bloat_size desc
