package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/** The server refused the credentials: wrong password, or no such role. Exit code {@link ExitCode#AUTHENTICATION_FAILED}. */
public final class AuthenticationFailedException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print; never a password
   * @param cause the underlying failure, or null
   */
  public AuthenticationFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.AUTHENTICATION_FAILED;
  }
}
