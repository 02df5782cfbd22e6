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
   * Runs statements on a connection of their own, then has the session flush its statistics to the
   * server's cumulative statistics before the call returns (PostgreSQL 15's
   * {@code pg_stat_force_next_flush()}: the backend flushes when it goes idle, before it answers),
   * so that the next check sees them; closing the connection alone would flush them a moment later.
   */
  static void execute(DataSource dataSource, String... sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
      statement.execute("select pg_stat_force_next_flush()");
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
