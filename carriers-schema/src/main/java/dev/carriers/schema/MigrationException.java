package dev.carriers.schema;

import dev.carriers.CarriersException;
import dev.carriers.ErrorKind;
import dev.carriers.SqlStateClass;

/**
 * A migration command failed: a script failed to apply, the database could not be reached, or the
 * applied migrations do not match the scripts. The subclasses name the failures a caller may want
 * to tell apart; {@link #kind()} says what kind each is.
 */
public class MigrationException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a failure of a schema command. Its kind is the environment's when
   * the cause says the server failed ({@link SqlStateClass#isEnvironment()}: a migration that lost
   * its connection is {@link ErrorKind#DATABASE_UNAVAILABLE}), else {@link ErrorKind#MIGRATION_FAILED}.
   *
   * @param message what failed
   * @param cause the underlying failure, or null
   */
  public MigrationException(String message, Throwable cause) {
    this(kindOf(cause, ErrorKind.MIGRATION_FAILED), message, cause);
  }

  /**
   * Creates the exception with its kind.
   *
   * @param kind what kind of failure it is
   * @param message what failed
   * @param cause the underlying failure, or null
   */
  protected MigrationException(ErrorKind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }

  /**
   * Returns the environment's kind when a cause's SQLState says the server failed, else the given
   * kind.
   *
   * @param cause the failure, or null
   * @param otherwise the kind when the environment did not fail
   * @return the kind
   */
  protected static ErrorKind kindOf(Throwable cause, ErrorKind otherwise) {
    SqlStateClass state = SqlStateClass.of(cause);
    return state.isEnvironment() ? state.environmentKind() : otherwise;
  }
}
