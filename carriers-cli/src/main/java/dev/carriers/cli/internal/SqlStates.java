package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import java.sql.SQLException;

/**
 * The one place the CLI translates SQLState codes: which ones mean the server is unreachable, the
 * credentials were refused or the database is missing.
 *
 * <p>Stateless; thread-safe.
 */
final class SqlStates {

  /** {@code invalid_catalog_name}: the database does not exist. */
  static final String MISSING_DATABASE = "3D000";

  /** {@code duplicate_database}: CREATE DATABASE of a database that exists. */
  static final String DUPLICATE_DATABASE = "42P04";

  private SqlStates() {
  }

  /**
   * Returns the exit code for a SQLState that means the environment failed (as opposed to a
   * statement): class 08 (connection exception) and the shutdown states 57P01 to 57P03 are
   * {@link ExitCode#DATABASE_UNREACHABLE}, class 28 (invalid authorization) is
   * {@link ExitCode#AUTHENTICATION_FAILED}, 3D000 is {@link ExitCode#DATABASE_MISSING}.
   *
   * @param sqlState the SQLState, or null
   * @return the exit code, or null
   */
  static ExitCode environmentExitCode(String sqlState) {
    if (sqlState == null) {
      return null;
    }
    if (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
        || sqlState.equals("57P03")) {
      return ExitCode.DATABASE_UNREACHABLE;
    }
    if (sqlState.startsWith("28")) {
      return ExitCode.AUTHENTICATION_FAILED;
    }
    if (sqlState.equals(MISSING_DATABASE)) {
      return ExitCode.DATABASE_MISSING;
    }
    return null;
  }

  /**
   * Describes a failure to connect as a typed failure. A SQLState that is not an environment failure
   * (such as 53300, too many connections) counts as unreachable: the server cannot be used.
   *
   * @param url the database connected to
   * @param e the driver's exception
   * @return the failure to throw, with {@code e} as its cause
   */
  static CommandFailure connectFailure(DatabaseUrl url, SQLException e) {
    String where = where(url);
    String reason = ErrorReport.firstLine(e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !reason.contains(cause.getMessage())) {
      // pgjdbc says only "The connection attempt failed." for an unknown host; the cause says which.
      reason += " (" + cause.getClass().getSimpleName() + ": " + ErrorReport.firstLine(cause.getMessage()) + ")";
    }
    ExitCode exitCode = environmentExitCode(e.getSQLState());
    switch (exitCode == null ? ExitCode.DATABASE_UNREACHABLE : exitCode) {
      case AUTHENTICATION_FAILED:
        return new AuthenticationFailedException("authentication failed on " + where + ": " + reason, e);
      case DATABASE_MISSING:
        return new DatabaseMissingException("database \"" + url.database() + "\" does not exist on "
            + where + ": " + reason, e);
      default:
        return new DatabaseUnreachableException("cannot connect to " + where + ": " + reason, e);
    }
  }

  /** Returns the URL without parameters and the user, for messages: never the password. */
  static String where(DatabaseUrl url) {
    return url.jdbcUrl() + (url.user() == null ? "" : " as " + url.user());
  }
}
