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

  /** {@code status}: migrations are pending (nothing failed). */
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
    return java.util.Collections.unmodifiableMap(codes);
  }
}
