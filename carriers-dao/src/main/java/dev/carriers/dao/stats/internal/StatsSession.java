package dev.carriers.dao.stats.internal;

import dev.carriers.dao.stats.StatsConfiguration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one connection a stats run reads the catalogs on, read only, with the run's statement and
 * lock timeouts, and what the checks share: the database's name, whether it is a standby, and the
 * way numbers and query texts are shown.
 *
 * <p>Not thread-safe: one run, one thread.
 */
final class StatsSession {

  private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*)'(?:[^']|'')*'");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** Reads one row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rows) throws SQLException;
  }

  final Connection connection;
  final StatsConfiguration configuration;
  final String database;
  final String user;
  final String serverVersion;
  final boolean standby;

  StatsSession(Connection connection, StatsConfiguration configuration) throws SQLException {
    this.connection = connection;
    this.configuration = configuration;
    try (var statement = connection.createStatement()) {
      // Autocommit: a check that fails leaves no aborted transaction for the next one.
      statement.execute("set session characteristics as transaction read only");
      statement.execute("set statement_timeout = " + configuration.statementTimeout().toMillis());
      statement.execute("set lock_timeout = " + configuration.lockTimeout().toMillis());
      statement.execute("set application_name = 'carriers stats'");
    }
    List<String[]> about = rows("select current_database(), current_user, current_setting('server_version'),"
        + " pg_is_in_recovery()::text", rows -> new String[] {rows.getString(1), rows.getString(2),
            rows.getString(3), rows.getString(4)});
    this.database = about.get(0)[0];
    this.user = about.get(0)[1];
    this.serverVersion = about.get(0)[2].split(" ")[0];
    this.standby = Boolean.parseBoolean(about.get(0)[3]);
  }

  /**
   * Runs a query and reads every row.
   *
   * @param sql the query, with {@code ?} parameters
   * @param row reads a row
   * @param parameters the parameters, in order
   * @return the rows
   */
  <T> List<T> rows(String sql, Row<T> row, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<T> result = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(row.read(rows));
        }
      }
      return result;
    }
  }

  /** The condition that limits an activity check to this database unless all were asked for. */
  String databaseFilter(String alias) {
    return configuration.allDatabases() ? "true" : alias + ".datname = current_database()";
  }

  /** A query's text for output: on one line, at most 200 characters, any password literal masked. */
  static String queryText(String sql) {
    if (sql == null) {
      return "";
    }
    String text = SPACE.matcher(PASSWORD.matcher(sql).replaceAll("$1'***'")).replaceAll(" ").trim();
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  /** Bytes as a person reads them: {@code 8.1 MB}. */
  static String bytes(double bytes) {
    String[] units = {"bytes", "kB", "MB", "GB", "TB"};
    int unit = 0;
    double value = bytes;
    while (Math.abs(value) >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? String.format(Locale.ROOT, "%.0f bytes", value) : String.format(Locale.ROOT, "%.1f %s", value,
        units[unit]);
  }

  /** Seconds as a person reads them: {@code 75.0 s}. */
  static String seconds(double seconds) {
    return seconds < 120 ? String.format(Locale.ROOT, "%.1f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }

  /** A share as a percentage: {@code 97.3%}. */
  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  /** A schema-qualified name, as PostgreSQL would print it in a message. */
  static String qualified(String schema, String name) {
    return schema + "." + name;
  }
}
