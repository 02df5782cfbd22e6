package dev.carriers;

/**
 * What kind of failure a {@link CarriersException} is: the one vocabulary every module's exceptions
 * and the CLI's exit codes share (as Flyway's {@code CoreErrorCode} is for Flyway). A kind never
 * changes meaning; new kinds are added at the end of their group.
 *
 * <p>The first group is the environment: the database could not be used at all. A failure of any
 * operation whose cause is one of those has that kind, whatever the operation was (a migration
 * that lost its connection is {@link #DATABASE_UNAVAILABLE}, not {@link #MIGRATION_FAILED}).
 */
public enum ErrorKind {

  // The environment.

  /** The server cannot be reached or used: refused, timed out, connection lost, shut down, full. */
  DATABASE_UNAVAILABLE,

  /** The server refused the credentials: wrong password, or no such role. */
  AUTHENTICATION_FAILED,

  /** The database does not exist on the server. */
  DATABASE_MISSING,

  /** A database URL that cannot be parsed, or names a parameter that is not supported. */
  INVALID_DATABASE_URL,

  // carriers-dao.

  /** Input refused before or by the database: a field is missing, too long or malformed. */
  INVALID_INPUT,

  /** A unique value (an MC number) is taken by another row. */
  DUPLICATE,

  /** The row asked for does not exist. */
  NOT_FOUND,

  /** The row changed since it was read (optimistic locking). */
  STALE_VERSION,

  /** A serialization failure or deadlock: the transaction was rolled back and may be retried. */
  TRANSACTION_CONFLICT,

  /** Any other database failure of a data operation. */
  DATA_ACCESS,

  // carriers-schema.

  /** A migration failed to apply (and was rolled back), or the history records a failed one. */
  MIGRATION_FAILED,

  /** The applied migrations do not match this build: an edited script, or one it does not know. */
  MIGRATION_MISMATCH,

  /** A migration gave up waiting for a table lock ({@code lock_timeout}) on every attempt. */
  LOCK_TIMEOUT,

  /** Another schema change held the schema lock too long; nothing changed. */
  SCHEMA_LOCKED,

  /** A rollback was refused before anything changed. */
  ROLLBACK_REFUSED,

  /** A reverse script failed; the migrations undone before it stay undone. */
  ROLLBACK_FAILED,

  /** A baseline was refused; nothing was recorded. */
  BASELINE_REFUSED,

  /** {@code clean} was refused: it is not enabled in the configuration. */
  CLEAN_REFUSED,

  // carriers-seed.

  /** A seed was refused: a production database, a dataset changed under its version, an older version. */
  SEED_REFUSED,

  /** A dataset is invalid: a row breaks a rule, a file cannot be read. Nothing was loaded. */
  SEED_INVALID,

  /** A seed failed in the database and was rolled back; nothing was loaded. */
  SEED_FAILED,

  // carriers-lint.

  /** The migrations to lint cannot be found or read. */
  LINT_INPUT,

  /** libpg_query, PostgreSQL's parser as a library, cannot be loaded. */
  LINT_UNAVAILABLE;

  /**
   * Tells whether this kind is a refusal: nothing was changed because a check said no (as opposed
   * to a failure part-way).
   *
   * @return true for the {@code *_REFUSED} kinds and {@link #SCHEMA_LOCKED}
   */
  public boolean isRefusal() {
    switch (this) {
      case ROLLBACK_REFUSED:
      case BASELINE_REFUSED:
      case CLEAN_REFUSED:
      case SEED_REFUSED:
      case SCHEMA_LOCKED:
        return true;
      default:
        return false;
    }
  }
}
