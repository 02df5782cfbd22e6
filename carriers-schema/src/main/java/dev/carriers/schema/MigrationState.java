package dev.carriers.schema;

/** Where one migration stands on a database. */
public enum MigrationState {
  /** Applied successfully. */
  APPLIED,
  /** Known to this build, not applied yet. */
  PENDING,
  /** Applied, and failed: the history records a failure that must be repaired. */
  FAILED,
  /** Applied to the database, but this build has no such script (a newer build applied it). */
  UNKNOWN,
  /** The baseline marker: the database was adopted at this version. */
  BASELINE,
  /** Present in this build, at or below the baseline: the adopted database already had it. */
  BELOW_BASELINE,
  /** Present in this build, but skipped: a newer version is already applied. */
  IGNORED,
  /** Any other Flyway state (superseded repeatable, out of order, above target). */
  OTHER
}
