package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/** An option's value makes no sense (a negative retry count, say): a usage error. */
public final class InvalidOptionException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print, naming the option
   * @param cause the library's rejection, or null
   */
  public InvalidOptionException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
