package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;
import dev.carriers.schema.MigrationValidationException;
import dev.carriers.schema.lifecycle.BaselineRefusedException;
import dev.carriers.schema.lifecycle.MigrationLockTimeoutException;
import dev.carriers.schema.lifecycle.ResetRefusedException;
import dev.carriers.schema.lifecycle.RollbackFailedException;
import dev.carriers.schema.lifecycle.RollbackRefusedException;
import dev.carriers.schema.lifecycle.SchemaLockTimeoutException;
import java.sql.SQLException;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * What to tell the user about a failure: one line and an exit code. The one place failures are
 * classified; SQLState codes are read through {@link SqlStates}.
 *
 * <p>In order: a lost connection, refused credentials or missing database anywhere in the cause
 * chain wins (even in the middle of a migration); then a {@link CommandFailure}'s own code; then a
 * refusal of the lifecycle (rollback, baseline, reset, schema lock); then a validation failure; a
 * failed migration or reverse script; anything else is {@link ExitCode#UNEXPECTED}.
 *
 * @param exitCode the exit code, one of {@link ExitCode}
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
    SQLException sql = causeOfType(failure, SQLException.class);
    ExitCode environment = sql == null ? null : SqlStates.environmentExitCode(sql.getSQLState());
    boolean migrationFailed = failure instanceof MigrationFailedException;
    // The CLI's own failures say what happened already; a failed migration needs the SQL reason.
    if (failure instanceof CommandFailure commandFailure && !migrationFailed) {
      return new ErrorReport(commandFailure.exitCode(), firstLine(failure.getMessage()));
    }
    ExitCode refusal = refusalExitCode(failure);
    if (refusal != null && environment == null) {
      return new ErrorReport(refusal, firstLine(failure.getMessage()));
    }
    boolean validation = causeOfType(failure, MigrationValidationException.class) != null
        || causeOfType(failure, FlywayValidateException.class) != null;
    String line = validation ? firstTwoLines(failure.getMessage()) : describe(failure, sql);
    if (environment != null) {
      return new ErrorReport(environment, line);
    }
    if (validation) {
      return new ErrorReport(ExitCode.VALIDATION_FAILED, line);
    }
    if (migrationFailed || failure instanceof RollbackFailedException) {
      return new ErrorReport(ExitCode.MIGRATION_FAILED, line);
    }
    return new ErrorReport(ExitCode.UNEXPECTED,
        "unexpected error: " + failure.getClass().getName() + ": " + line);
  }

  // The lifecycle's refusals: nothing was changed, and each kind has its own code.
  private static ExitCode refusalExitCode(Throwable failure) {
    if (failure instanceof RollbackRefusedException) {
      return ExitCode.ROLLBACK_REFUSED;
    }
    if (failure instanceof BaselineRefusedException) {
      return ExitCode.BASELINE_REFUSED;
    }
    if (failure instanceof ResetRefusedException) {
      return ExitCode.RESET_REFUSED;
    }
    if (failure instanceof SchemaLockTimeoutException) {
      return ExitCode.SCHEMA_LOCKED;
    }
    if (failure instanceof MigrationLockTimeoutException) {
      return ExitCode.LOCK_TIMEOUT;
    }
    return null;
  }

  /**
   * Returns the first line of a failure's message, followed by the first line of the SQL error under
   * it when the message does not already say it.
   *
   * @param failure the failure
   * @param sql the first SQL exception in its cause chain, or null
   * @return one line
   */
  static String describe(Throwable failure, SQLException sql) {
    String line = firstLine(failure.getMessage());
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

  // Flyway's validation message says "Validate failed: Migrations have failed validation" first and
  // what failed on the next line.
  private static String firstTwoLines(String message) {
    String first = firstLine(message);
    String rest = message == null ? "" : message.substring(message.indexOf(first) + first.length());
    String second = firstLine(rest);
    return second.isEmpty() ? first : first + ": " + second;
  }

  private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
    int depth = 0;
    for (Throwable current = failure; current != null && depth < 32; current = current.getCause()) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      depth++;
    }
    return null;
  }
}
