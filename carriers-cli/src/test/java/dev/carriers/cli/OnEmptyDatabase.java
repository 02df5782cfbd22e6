package dev.carriers.cli;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the CLI tests that run commands against an empty database of the test kit, one per test
 * method, dropped afterwards.
 */
abstract class OnEmptyDatabase {

  /** The test's database: no migrations applied. */
  @CarriersDatabase(migrate = false) protected TestDatabase database;

  /** Its JDBC URL with credentials, for {@code --url}. */
  protected String url;

  @BeforeEach
  void readUrl() {
    url = database.jdbcUrlWithCredentials();
  }

  /** Runs a statement on the test's database, outside the CLI. */
  protected void execute(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Returns the first column of the first row of a query, as text. */
  protected String query(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
