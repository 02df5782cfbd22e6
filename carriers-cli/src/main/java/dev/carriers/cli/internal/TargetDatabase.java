package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks that the target database can be reached before Flyway runs, so that a down server, refused
 * credentials or a missing database each get their own clear message and exit code; and creates the
 * database on request.
 *
 * <p>Stateless; thread-safe.
 */
final class TargetDatabase {

  /** The maintenance database connected to for CREATE DATABASE, as {@code createdb} does. */
  static final String MAINTENANCE_DATABASE = "postgres";

  private TargetDatabase() {
  }

  /**
   * Connects to the database once and closes the connection.
   *
   * @param url the database
   * @param missingHint what to tell the user to do if the database does not exist
   * @throws DatabaseMissingException if it does not exist
   * @throws DatabaseUnreachableException if the server cannot be reached
   * @throws AuthenticationFailedException if the credentials are refused
   */
  static void check(DatabaseUrl url, String missingHint) {
    try (Connection connection = url.unpooledDataSource().getConnection()) {
      connection.isValid(0);
    } catch (SQLException e) {
      if (SqlStates.MISSING_DATABASE.equals(e.getSQLState())) {
        throw new DatabaseMissingException("database \"" + url.database() + "\" does not exist on "
            + serverOf(url) + "; " + missingHint, e);
      }
      throw SqlStates.connectFailure(url, e);
    }
  }

  /**
   * Creates the database unless it exists, connecting to the maintenance database {@code postgres}
   * on the same server with the same credentials.
   *
   * @param url the database
   * @return true if this call created it, false if it existed
   * @throws DatabaseMissingException if it does not exist and cannot be created
   * @throws DatabaseUnreachableException if the server cannot be reached
   * @throws AuthenticationFailedException if the credentials are refused
   */
  static boolean createIfMissing(DatabaseUrl url) {
    try {
      check(url, "");
      return false;
    } catch (DatabaseMissingException missing) {
      // Fall through to create it.
    }
    DatabaseUrl maintenance = url.withDatabase(MAINTENANCE_DATABASE);
    try (Connection connection = maintenance.unpooledDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + quoteIdentifier(url.database()));
      return true;
    } catch (SQLException e) {
      if (SqlStates.DUPLICATE_DATABASE.equals(e.getSQLState())) {
        return false; // Another process created it meanwhile: fine.
      }
      if (SqlStates.environmentExitCode(e.getSQLState()) != null) {
        throw SqlStates.connectFailure(maintenance, e);
      }
      throw new DatabaseMissingException("database \"" + url.database() + "\" does not exist and"
          + " cannot be created on " + serverOf(url) + ": " + ErrorReport.firstLine(e.getMessage()), e);
    }
  }

  /**
   * Quotes a PostgreSQL identifier: wraps it in double quotes and doubles any double quote inside,
   * so any name (mixed case, spaces, quotes) is taken literally.
   *
   * @param identifier the name
   * @return the quoted name
   */
  static String quoteIdentifier(String identifier) {
    if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new InvalidDatabaseUrlException("database name \"" + identifier.replace("\0", "\\0")
          + "\" cannot be a PostgreSQL identifier", null);
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String serverOf(DatabaseUrl url) {
    String jdbcUrl = url.jdbcUrl();
    return jdbcUrl.substring(0, jdbcUrl.indexOf('/', "jdbc:postgresql://".length()));
  }
}
