-- Estimated table bloat, after ioguix's pgsql-bloat-estimation (table/table_bloat.sql, BSD licence):
-- the pages a table would need for its rows at their average width (pg_stats) and its fillfactor,
-- against the pages it has. An estimate: it needs fresh statistics (ANALYZE) and is rough for
-- tables with columns of type name or without statistics (left out here).
select schemaname, tblname, bs * tblpages as real_size,
       case when tblpages - est_tblpages_ff > 0 then (tblpages - est_tblpages_ff) * bs else 0 end as bloat_size,
       case when tblpages > 0 and tblpages - est_tblpages_ff > 0
            then (tblpages - est_tblpages_ff) / tblpages::float8 else 0 end as bloat_ratio
  from (
    select ceil(reltuples / ((bs - page_hdr) * fillfactor / (tpl_size * 100))) + ceil(toasttuples / 4) as est_tblpages_ff,
           tblpages, fillfactor, bs, schemaname, tblname, is_na
      from (
        select (4 + tpl_hdr_size + tpl_data_size + (2 * ma)
                - case when tpl_hdr_size % ma = 0 then ma else tpl_hdr_size % ma end
                - case when ceil(tpl_data_size)::int % ma = 0 then ma else ceil(tpl_data_size)::int % ma end
               ) as tpl_size,
               (heappages + toastpages) as tblpages, reltuples, toasttuples, bs, page_hdr, schemaname, tblname,
               fillfactor, is_na
          from (
            select tbl.oid as tblid, ns.nspname as schemaname, tbl.relname as tblname, tbl.reltuples,
                   tbl.relpages as heappages, coalesce(toast.relpages, 0) as toastpages,
                   coalesce(toast.reltuples, 0) as toasttuples,
                   coalesce(substring(array_to_string(tbl.reloptions, ' ') from 'fillfactor=([0-9]+)')::smallint, 100)
                     as fillfactor,
                   current_setting('block_size')::numeric as bs,
                   case when version() ~ 'mingw32' or version() ~ '64-bit|x86_64|ppc64|ia64|amd64' then 8 else 4 end as ma,
                   24 as page_hdr,
                   23 + case when max(coalesce(s.null_frac, 0)) > 0 then (7 + count(s.attname)) / 8 else 0::int end
                     as tpl_hdr_size,
                   sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 0)) as tpl_data_size,
                   bool_or(att.atttypid = 'pg_catalog.name'::regtype)
                     or sum(case when att.attnum > 0 then 1 else 0 end) <> count(s.attname) as is_na
              from pg_attribute as att
              join pg_class as tbl on att.attrelid = tbl.oid
              join pg_namespace as ns on ns.oid = tbl.relnamespace
              left join pg_stats as s on s.schemaname = ns.nspname and s.tablename = tbl.relname
                                     and s.inherited = false and s.attname = att.attname
              left join pg_class as toast on tbl.reltoastrelid = toast.oid
             where not att.attisdropped and att.attnum > 0
               and tbl.relkind in ('r', 'm')
               and ns.nspname not in ('pg_catalog', 'information_schema') and ns.nspname not like 'pg\_toast%'
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
          ) as s
      ) as s2
  ) as s3
 where not is_na and tblpages > 0
   and case when tblpages - est_tblpages_ff > 0 then (tblpages - est_tblpages_ff) * bs else 0 end >= ?
 order by bloat_size desc
