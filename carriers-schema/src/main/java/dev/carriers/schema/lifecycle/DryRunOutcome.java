package dev.carriers.schema.lifecycle;

/** What happened to one migration in a dry-run. */
public enum DryRunOutcome {
  /** Ran without error (and was rolled back with the rest). */
  SUCCEEDED,
  /** Failed: a real migrate would fail here too. */
  FAILED,
  /** Not executed: it cannot run inside a transaction (such as {@code CREATE INDEX CONCURRENTLY}). */
  NOT_TRANSACTIONAL,
  /** Not executed because an earlier migration failed. */
  SKIPPED
}
