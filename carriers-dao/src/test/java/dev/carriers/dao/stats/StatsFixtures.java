package dev.carriers.dao.stats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What the stats tests share: running SQL on a connection of its own, and a check with its thresholds. */
final class StatsFixtures {

  private StatsFixtures() {
  }

  /**
   * Runs statements on a connection of their own and closes it, which flushes the session's
   * statistics to the server's cumulative statistics at once.
   */
  static void execute(DataSource dataSource, String... sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  /** Reads one number. */
  static long number(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Runs one check with the given thresholds. */
  static CheckResult check(DataSource dataSource, StatsCheck check, Threshold threshold) {
    return DatabaseStats.configure().dataSource(dataSource).checks(check).threshold(check, threshold).load().run()
        .result(check);
  }

  /** The subjects of a result's findings. */
  static java.util.List<String> subjects(CheckResult result) {
    return result.findings().stream().map(Finding::subject).toList();
  }
}
