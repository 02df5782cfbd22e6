package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCodes;

/** The database server cannot be reached, or the connection was lost. Exit code {@link ExitCodes#DATABASE_UNREACHABLE}. */
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
  public int exitCode() {
    return ExitCodes.DATABASE_UNREACHABLE;
  }
}
