package dev.carriers.schema.monitoring;

/** How one attempt at a migration ended. */
public enum MigrationOutcome {
  /** Applied and committed (or, outside a transaction, completed). */
  SUCCEEDED,
  /** Gave up waiting for a lock ({@code lock_timeout}, SQLState 55P03); nothing kept; will be retried. */
  RETRYING,
  /** Failed for good: {@code migrate} throws. */
  FAILED
}
