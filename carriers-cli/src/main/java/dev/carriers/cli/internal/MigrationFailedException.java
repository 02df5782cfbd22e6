package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/** A migration failed to apply (and was rolled back), or the history records a failed migration. Exit code {@link ExitCode#MIGRATION_FAILED}. */
public final class MigrationFailedException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print; never a password
   * @param cause the underlying failure, or null
   */
  public MigrationFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.MIGRATION_FAILED;
  }
}
