package dev.carriers.seed;

import dev.carriers.ErrorKind;
import dev.carriers.SqlStateClass;

/**
 * The database failed during a seed run (a constraint, a lost connection, ...). The run's
 * transaction was rolled back, so nothing of it remains. Kind {@link ErrorKind#SEED_FAILED}, or the
 * environment's kind ({@link ErrorKind#DATABASE_UNAVAILABLE}, ...) when the server failed.
 */
public class SeedFailedException extends SeedException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the operation
   * @param sqlState the SQLState of the failure, or null
   * @param cause the database's exception
   */
  public SeedFailedException(String message, String sqlState, Throwable cause) {
    super(kindOf(sqlState), message, cause);
    this.sqlState = sqlState;
  }

  /** Returns the SQLState of the failure, or null when there was none. */
  public String sqlState() {
    return sqlState;
  }

  /**
   * Tells whether the connection was lost or the server could not be used
   * ({@link SqlStateClass#CONNECTION_UNAVAILABLE}).
   *
   * @return true when the failure was the connection's
   */
  public boolean isConnectionLost() {
    return SqlStateClass.fromCode(sqlState) == SqlStateClass.CONNECTION_UNAVAILABLE;
  }

  /**
   * Tells whether a constraint of the table refused a row (SQLState class 23).
   *
   * @return true for a constraint violation
   */
  public boolean isConstraintViolation() {
    return SqlStateClass.fromCode(sqlState).isIntegrityViolation();
  }

  private static ErrorKind kindOf(String sqlState) {
    SqlStateClass state = SqlStateClass.fromCode(sqlState);
    return state.isEnvironment() ? state.environmentKind() : ErrorKind.SEED_FAILED;
  }
}
