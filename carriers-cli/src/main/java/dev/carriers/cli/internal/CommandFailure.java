package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;
import java.util.Objects;

/**
 * A failure the CLI detected and described itself: its message is the one line printed, and it
 * carries its exit code. The CLI's own, not the library's: it is not a
 * {@link dev.carriers.CarriersException}. Messages never contain a password.
 */
public final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  /**
   * Creates the failure.
   *
   * @param exitCode the exit code
   * @param message the line to print
   * @param cause the underlying failure, or null
   */
  public CommandFailure(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  /** Returns the exit code. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
