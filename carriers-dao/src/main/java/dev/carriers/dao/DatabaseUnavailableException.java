package dev.carriers.dao;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;

/**
 * The database could not be reached or used: what
 * {@link dev.carriers.SqlStateClass#CONNECTION_UNAVAILABLE} classifies (a connection failure,
 * SQLState class 08; the server ending or refusing the session, 57P01 to 57P05; too many
 * connections, 53300), or no pooled connection free within the connection timeout. Whether the
 * operation took effect is unknown only if the connection broke during a commit; otherwise nothing
 * was written.
 */
public class DatabaseUnavailableException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, naming the operation; never a password
   * @param cause the underlying failure
   */
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(ErrorKind.DATABASE_UNAVAILABLE, message, cause);
  }
}
