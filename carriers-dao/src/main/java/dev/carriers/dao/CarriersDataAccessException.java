package dev.carriers.dao;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;

/**
 * A database failure that has no more specific type: the operation failed and its statement was
 * rolled back. {@link #sqlState()} tells what the database reported.
 */
public class CarriersDataAccessException extends CarriersException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;

  /**
   * Creates the exception.
   *
   * @param message what happened, naming the operation
   * @param sqlState the SQLState, or null if unknown
   * @param cause the underlying failure
   */
  public CarriersDataAccessException(String message, String sqlState, Throwable cause) {
    super(ErrorKind.DATA_ACCESS, message, cause);
    this.sqlState = sqlState;
  }

  /** Returns the SQLState the database reported, or null if unknown. */
  public String sqlState() {
    return sqlState;
  }
}
