package dev.carriers.seed;

import dev.carriers.CarriersException;
import dev.carriers.ErrorKind;

/**
 * Root of the seed loader's exceptions. When one is thrown by a seed run, the run's transaction was
 * rolled back: the database is as it was before the run.
 */
public abstract class SeedException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param kind what kind of failure it is
   * @param message what happened, naming the operation and the dataset
   * @param cause the underlying failure, or null
   */
  protected SeedException(ErrorKind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
