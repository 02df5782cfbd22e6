package dev.carriers.schema.internal;

import dev.carriers.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where Flyway keeps the history on a connection: its table in the connection's current schema
 * (Flyway's default when no schema is configured), and the lock key derived from it.
 *
 * @param schema the schema
 * @param table the table name
 */
public record HistoryTable(String schema, String table) {

  /**
   * Finds the history table for a connection.
   *
   * @param connection the connection
   * @param table the table name from Flyway's configuration
   * @return the history table
   * @throws SQLException if the schema cannot be read
   */
  public static HistoryTable of(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select current_schema()")) {
      row.next();
      String schema = row.getString(1);
      if (schema == null) {
        throw new SQLException("no current schema: the search_path names no existing schema");
      }
      return new HistoryTable(schema, table);
    }
  }

  /** Returns the schema-qualified, quoted name. */
  public String qualified() {
    return SqlIdentifier.quote(schema) + "." + SqlIdentifier.quote(table);
  }

  /** Returns the advisory lock key Flyway uses for this table. */
  public long lockKey() {
    return SchemaLock.key(schema, table);
  }

  /**
   * Returns whether the table exists.
   *
   * @param connection the connection
   * @return whether it exists
   * @throws SQLException on failure
   */
  public boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
      statement.setString(1, qualified());
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  /**
   * Deletes a version's rows, so that a later migrate applies it again.
   *
   * @param connection the connection (in the reverse script's transaction when it has one)
   * @param version the version
   * @return the rows deleted
   * @throws SQLException on failure
   */
  public int delete(Connection connection, String version) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "delete from " + qualified() + " where version = ?")) {
      statement.setString(1, version);
      return statement.executeUpdate();
    }
  }

  /**
   * Returns the version of the latest successful versioned row, or null when there is none (or no
   * table).
   *
   * @param connection the connection
   * @return the version, or null
   * @throws SQLException on failure
   */
  public String currentVersion(Connection connection) throws SQLException {
    if (!exists(connection)) {
      return null;
    }
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select version from " + qualified()
            + " where success and version is not null order by installed_rank desc limit 1")) {
      return row.next() ? row.getString(1) : null;
    }
  }
}
