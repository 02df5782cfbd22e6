package dev.carriers.dao.stats.internal;

import static dev.carriers.dao.stats.internal.StatsSession.bytes;
import static dev.carriers.dao.stats.internal.StatsSession.percent;
import static dev.carriers.dao.stats.internal.StatsSession.qualified;

import dev.carriers.dao.stats.StatsCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The table checks: cache hit ratio, table and index bloat, sequential scans, dead tuples
 * (autovacuum) and transaction ID wraparound.
 *
 * <p>Stateless; thread-safe.
 */
final class TableChecks {

  private static final String CACHE = """
      select coalesce(sum(heap_blks_hit), 0)::float8, coalesce(sum(heap_blks_read), 0)::float8,
             (select coalesce(sum(idx_blks_hit), 0)::float8 from pg_statio_user_indexes),
             (select coalesce(sum(idx_blks_read), 0)::float8 from pg_statio_user_indexes)
        from pg_statio_user_tables""";

  private static final String TABLE_BLOAT = resource("table-bloat.sql");
  private static final String INDEX_BLOAT = resource("index-bloat.sql");

  private static final String SEQUENTIAL_SCANS = """
      select schemaname, relname, seq_scan::float8, coalesce(idx_scan, 0), seq_tup_read, n_live_tup
        from pg_stat_user_tables
       where n_live_tup >= ? and seq_scan > coalesce(idx_scan, 0)
       order by seq_scan desc, seq_tup_read desc, 1, 2""";

  private static final String DEAD_TUPLES = """
      select t.schemaname, t.relname, t.n_dead_tup, t.n_live_tup,
             t.n_dead_tup::float8 / greatest(t.n_dead_tup + t.n_live_tup, 1),
             coalesce(greatest(t.last_autovacuum, t.last_vacuum)::text, 'never'),
             coalesce((select option_value from pg_options_to_table(c.reloptions)
                        where option_name = 'autovacuum_enabled'), 'on')
        from pg_stat_user_tables t
        join pg_class c on c.oid = t.relid
       where t.n_dead_tup >= ?
       order by 5 desc, 1, 2""";

  private static final String WRAPAROUND = """
      select datname, greatest(age(datfrozenxid), mxid_age(datminmxid))::float8, age(datfrozenxid), mxid_age(datminmxid)
        from pg_database
       where datallowconn
       order by 2 desc, 1""";

  private TableChecks() {
  }

  private static String resource(String name) {
    try (InputStream in = TableChecks.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Measurement cacheHitRatio(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("hit ratios", "", "raise shared_buffers (about a quarter of the"
        + " server's memory) if the working set fits in memory; else find the statements that read most"
        + " (top_statements) and index them");
    double floor = session.configuration.threshold(StatsCheck.CACHE_HIT_RATIO).floor();
    double[] blocks = session.rows(CACHE, rows -> new double[] {rows.getDouble(1), rows.getDouble(2),
        rows.getDouble(3), rows.getDouble(4)}).get(0);
    addRatio(measurement, "tables", blocks[0], blocks[1], floor);
    addRatio(measurement, "indexes", blocks[2], blocks[3], floor);
    if (measurement.subjects.isEmpty()) {
      measurement.none = String.format(Locale.ROOT, "too little traffic to judge: %.0f table and %.0f index blocks"
          + " read (floor %.0f)", blocks[0] + blocks[1], blocks[2] + blocks[3], floor);
    }
    return measurement;
  }

  private static void addRatio(Measurement measurement, String what, double hit, double read, double floor) {
    if (hit + read >= floor && hit + read > 0) {
      double ratio = hit / (hit + read);
      measurement.add(what, ratio, percent(ratio) + " of " + String.format(Locale.ROOT, "%.0f", hit + read)
          + " block reads from shared buffers", "blocks_hit", (long) hit, "blocks_read", (long) read, "ratio", ratio);
    }
  }

  static Measurement tableBloat(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("bloated tables", "no table has estimated bloat above the floor",
        "VACUUM makes dead space reusable but does not shrink a table; to give it back without a long lock use"
            + " pg_repack (VACUUM FULL locks the table for its whole run), then tune autovacuum for it");
    double floor = session.configuration.threshold(StatsCheck.TABLE_BLOAT).floor();
    for (Object[] row : session.rows(TABLE_BLOAT, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getDouble(3), rows.getDouble(4), rows.getDouble(5)}, floor)) {
      measurement.add(qualified((String) row[0], (String) row[1]), (double) row[4], percent((double) row[4])
          + " bloat: " + bytes((double) row[3]) + " of " + bytes((double) row[2]), "schema", row[0], "table", row[1],
          "bytes", (long) (double) row[2], "bloat_bytes", (long) (double) row[3], "bloat_ratio", row[4]);
    }
    return measurement.note("estimated from statistics");
  }

  static Measurement indexBloat(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("bloated indexes", "no index has estimated bloat above the floor",
        "REINDEX INDEX CONCURRENTLY each one (PostgreSQL 12+): it rebuilds the index without blocking writes");
    double floor = session.configuration.threshold(StatsCheck.INDEX_BLOAT).floor();
    for (Object[] row : session.rows(INDEX_BLOAT, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getString(3), rows.getDouble(4), rows.getDouble(5), rows.getDouble(6)}, floor)) {
      measurement.add(qualified((String) row[0], (String) row[2]), (double) row[5], percent((double) row[5])
          + " bloat: " + bytes((double) row[4]) + " of " + bytes((double) row[3]) + ", on " + row[1], "schema", row[0],
          "table", row[1], "index", row[2], "bytes", (long) (double) row[3], "bloat_bytes", (long) (double) row[4],
          "bloat_ratio", row[5]);
    }
    return measurement.note("estimated from statistics");
  }

  static Measurement sequentialScans(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("tables read mostly by sequential scans",
        "no table above the floor is read more by sequential scan than by index",
        "find the statements that read the table in pg_stat_statements (top_statements), EXPLAIN them, and add"
            + " the index their filter needs (CREATE INDEX CONCURRENTLY); see docs/query-performance.md");
    double floor = session.configuration.threshold(StatsCheck.SEQUENTIAL_SCANS).floor();
    for (Object[] row : session.rows(SEQUENTIAL_SCANS, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getDouble(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)}, (long) floor)) {
      double scans = (double) row[2];
      long tuples = (long) row[4];
      measurement.add(qualified((String) row[0], (String) row[1]), scans, String.format(Locale.ROOT,
          "%.0f sequential scans (%d by index), %d rows read by them, %d live rows", scans, (long) row[3], tuples,
          (long) row[5]), "schema", row[0], "table", row[1], "seq_scan", (long) scans, "idx_scan", row[3],
          "seq_tup_read", tuples, "live_rows", row[5]);
    }
    return measurement;
  }

  static Measurement autovacuum(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("tables with dead tuples", "no table has dead tuples above the floor",
        "VACUUM (ANALYZE) the table now; if autovacuum falls behind, lower its autovacuum_vacuum_scale_factor"
            + " (ALTER TABLE ... SET (autovacuum_vacuum_scale_factor = 0.02)) and look for long transactions"
            + " (idle_in_transaction, long_running_queries) holding dead rows back");
    double floor = session.configuration.threshold(StatsCheck.AUTOVACUUM).floor();
    for (Object[] row : session.rows(DEAD_TUPLES, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getLong(3), rows.getLong(4), rows.getDouble(5), rows.getString(6), rows.getString(7)}, (long) floor)) {
      measurement.add(qualified((String) row[0], (String) row[1]), (double) row[4], String.format(Locale.ROOT,
          "%s dead (%d dead, %d live rows), last vacuum %s%s", percent((double) row[4]), (long) row[2], (long) row[3],
          row[5], "off".equalsIgnoreCase((String) row[6]) || "false".equalsIgnoreCase((String) row[6])
              ? ", autovacuum disabled on it" : ""),
          "schema", row[0], "table", row[1], "dead_rows", row[2], "live_rows", row[3], "dead_ratio", row[4],
          "last_vacuum", row[5], "autovacuum_enabled", row[6]);
    }
    return measurement;
  }

  static Measurement wraparound(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("databases", "",
        "VACUUM (FREEZE) the oldest tables of the database (SELECT relname, age(relfrozenxid) FROM pg_class ORDER BY 2"
            + " DESC), after ending what holds the horizon back: long or prepared transactions, stale replication"
            + " slots");
    for (Object[] row : session.rows(WRAPAROUND, rows -> new Object[] {rows.getString(1), rows.getDouble(2),
        rows.getLong(3), rows.getLong(4)})) {
      measurement.add((String) row[0], (double) row[1], String.format(Locale.ROOT,
          "transaction ID age %d, multixact age %d (wraparound at about 2.1 billion)", (long) row[2], (long) row[3]),
          "database", row[0], "xid_age", row[2], "mxid_age", row[3]);
    }
    return measurement;
  }
}
