package dev.carriers.cli.internal;

/**
 * {@code seed} was refused or failed; the exit code says which ({@link dev.carriers.cli.ExitCodes#SEED_REFUSED}
 * or {@link dev.carriers.cli.ExitCodes#SEED_FAILED}). Nothing was loaded.
 */
public final class SeedCommandException extends CommandFailure {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * Creates the exception.
   *
   * @param exitCode the exit code
   * @param message the line to print; never a password
   * @param cause the seed loader's exception
   */
  public SeedCommandException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  @Override
  public int exitCode() {
    return exitCode;
  }
}
