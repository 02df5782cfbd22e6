package dev.carriers.cli;

import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.carriers.testing.TestDatabaseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the CLI tests that run commands against an empty database of the test kit, one per test
 * method, dropped afterwards.
 */
abstract class OnEmptyDatabase {

  private static final TestDatabaseFactory FACTORY = TestDatabaseFactory.configure().load();

  /** The test's database: no migrations applied. */
  protected TestDatabase database;

  /** Its JDBC URL with credentials, for {@code --url}. */
  protected String url;

  @BeforeEach
  void createEmptyDatabase() {
    database = FACTORY.createEmpty();
    url = database.jdbcUrlWithCredentials();
  }

  @AfterEach
  void dropDatabase() {
    database.close();
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
