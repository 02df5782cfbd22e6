package dev.carriers.dao;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;

/**
 * The database aborted a transaction to keep concurrent transactions consistent: a serialization
 * failure (SQLState 40001) or a deadlock (40P01). The whole transaction was rolled back; running it
 * again from the start usually succeeds, which is what
 * {@link TransactionOptions#retry(int, java.time.Duration, java.time.Duration)} does.
 */
public class TransactionConflictException extends CarriersException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what happened, naming the operation
   * @param sqlState {@code 40001} or {@code 40P01}
   * @param attempts how many times the transaction ran, 1 without retry
   * @param cause the database's error
   */
  public TransactionConflictException(String message, String sqlState, int attempts, Throwable cause) {
    super(ErrorKind.TRANSACTION_CONFLICT, message, cause);
    this.sqlState = sqlState;
    this.attempts = attempts;
  }

  /** Returns {@code 40001} (serialization failure) or {@code 40P01} (deadlock). */
  public String sqlState() {
    return sqlState;
  }

  /** Returns how many times the transaction ran before giving up; 1 without retry. */
  public int attempts() {
    return attempts;
  }

  /** Always true: running the whole transaction again may succeed. */
  public boolean isRetryable() {
    return true;
  }
}
