package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/** The database URL given by {@code --url} or {@code DATABASE_URL} cannot be parsed. Exit code {@link ExitCode#USAGE}. */
public final class InvalidDatabaseUrlException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print; never a password
   * @param cause the underlying failure, or null
   */
  public InvalidDatabaseUrlException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
