package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/** The database does not exist on the server, or could not be created. Exit code {@link ExitCode#DATABASE_MISSING}. */
public final class DatabaseMissingException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print; never a password
   * @param cause the underlying failure, or null
   */
  public DatabaseMissingException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.DATABASE_MISSING;
  }
}
