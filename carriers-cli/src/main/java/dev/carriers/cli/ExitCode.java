package dev.carriers.cli;

import dev.carriers.ErrorKind;
import java.util.List;

/**
 * The exit codes of the {@code carriers} command: the one place each code, its one-line description
 * (what {@code --help} lists under "Exit codes") and the {@link ErrorKind}s it stands for are defined,
 * as Flyway's {@code ErrorCode} carries its exit code. Scripts may rely on them: a number never
 * changes meaning, and a new kind of outcome gets a new constant, one line here.
 *
 * <p>An enum; thread-safe.
 */
public enum ExitCode {

  /** Success; for {@code status}: the database is up to date. */
  OK(0, "success (status: up to date)"),

  /** An unexpected error: a bug, or a failure of a kind no other code stands for. */
  UNEXPECTED(1, "unexpected error"),

  /**
   * Usage error: unknown command or option, missing or bad option value, a database URL (from
   * {@code --url} or {@code DATABASE_URL}) that cannot be parsed, or a {@code lint --dir} that cannot
   * be read. The same code picocli uses.
   */
  USAGE(2, "usage error: bad command, option or database URL", ErrorKind.INVALID_DATABASE_URL),

  /** {@code status}: migrations are pending (nothing failed); {@code validate} reports them as {@link #VALIDATION_FAILED}. */
  PENDING(3, "status: migrations are pending"),

  /** A migration or reverse script failed (and was rolled back), or the history records a failed one. */
  MIGRATION_FAILED(4, "a migration failed", ErrorKind.MIGRATION_FAILED, ErrorKind.ROLLBACK_FAILED),

  /**
   * The applied migrations do not match this build's scripts: a script changed after it was applied,
   * or the database has migrations this build does not know (it was migrated by a newer build).
   */
  VALIDATION_FAILED(5, "applied migrations do not match this build", ErrorKind.MIGRATION_MISMATCH),

  /** The database server cannot be reached: refused, timed out, unknown host, or connection lost. */
  DATABASE_UNREACHABLE(6, "database server unreachable", ErrorKind.DATABASE_UNAVAILABLE),

  /** The server refused the credentials: wrong password, or no such role. */
  AUTHENTICATION_FAILED(7, "authentication failed", ErrorKind.AUTHENTICATION_FAILED),

  /** The database does not exist on the server ({@code migrate --create-database} creates it). */
  DATABASE_MISSING(8, "database does not exist", ErrorKind.DATABASE_MISSING),

  /**
   * {@code seed} refused to load: the database is marked as production and {@code --force} was not
   * given, the dataset changed under a version already applied (drift), or a newer version was
   * applied. Nothing was loaded.
   */
  SEED_REFUSED(9, "seed refused: production database, dataset drift or older version", ErrorKind.SEED_REFUSED),

  /**
   * {@code seed} failed: the dataset is invalid, the database is not migrated, or a constraint
   * refused a row. The run was rolled back; nothing was loaded.
   */
  SEED_FAILED(10, "seed failed and was rolled back", ErrorKind.SEED_INVALID, ErrorKind.SEED_FAILED),

  /** {@code status}: an applied migration's script changed after it was applied (checksum mismatch). */
  CHECKSUM_MISMATCH(11, "status: an applied script changed since (checksum mismatch)"),

  /**
   * {@code rollback} refused, nothing changed: unknown target, missing reverse script, migrations
   * this build does not know, a failed migration in the history, an edited script, or below the
   * baseline.
   */
  ROLLBACK_REFUSED(12, "rollback refused; nothing changed", ErrorKind.ROLLBACK_REFUSED),

  /** {@code baseline} refused, nothing recorded: the tables differ from the baseline version, or there is nothing to adopt. */
  BASELINE_REFUSED(13, "baseline refused; nothing recorded", ErrorKind.BASELINE_REFUSED),

  /** {@code reset} refused, nothing dropped: a production database not forced and confirmed, or clean not enabled. */
  RESET_REFUSED(14, "reset refused; nothing dropped", ErrorKind.CLEAN_REFUSED),

  /** Another migrate, rollback, baseline or reset held the schema lock too long; nothing changed. */
  SCHEMA_LOCKED(15, "another schema change holds the lock", ErrorKind.SCHEMA_LOCKED),

  /** {@code lint}: a migration script has a finding of severity error (see the findings printed). */
  LINT_FAILED(16, "lint: a migration has an error finding"),

  /**
   * {@code lint} cannot run: libpg_query, PostgreSQL's parser as a library, cannot be loaded
   * (install the package {@code libpg-query1504.0} on Debian and Ubuntu).
   */
  LINT_UNAVAILABLE(17, "lint: libpg_query is not installed (package libpg-query1504.0)", ErrorKind.LINT_UNAVAILABLE),

  /**
   * A migration gave up waiting for a lock another session holds ({@code lock_timeout}) on every
   * attempt; it was rolled back.
   */
  LOCK_TIMEOUT(20, "a migration timed out waiting for a table lock (lock_timeout); rolled back", ErrorKind.LOCK_TIMEOUT),

  /** An index is invalid: the remains of a failed {@code CREATE INDEX CONCURRENTLY} (status, smoke-test). */
  INVALID_INDEX(21, "status: an index is invalid (failed CREATE INDEX CONCURRENTLY)"),

  /** {@code smoke-test}: a post-migrate check failed. */
  SMOKE_TEST_FAILED(22, "smoke-test: a post-migrate check failed"),

  /** {@code stats}: a check is past its warning threshold (none critical, none failed to run). */
  STATS_WARN(40, "stats: a check is at WARN"),

  /** {@code stats}: a check is past its critical threshold (whatever the others say). */
  STATS_CRITICAL(41, "stats: a check is CRITICAL"),

  /**
   * {@code stats}: a check could not run at all (permission denied, its statement timed out), and
   * none is critical: its answer is unknown. An unreachable database is {@link #DATABASE_UNREACHABLE}.
   */
  STATS_CHECK_FAILED(42, "stats: a check could not run (and none is CRITICAL)");

  private final int code;
  private final String description;
  private final List<ErrorKind> kinds;

  ExitCode(int code, String description, ErrorKind... kinds) {
    this.code = code;
    this.description = description;
    this.kinds = List.of(kinds);
  }

  /**
   * Returns the exit code a kind of failure has: the constant that stands for it, else
   * {@link #UNEXPECTED} (the DAO's data failures, say, which no command lets through).
   *
   * @param kind the kind of a {@link dev.carriers.CarriersException}
   * @return the exit code, never null
   */
  public static ExitCode of(ErrorKind kind) {
    for (ExitCode exitCode : values()) {
      if (exitCode.kinds.contains(kind)) {
        return exitCode;
      }
    }
    return UNEXPECTED;
  }

  /** Returns the number the process exits with. */
  public int code() {
    return code;
  }

  /** Returns the one-line description {@code --help} lists. */
  public String description() {
    return description;
  }

  /** Returns the kinds of failure this code stands for; empty for the outcomes that are not failures of a kind. */
  public List<ErrorKind> kinds() {
    return kinds;
  }
}
