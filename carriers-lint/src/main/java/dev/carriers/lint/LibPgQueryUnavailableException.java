package dev.carriers.lint;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;

/**
 * libpg_query, PostgreSQL's parser as a library, cannot be loaded, so nothing can be linted. The
 * message says which package to install ({@code libpg-query1504.0} on Debian and Ubuntu).
 */
public class LibPgQueryUnavailableException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to install
   * @param cause the link error
   */
  public LibPgQueryUnavailableException(String message, Throwable cause) {
    super(ErrorKind.LINT_UNAVAILABLE, message, cause);
  }
}
