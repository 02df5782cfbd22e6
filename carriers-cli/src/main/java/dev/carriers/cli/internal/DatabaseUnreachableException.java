package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/** The database server cannot be reached, or the connection was lost. Exit code {@link ExitCode#DATABASE_UNREACHABLE}. */
public final class DatabaseUnreachableException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print; never a password
   * @param cause the underlying failure, or null
   */
  public DatabaseUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.DATABASE_UNREACHABLE;
  }
}
