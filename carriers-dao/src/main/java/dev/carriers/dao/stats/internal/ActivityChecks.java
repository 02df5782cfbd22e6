package dev.carriers.dao.stats.internal;

import static dev.carriers.dao.stats.internal.StatsSession.percent;
import static dev.carriers.dao.stats.internal.StatsSession.queryText;
import static dev.carriers.dao.stats.internal.StatsSession.seconds;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The activity checks: long-running queries, idle transactions, blocking locks, connections. They
 * read {@code pg_stat_activity}, where a role without {@code pg_read_all_stats} (part of
 * {@code pg_monitor}) sees other roles' sessions without their query or times.
 *
 * <p>Stateless; thread-safe.
 */
final class ActivityChecks {

  private static final String SESSIONS = """
      select a.pid, a.datname, coalesce(a.usename, ''), coalesce(a.application_name, ''),
             coalesce(a.client_addr::text, 'local'),
             extract(epoch from clock_timestamp() - %s)::float8, a.query,
             extract(epoch from clock_timestamp() - a.xact_start)::float8
        from pg_stat_activity a
       where a.state in (%s) and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'
         and %s and %s is not null
       order by 6 desc""";

  // The waiting session's current statement started when it began to wait, near enough.
  private static final String BLOCKED = """
      select blocked.pid, blocked.datname, coalesce(blocked.usename, ''), coalesce(blocked.application_name, ''),
             extract(epoch from clock_timestamp() - blocked.query_start)::float8, blocked.query,
             blocking.pid, coalesce(blocking.state, ''), coalesce(blocking.application_name, ''), blocking.query,
             coalesce(extract(epoch from clock_timestamp() - blocking.xact_start)::float8, 0)
        from pg_stat_activity blocked
        cross join lateral unnest(pg_blocking_pids(blocked.pid)) as b(pid)
        join pg_stat_activity blocking on blocking.pid = b.pid
       where blocked.wait_event_type = 'Lock' and blocked.pid <> pg_backend_pid() and %s
       order by 5 desc, 1, 7""";

  private static final String BY_DATABASE = """
      select coalesce(datname, '(none)'), coalesce(usename, ''), coalesce(state, ''), count(*)
        from pg_stat_activity
       where backend_type = 'client backend'
       group by 1, 2, 3
       order by 4 desc, 1, 2, 3
       limit 5""";

  private ActivityChecks() {
  }

  static Measurement longRunningQueries(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("running statements", "no statement is running",
        "cancel it with SELECT pg_cancel_backend(pid) (pg_terminate_backend(pid) ends the session); bound such"
            + " statements with statement_timeout for their role (ALTER ROLE app SET statement_timeout = '30s')");
    return sessions(session, measurement, "a.query_start", "'active'", "running for");
  }

  static Measurement idleInTransaction(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("sessions idle in a transaction", "no session is idle in a transaction",
        "find the application holding the transaction open (application_name, client) and make it commit or roll"
            + " back; SELECT pg_terminate_backend(pid) ends it now, and idle_in_transaction_session_timeout bounds"
            + " it for good");
    return sessions(session, measurement, "a.state_change", "'idle in transaction', 'idle in transaction (aborted)'",
        "idle for");
  }

  private static Measurement sessions(StatsSession session, Measurement measurement, String since, String states,
      String verb) throws SQLException {
    String sql = String.format(Locale.ROOT, SESSIONS, since, states, session.databaseFilter("a"), since);
    for (Object[] row : session.rows(sql, rows -> new Object[] {rows.getInt(1), rows.getString(2), rows.getString(3),
        rows.getString(4), rows.getString(5), rows.getDouble(6), rows.getString(7), rows.getObject(8)})) {
      double age = (double) row[5];
      String query = queryText((String) row[6]);
      measurement.add("pid " + row[0], age, verb + " " + seconds(age) + " in " + row[1] + " as " + row[2]
          + (((String) row[3]).isEmpty() ? "" : " (" + row[3] + ")") + " from " + row[4] + ": " + query,
          "pid", row[0], "database", row[1], "user", row[2], "application", row[3], "client", row[4],
          "seconds", age, "transaction_seconds", row[7], "query", query);
    }
    return measurement;
  }

  static Measurement blockingLocks(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("sessions waiting for a lock", "no session waits for a lock",
        "end or speed up the blocking transaction (SELECT pg_cancel_backend(blocking_pid), or pg_terminate_backend"
            + " for an idle one); set lock_timeout on migrations and batch jobs so they give up instead of queueing");
    String sql = String.format(Locale.ROOT, BLOCKED, session.databaseFilter("blocked"));
    for (Object[] row : session.rows(sql, rows -> new Object[] {rows.getInt(1), rows.getString(2), rows.getString(3),
        rows.getString(4), rows.getDouble(5), rows.getString(6), rows.getInt(7), rows.getString(8), rows.getString(9),
        rows.getString(10), rows.getDouble(11)})) {
      double waited = (double) row[4];
      String blockedQuery = queryText((String) row[5]);
      String blockingQuery = queryText((String) row[9]);
      measurement.add("pid " + row[0], waited, "waiting " + seconds(waited) + " in " + row[1] + ", blocked by pid "
          + row[6] + " (" + row[7] + ", transaction open " + seconds((double) row[10]) + "): " + blockedQuery
          + " <- " + blockingQuery, "pid", row[0], "database", row[1], "user", row[2], "application", row[3],
          "seconds", waited, "query", blockedQuery, "blocking_pid", row[6], "blocking_state", row[7],
          "blocking_application", row[8], "blocking_query", blockingQuery, "blocking_transaction_seconds", row[10]);
    }
    return measurement;
  }

  static Measurement connections(StatsSession session) throws SQLException {
    ServerActivity activity = ServerActivity.read(session.connection,
        (int) Math.max(1, session.configuration.statementTimeout().toSeconds()));
    Measurement measurement = new Measurement("connection counts", "",
        "put a pooler in front (PgBouncer in transaction mode) or shrink the applications' pools; raising"
            + " max_connections costs memory per connection and needs a restart");
    measurement.add("server", activity.connectionUse(), String.format(Locale.ROOT, "%d of %d usable connections (%s;"
        + " max_connections %d, %d reserved for superusers)", activity.connections(), activity.usableConnections(),
        percent(activity.connectionUse()), activity.maxConnections(), activity.reservedConnections()),
        "connections", activity.connections(), "max_connections", activity.maxConnections(),
        "reserved_connections", activity.reservedConnections(), "ratio", activity.connectionUse());
    for (Object[] row : session.rows(BY_DATABASE, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getString(3), rows.getLong(4)})) {
      double share = (long) row[3] / (double) activity.usableConnections();
      measurement.add(row[0] + " as " + row[1], share, row[3] + " connections " + (((String) row[2]).isEmpty()
          ? "" : "(" + row[2] + ")"), "database", row[0], "user", row[1], "state", row[2], "connections", row[3]);
    }
    return measurement;
  }
}
