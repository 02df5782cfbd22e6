package dev.carriers.seed;

/**
 * The database failed during a seed run (a constraint, a lost connection, ...). The run's
 * transaction was rolled back, so nothing of it remains.
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
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** Returns the SQLState of the failure, or null when there was none. */
  public String sqlState() {
    return sqlState;
  }

  /**
   * Tells whether the connection was lost (SQLState class 08, or the server ended the session:
   * 57P01 to 57P03).
   *
   * @return true when the failure was the connection's
   */
  public boolean isConnectionLost() {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
  }

  /**
   * Tells whether a constraint of the table refused a row (SQLState class 23).
   *
   * @return true for a constraint violation
   */
  public boolean isConstraintViolation() {
    return sqlState != null && sqlState.startsWith("23");
  }
}
