package dev.carriers.schema.lifecycle;

import dev.carriers.ErrorKind;
import dev.carriers.schema.MigrationException;

/**
 * A migration waited longer than the configured {@code lock_timeout} for a lock on a table that
 * another session holds (SQLState 55P03: a long transaction, a report, a stuck connection), on every
 * attempt. It gave up rather than queue all traffic on that table behind it. A migration that ran in
 * a transaction was rolled back: nothing of it is applied, the history is unchanged; run
 * {@code migrate} again once the blocker is gone ({@code pg_stat_activity} and {@code pg_locks} name
 * it). One that ran outside a transaction ({@code CREATE INDEX CONCURRENTLY}) is recorded as failed
 * and may have left an invalid index: the message says so, and is not retried.
 */
public class MigrationLockTimeoutException extends MigrationException {

  private static final long serialVersionUID = 1L;

  private final String version;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what was given up and why
   * @param version the migration that timed out, or null if not known
   * @param attempts how many attempts were made
   * @param cause the last lock timeout
   */
  public MigrationLockTimeoutException(String message, String version, int attempts, Throwable cause) {
    super(ErrorKind.LOCK_TIMEOUT, message, cause);
    this.version = version;
    this.attempts = attempts;
  }

  /** Returns the version of the migration that timed out, or null if not known. */
  public String version() {
    return version;
  }

  /** Returns how many attempts were made before giving up. */
  public int attempts() {
    return attempts;
  }
}
