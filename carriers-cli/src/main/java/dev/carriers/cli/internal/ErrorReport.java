package dev.carriers.cli.internal;

import dev.carriers.CarriersException;
import dev.carriers.SqlStateClass;
import dev.carriers.cli.ExitCode;
import java.sql.SQLException;

/**
 * What to tell the user about a failure: one line and an exit code. The one place the CLI
 * classifies a failure, as Flyway's {@code Main} does: the CLI's own {@link CommandFailure} carries
 * its code; the library's exceptions say their kind ({@link CarriersException#kind()}), which
 * {@link ExitCode#of} maps; anything else is {@link ExitCode#UNEXPECTED}, unless a SQLState under it
 * says the environment failed ({@link SqlStateClass}).
 *
 * @param exitCode the exit code
 * @param line the message, one line, not yet masked
 */
record ErrorReport(ExitCode exitCode, String line) {

  /**
   * Classifies a failure.
   *
   * @param failure what was thrown
   * @return the report
   */
  static ErrorReport of(Throwable failure) {
    ExitCode exitCode = exitCodeOf(failure);
    if (failure instanceof CommandFailure) {
      // The CLI's own failures say what happened already.
      return new ErrorReport(exitCode, firstLine(failure.getMessage()));
    }
    if (exitCode == ExitCode.UNEXPECTED) {
      return new ErrorReport(exitCode, "unexpected error: " + failure.getClass().getName() + ": " + describe(failure));
    }
    return new ErrorReport(exitCode, needsDatabaseReason(exitCode) ? describe(failure) : firstLine(failure.getMessage()));
  }

  /**
   * Returns the exit code of a failure.
   *
   * @param failure what was thrown
   * @return its code, {@link ExitCode#UNEXPECTED} when nothing says what kind it is
   */
  static ExitCode exitCodeOf(Throwable failure) {
    if (failure instanceof CommandFailure commandFailure) {
      return commandFailure.exitCode();
    }
    if (failure instanceof CarriersException carriers) {
      return ExitCode.of(carriers.kind());
    }
    SqlStateClass state = SqlStateClass.of(failure);
    return state.isEnvironment() ? ExitCode.of(state.environmentKind()) : ExitCode.UNEXPECTED;
  }

  // A failed script or a lost server needs the database's own words, which only the SQL exception
  // under the library's message has; a refusal, a lock timeout and the seeder's failures say all.
  private static boolean needsDatabaseReason(ExitCode exitCode) {
    switch (exitCode) {
      case MIGRATION_FAILED:
      case DATABASE_UNREACHABLE:
      case AUTHENTICATION_FAILED:
      case DATABASE_MISSING:
        return true;
      default:
        return false;
    }
  }

  /**
   * Returns the first line of a failure's message, followed by the first line of the SQL error under
   * it when the message does not already say it.
   *
   * @param failure the failure
   * @return one line
   */
  static String describe(Throwable failure) {
    String line = firstLine(failure.getMessage());
    SQLException sql = sqlCause(failure);
    if (sql != null && sql != failure) {
      String reason = firstLine(sql.getMessage());
      if (!reason.isEmpty() && !line.contains(reason)) {
        line = line.isEmpty() ? reason : line + ": " + reason;
      }
    }
    return line.isEmpty() ? failure.getClass().getSimpleName() : line;
  }

  /**
   * Returns the first non-blank line of a message, trimmed.
   *
   * @param message a message, possibly null or multi-line
   * @return one line, possibly empty
   */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    for (String line : message.split("\\R")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "";
  }

  private static SQLException sqlCause(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
