package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/**
 * {@code carriers lint --dir} names no readable folder of migrations, or {@code --suppressions} no
 * readable file. Exit code {@link ExitCode#USAGE}.
 */
public final class LintInputException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the line to print
   * @param cause the underlying failure
   */
  public LintInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
