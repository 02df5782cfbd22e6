package dev.carriers.schema;

import dev.carriers.CarriersException;

/**
 * A migration command failed: a script failed to apply, the database could not be reached, or the
 * applied migrations do not match the scripts. The cause is Flyway's exception.
 */
public class MigrationException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure, or null
   */
  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
