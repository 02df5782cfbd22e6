package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;

/**
 * {@code seed} was refused or failed; the exit code says which ({@link dev.carriers.cli.ExitCode#SEED_REFUSED}
 * or {@link dev.carriers.cli.ExitCode#SEED_FAILED}). Nothing was loaded.
 */
public final class SeedCommandException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  /**
   * Creates the exception.
   *
   * @param exitCode the exit code
   * @param message the line to print; never a password
   * @param cause the seed loader's exception
   */
  public SeedCommandException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  @Override
  public ExitCode exitCode() {
    return exitCode;
  }
}
