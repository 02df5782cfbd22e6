package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCodes;

/** {@code carriers lint} cannot load libpg_query. Exit code {@link ExitCodes#LINT_UNAVAILABLE}. */
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
  public int exitCode() {
    return ExitCodes.LINT_UNAVAILABLE;
  }
}
