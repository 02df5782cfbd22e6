package dev.carriers.dao.stats.internal;

import static dev.carriers.dao.stats.internal.StatsSession.queryText;

import dev.carriers.SqlIdentifier;
import dev.carriers.dao.stats.StatsCheck;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The top statements of {@code pg_stat_statements} in the database checked, by total time, with
 * the slowest (by mean) of those called often enough; or, when the extension is missing, exactly
 * what to do to have it.
 *
 * <p>Stateless; thread-safe.
 */
final class StatementChecks {

  private static final String EXTENSION = """
      select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
       where e.extname = 'pg_stat_statements'""";

  // The top statements by total time, and the slowest by mean among those called often enough.
  private static final String TOP = """
      with mine as (
        select queryid, calls, total_exec_time, mean_exec_time, rows, query,
               100 * total_exec_time / nullif(sum(total_exec_time) over (), 0) as share,
               row_number() over (order by total_exec_time desc) as by_total,
               row_number() over (order by case when calls >= ? then mean_exec_time end desc nulls last) as by_mean
          from %s.pg_stat_statements
         where dbid = (select oid from pg_database where datname = current_database()))
      select queryid, calls, total_exec_time, mean_exec_time, rows, query, coalesce(share, 0)
        from mine
       where by_total <= ? or (by_mean <= 3 and calls >= ?)
       order by total_exec_time desc""";

  private StatementChecks() {
  }

  static Measurement top(StatsSession session) throws SQLException {
    String preload = session.rows("select current_setting('shared_preload_libraries')", rows -> rows.getString(1))
        .get(0);
    List<String> schema = session.rows(EXTENSION, rows -> rows.getString(1));
    String create = "then, in database " + session.database + ", as a superuser: CREATE EXTENSION IF NOT EXISTS"
        + " pg_stat_statements;";
    if (!preload.toLowerCase(Locale.ROOT).contains("pg_stat_statements")) {
      return Measurement.unavailable("pg_stat_statements is not loaded: it is not in shared_preload_libraries ('"
          + preload + "')", "add it and restart PostgreSQL: ALTER SYSTEM SET shared_preload_libraries = '"
          + (preload.isBlank() ? "" : preload + ",") + "pg_stat_statements'; then restart the server; " + create);
    }
    if (schema.isEmpty()) {
      return Measurement.unavailable("the pg_stat_statements extension is not created in database " + session.database
          + " (the library is preloaded)", "in database " + session.database + ", as a superuser: CREATE EXTENSION IF"
          + " NOT EXISTS pg_stat_statements;");
    }
    double floor = session.configuration.threshold(StatsCheck.TOP_STATEMENTS).floor();
    Measurement measurement = new Measurement("statements", "no statement recorded in this database yet",
        "EXPLAIN (ANALYZE, BUFFERS) the slowest statements with typical values and index what they filter on; see"
            + " docs/query-performance.md; SELECT pg_stat_statements_reset() starts the figures afresh");
    String sql = String.format(Locale.ROOT, TOP, SqlIdentifier.quote(schema.get(0)));
    for (Object[] row : session.rows(sql, rows -> new Object[] {rows.getLong(1), rows.getLong(2), rows.getDouble(3),
        rows.getDouble(4), rows.getLong(5), rows.getString(6), rows.getDouble(7)}, (long) floor,
        session.configuration.topStatements(), (long) floor)) {
      long calls = (long) row[1];
      double mean = (double) row[3];
      String query = queryText((String) row[5]);
      // A statement called too rarely to judge is listed, but its mean does not count.
      measurement.add("query " + row[0], calls >= floor ? mean : 0, String.format(Locale.ROOT,
          "%.1f ms total (%.1f%%), %.2f ms mean, %d calls, %d rows: %s", (double) row[2], (double) row[6], mean, calls,
          (long) row[4], query), "queryid", row[0], "calls", calls, "total_ms", row[2], "mean_ms", mean,
          "rows", row[4], "share_percent", row[6], "query", query);
    }
    return measurement;
  }
}
