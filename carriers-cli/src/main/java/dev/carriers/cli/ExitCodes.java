package dev.carriers.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the {@code carriers} command, one per kind of outcome, in the one place they are
 * defined (as Flyway's {@code ErrorCode} is). Scripts may rely on them: a number never changes
 * meaning, and new kinds get new numbers.
 *
 * <p>Holds constants only; thread-safe.
 */
public final class ExitCodes {

  /** Success; for {@code status}: the database is up to date. */
  public static final int OK = 0;

  /** An unexpected error: a bug, or a failure of a kind not listed here. */
  public static final int UNEXPECTED = 1;

  /**
   * Usage error: unknown command or option, missing or bad option value, or a database URL (from
   * {@code --url} or {@code DATABASE_URL}) that cannot be parsed. The same code picocli uses.
   */
  public static final int USAGE = 2;

  /** {@code status}: migrations are pending (nothing failed); also {@code validate} with pending ones reports {@link #VALIDATION_FAILED}. */
  public static final int PENDING = 3;

  /** A migration failed to apply (and was rolled back), or the history records a failed one. */
  public static final int MIGRATION_FAILED = 4;

  /**
   * The applied migrations do not match this build's scripts: a script changed after it was applied,
   * or the database has migrations this build does not know (it was migrated by a newer build).
   */
  public static final int VALIDATION_FAILED = 5;

  /** The database server cannot be reached: refused, timed out, unknown host, or connection lost. */
  public static final int DATABASE_UNREACHABLE = 6;

  /** The server refused the credentials: wrong password, or no such role. */
  public static final int AUTHENTICATION_FAILED = 7;

  /** The database does not exist on the server ({@code migrate --create-database} creates it). */
  public static final int DATABASE_MISSING = 8;

  /**
   * {@code seed} refused to load: the database is marked as production and {@code --force} was not
   * given, the dataset changed under a version already applied (drift), or a newer version was
   * applied. Nothing was loaded.
   */
  public static final int SEED_REFUSED = 9;

  /**
   * {@code seed} failed: the dataset is invalid, the database is not migrated, or a constraint
   * refused a row. The run was rolled back; nothing was loaded.
   */
  public static final int SEED_FAILED = 10;

  /** {@code status}: an applied migration's script changed after it was applied (checksum mismatch). */
  public static final int CHECKSUM_MISMATCH = 11;

  /**
   * {@code rollback} refused, nothing changed: unknown target, missing reverse script, migrations
   * this build does not know, a failed migration in the history, an edited script, or below the
   * baseline.
   */
  public static final int ROLLBACK_REFUSED = 12;

  /** {@code baseline} refused, nothing recorded: the tables differ from the baseline version, or there is nothing to adopt. */
  public static final int BASELINE_REFUSED = 13;

  /** {@code reset} refused, nothing dropped: production database not forced and confirmed, or no seed available. */
  public static final int RESET_REFUSED = 14;

  /** Another migrate, rollback, baseline or reset held the schema lock too long; nothing changed. */
  public static final int SCHEMA_LOCKED = 15;

  /** {@code lint}: a migration script has a finding of severity error (see the findings printed). */
  public static final int LINT_FAILED = 16;

  /**
   * {@code lint} cannot run: libpg_query, PostgreSQL's parser as a library, cannot be loaded
   * (install the package {@code libpg-query1504.0} on Debian and Ubuntu).
   */
  public static final int LINT_UNAVAILABLE = 17;

  /**
   * A migration gave up waiting for a lock another session holds ({@code lock_timeout}) on every
   * attempt; it was rolled back.
   */
  public static final int LOCK_TIMEOUT = 20;

  /** An index is invalid: the remains of a failed {@code CREATE INDEX CONCURRENTLY} (status, smoke-test). */
  public static final int INVALID_INDEX = 21;

  /** {@code smoke-test}: a post-migrate check failed. */
  public static final int SMOKE_TEST_FAILED = 22;

  private ExitCodes() {
  }

  /**
   * Returns every exit code with a one-line description, in ascending order: what {@code --help}
   * prints under "Exit codes".
   *
   * @return an unmodifiable map from code to description
   */
  public static Map<Integer, String> descriptions() {
    Map<Integer, String> codes = new LinkedHashMap<>();
    codes.put(OK, "success (status: up to date)");
    codes.put(UNEXPECTED, "unexpected error");
    codes.put(USAGE, "usage error: bad command, option or database URL");
    codes.put(PENDING, "status: migrations are pending");
    codes.put(MIGRATION_FAILED, "a migration failed");
    codes.put(VALIDATION_FAILED, "applied migrations do not match this build");
    codes.put(DATABASE_UNREACHABLE, "database server unreachable");
    codes.put(AUTHENTICATION_FAILED, "authentication failed");
    codes.put(DATABASE_MISSING, "database does not exist");
    codes.put(SEED_REFUSED, "seed refused: production database, dataset drift or older version");
    codes.put(SEED_FAILED, "seed failed and was rolled back");

    codes.put(CHECKSUM_MISMATCH, "status: an applied script changed since (checksum mismatch)");
    codes.put(ROLLBACK_REFUSED, "rollback refused; nothing changed");
    codes.put(BASELINE_REFUSED, "baseline refused; nothing recorded");
    codes.put(RESET_REFUSED, "reset refused; nothing dropped");
    codes.put(SCHEMA_LOCKED, "another schema change holds the lock");
    codes.put(LINT_FAILED, "lint: a migration has an error finding");
    codes.put(LINT_UNAVAILABLE, "lint: libpg_query is not installed (package libpg-query1504.0)");
    codes.put(LOCK_TIMEOUT, "a migration timed out waiting for a table lock (lock_timeout); rolled back");
    codes.put(INVALID_INDEX, "status: an index is invalid (failed CREATE INDEX CONCURRENTLY)");
    codes.put(SMOKE_TEST_FAILED, "smoke-test: a post-migrate check failed");
    return java.util.Collections.unmodifiableMap(codes);
  }
}
