package dev.carriers;

/**
 * Root of every exception the carriers library throws. Unchecked, as jOOQ's
 * {@code DataAccessException} and Flyway's {@code FlywayException} are; the cause is always kept.
 */
public class CarriersException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what happened, naming the operation and the field; never a password
   */
  public CarriersException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what happened, naming the operation and the field; never a password
   * @param cause the underlying failure
   */
  public CarriersException(String message, Throwable cause) {
    super(message, cause);
  }
}
