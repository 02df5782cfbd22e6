package dev.carriers.dao.stats.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server's connection use and this database's longest open transaction, in one cheap query:
 * what {@code Carriers.health()} reports and the {@code connections} check judges.
 *
 * @param connections client connections open on the server (every database)
 * @param maxConnections {@code max_connections}
 * @param reservedConnections {@code superuser_reserved_connections}
 * @param longestTransactionSeconds the age of this database's oldest open transaction (other
 *     sessions'), or -1 when there is none
 * @param longestTransactionPid that transaction's backend, or 0
 */
public record ServerActivity(int connections, int maxConnections, int reservedConnections,
    double longestTransactionSeconds, int longestTransactionPid) {

  private static final String QUERY = """
      select (select count(*) from pg_stat_activity where backend_type = 'client backend')::int,
             current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int,
             coalesce(x.seconds, -1), coalesce(x.pid, 0)
        from (select 1) one
        left join lateral (
          select extract(epoch from clock_timestamp() - xact_start)::float8 as seconds, pid
            from pg_stat_activity
           where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()
             and backend_type = 'client backend'
           order by xact_start
           limit 1) x on true""";

  /**
   * Reads it.
   *
   * @param connection a connection to the database
   * @param timeoutSeconds the query's timeout
   * @return what the server says
   * @throws SQLException if it cannot be read
   */
  public static ServerActivity read(Connection connection, int timeoutSeconds) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rows = statement.executeQuery(QUERY)) {
        rows.next();
        return new ServerActivity(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getDouble(4), rows.getInt(5));
      }
    }
  }

  /** Returns the connections a client without superuser may open: max less the reserve. */
  public int usableConnections() {
    return Math.max(1, maxConnections - reservedConnections);
  }

  /** Returns the share of the usable connections in use. */
  public double connectionUse() {
    return (double) connections / usableConnections();
  }
}
