package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.SqlIdentifier;
import dev.carriers.SqlStateClass;
import dev.carriers.cli.ExitCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks that the target database can be reached before Flyway runs, so that a down server, refused
 * credentials or a missing database each get their own clear message and exit code; and creates the
 * database on request. SQLStates are read through {@link SqlStateClass}.
 *
 * <p>Stateless; thread-safe.
 */
final class TargetDatabase {

  /** The maintenance database connected to for CREATE DATABASE, as {@code createdb} does. */
  static final String MAINTENANCE_DATABASE = "postgres";

  /** What most commands tell the user to do when the database does not exist. */
  static final String CREATE_IT = "run 'carriers migrate --create-database' to create it";

  private TargetDatabase() {
  }

  /**
   * Connects to the database once and closes the connection.
   *
   * @param url the database
   * @param missingHint what to tell the user to do if the database does not exist
   * @throws CommandFailure with {@link ExitCode#DATABASE_MISSING}, {@link ExitCode#DATABASE_UNREACHABLE}
   *     or {@link ExitCode#AUTHENTICATION_FAILED}
   */
  static void check(DatabaseUrl url, String missingHint) {
    try (Connection connection = url.unpooledDataSource().getConnection()) {
      connection.isValid(0);
    } catch (SQLException e) {
      if (SqlStateClass.of(e) == SqlStateClass.DATABASE_MISSING) {
        throw new CommandFailure(ExitCode.DATABASE_MISSING, "database \"" + url.database() + "\" does not exist on "
            + serverOf(url) + "; " + missingHint, e);
      }
      throw connectFailure(url, e);
    }
  }

  /**
   * Creates the database unless it exists, connecting to the maintenance database {@code postgres}
   * on the same server with the same credentials.
   *
   * @param url the database
   * @return true if this call created it, false if it existed
   * @throws CommandFailure with {@link ExitCode#DATABASE_MISSING} if it does not exist and cannot be
   *     created, {@link ExitCode#DATABASE_UNREACHABLE} or {@link ExitCode#AUTHENTICATION_FAILED}, or
   *     {@link ExitCode#USAGE} if its name cannot be a PostgreSQL identifier
   */
  static boolean createIfMissing(DatabaseUrl url) {
    try {
      check(url, "");
      return false;
    } catch (CommandFailure failure) {
      if (failure.exitCode() != ExitCode.DATABASE_MISSING) {
        throw failure;
      }
      // Fall through to create it.
    }
    DatabaseUrl maintenance = url.withDatabase(MAINTENANCE_DATABASE);
    try (Connection connection = maintenance.unpooledDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + identifierOf(url.database()));
      return true;
    } catch (SQLException e) {
      SqlStateClass state = SqlStateClass.of(e);
      if (state == SqlStateClass.DUPLICATE_DATABASE) {
        return false; // Another process created it meanwhile: fine.
      }
      if (state.isEnvironment()) {
        throw connectFailure(maintenance, e);
      }
      throw new CommandFailure(ExitCode.DATABASE_MISSING, "database \"" + url.database() + "\" does not exist and"
          + " cannot be created on " + serverOf(url) + ": " + ErrorReport.firstLine(e.getMessage()), e);
    }
  }

  /**
   * Quotes a database name for {@code CREATE DATABASE} with the project's one identifier quoting.
   *
   * @param name the database name
   * @return the quoted name
   * @throws CommandFailure with {@link ExitCode#USAGE} if no PostgreSQL identifier can be that name
   */
  static String identifierOf(String name) {
    try {
      return SqlIdentifier.quote(name);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, "database name " + e.getMessage(), e);
    }
  }

  /**
   * Describes a failure to connect. A SQLState that is not an environment failure counts as
   * unreachable: the server cannot be used.
   *
   * @param url the database connected to
   * @param e the driver's exception
   * @return the failure to throw, with {@code e} as its cause
   */
  private static CommandFailure connectFailure(DatabaseUrl url, SQLException e) {
    String where = url.jdbcUrl() + (url.user() == null ? "" : " as " + url.user());
    String reason = ErrorReport.firstLine(e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !reason.contains(cause.getMessage())) {
      // pgjdbc says only "The connection attempt failed." for an unknown host; the cause says which.
      reason += " (" + cause.getClass().getSimpleName() + ": " + ErrorReport.firstLine(cause.getMessage()) + ")";
    }
    ExitCode exitCode = ErrorReport.exitCodeOf(e);
    switch (exitCode) {
      case AUTHENTICATION_FAILED:
        return new CommandFailure(exitCode, "authentication failed on " + where + ": " + reason, e);
      case DATABASE_MISSING:
        return new CommandFailure(exitCode, "database \"" + url.database() + "\" does not exist on "
            + where + ": " + reason, e);
      default:
        return new CommandFailure(ExitCode.DATABASE_UNREACHABLE, "cannot connect to " + where + ": " + reason, e);
    }
  }

  private static String serverOf(DatabaseUrl url) {
    String jdbcUrl = url.jdbcUrl();
    return jdbcUrl.substring(0, jdbcUrl.indexOf('/', "jdbc:postgresql://".length()));
  }
}
