package dev.carriers.lint;

import dev.carriers.CarriersException;
import dev.carriers.ErrorKind;

/**
 * The migrations to lint cannot be found or read: a directory that does not exist, a class-path
 * location with no scripts, an I/O error. Kind {@link ErrorKind#LINT_INPUT}.
 */
public class LintException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what cannot be read, naming the path
   * @param cause the underlying failure, or null
   */
  public LintException(String message, Throwable cause) {
    super(ErrorKind.LINT_INPUT, message, cause);
  }
}
