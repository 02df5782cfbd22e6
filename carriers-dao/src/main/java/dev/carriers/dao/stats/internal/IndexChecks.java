package dev.carriers.dao.stats.internal;

import static dev.carriers.dao.stats.internal.StatsSession.bytes;
import static dev.carriers.dao.stats.internal.StatsSession.qualified;

import dev.carriers.schema.internal.InvalidIndexes;
import dev.carriers.schema.lifecycle.InvalidIndex;
import java.sql.SQLException;
import java.util.List;

/**
 * The index checks: unused, duplicate and invalid indexes.
 *
 * <p>Stateless; thread-safe.
 */
final class IndexChecks {

  // Neither unique nor backing a constraint (dropping those changes behaviour), valid, never scanned.
  private static final String UNUSED = """
      select s.schemaname, s.relname, s.indexrelname, pg_relation_size(s.indexrelid)::float8,
             (select stats_reset::text from pg_stat_database where datname = current_database())
        from pg_stat_user_indexes s
        join pg_index i on i.indexrelid = s.indexrelid
       where s.idx_scan = 0 and not i.indisunique and i.indisvalid
         and not exists (select 1 from pg_constraint c where c.conindid = s.indexrelid)
         and pg_relation_size(s.indexrelid) >= ?
       order by 4 desc, 1, 3""";

  // An index is redundant when another index of the same access method on the same table has the
  // same columns, operator classes, collations, expressions and predicate (the older one is kept),
  // or, for B-trees, starts with all of its columns. A unique index is redundant only beside an
  // identical unique one; one backing a constraint is never reported.
  private static final String DUPLICATE = """
      select n.nspname, t.relname, ci.relname, cd.relname, pg_relation_size(i.indexrelid)::float8,
             pg_get_indexdef(i.indexrelid), pg_get_indexdef(d.indexrelid)
        from pg_index i
        join pg_index d on d.indrelid = i.indrelid and d.indexrelid <> i.indexrelid
        join pg_class ci on ci.oid = i.indexrelid
        join pg_class cd on cd.oid = d.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        join pg_am am on am.oid = ci.relam
       where ci.relam = cd.relam and i.indisvalid and d.indisvalid
         and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
         and coalesce(pg_get_expr(i.indpred, i.indrelid), '') = coalesce(pg_get_expr(d.indpred, d.indrelid), '')
         and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
         and (not i.indisunique or (d.indisunique and i.indkey::text = d.indkey::text))
         and ((i.indkey::text = d.indkey::text and i.indclass::text = d.indclass::text
               and i.indcollation::text = d.indcollation::text
               and coalesce(pg_get_expr(i.indexprs, i.indrelid), '') = coalesce(pg_get_expr(d.indexprs, d.indrelid), '')
               and i.indexrelid > d.indexrelid)
           or (am.amname = 'btree' and i.indexprs is null and d.indexprs is null
               and i.indnatts < d.indnatts and i.indnatts = i.indnkeyatts
               and (d.indkey::text || ' ') like (i.indkey::text || ' %')
               and (d.indclass::text || ' ') like (i.indclass::text || ' %')
               and (d.indcollation::text || ' ') like (i.indcollation::text || ' %')))
         and pg_relation_size(i.indexrelid) >= ?
       order by 5 desc, 1, 3""";

  private IndexChecks() {
  }

  static Measurement unused(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("unused indexes", "every index was scanned",
        "DROP INDEX CONCURRENTLY each one after checking that no standby uses it (idx_scan counts this"
            + " server only) and that the statistics cover a full business cycle");
    double floor = session.configuration.threshold(dev.carriers.dao.stats.StatsCheck.UNUSED_INDEXES).floor();
    String since = null;
    for (Object[] row : session.rows(UNUSED, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getString(3), rows.getDouble(4), rows.getString(5)}, (long) floor)) {
      since = (String) row[4];
      String index = qualified((String) row[0], (String) row[2]);
      measurement.add(index, 1, "0 scans, " + bytes((double) row[3]) + ", on " + row[1], "schema", row[0],
          "table", row[1], "index", row[2], "bytes", (long) (double) row[3], "scans", 0);
    }
    return measurement.note(since == null ? null : "statistics since " + since);
  }

  static Measurement duplicate(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("duplicate indexes", "no index duplicates another",
        "DROP INDEX CONCURRENTLY the duplicate: the index that covers it serves the same queries");
    double floor = session.configuration.threshold(dev.carriers.dao.stats.StatsCheck.DUPLICATE_INDEXES).floor();
    for (Object[] row : session.rows(DUPLICATE, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getString(3), rows.getString(4), rows.getDouble(5), rows.getString(6), rows.getString(7)},
        (long) floor)) {
      String index = qualified((String) row[0], (String) row[2]);
      measurement.add(index, 1, "covered by " + qualified((String) row[0], (String) row[3]) + ", "
          + bytes((double) row[4]), "schema", row[0], "table", row[1], "index", row[2], "covered_by", row[3],
          "bytes", (long) (double) row[4], "definition", row[5], "covering_definition", row[6]);
    }
    return measurement;
  }

  static Measurement invalid(StatsSession session) throws SQLException {
    List<InvalidIndex> invalid = InvalidIndexes.list(session.connection);
    Measurement measurement = new Measurement("invalid indexes", "every index is valid",
        invalid.isEmpty() ? "" : invalid.get(0).fix());
    for (InvalidIndex index : invalid) {
      measurement.add(index.qualifiedName(), 1, "on " + index.table() + " (a failed CREATE INDEX CONCURRENTLY, or"
          + " one still running): " + index.definition(), "schema", index.schema(), "table", index.table(),
          "index", index.name(), "definition", index.definition());
    }
    return measurement;
  }
}
