package dev.carriers.seed;

import dev.carriers.CarriersException;

/**
 * Root of the seed loader's exceptions. When one is thrown by a seed run, the run's transaction was
 * rolled back: the database is as it was before the run.
 */
public class SeedException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, naming the operation and the dataset
   */
  public SeedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened, naming the operation and the dataset
   * @param cause the underlying failure
   */
  public SeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
