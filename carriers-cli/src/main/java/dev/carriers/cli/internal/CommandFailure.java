package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/**
 * A failure the CLI detected and described itself: its message is the one line printed, and it
 * knows its exit code. Messages never contain a password.
 */
public abstract class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message the line to print
   * @param cause the underlying failure, or null
   */
  protected CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** Returns the exit code. */
  public abstract ExitCode exitCode();
}
