package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/** {@code carriers lint} cannot load libpg_query. Exit code {@link ExitCode#LINT_UNAVAILABLE}. */
public final class LintUnavailableException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print, naming the package to install
   * @param cause the underlying failure
   */
  public LintUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.LINT_UNAVAILABLE;
  }
}
