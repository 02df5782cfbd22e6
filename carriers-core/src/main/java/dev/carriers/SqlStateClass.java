package dev.carriers;

import java.sql.SQLException;

/**
 * The one place a PostgreSQL SQLState is classified, in the shape of jOOQ's {@code SQLStateClass}:
 * {@link #fromCode(String)} maps a five-character SQLState to what it means for the library. Every
 * translator (the DAO's, the migrations', the seeder's, the CLI's) asks this enum; none keeps its
 * own list of codes.
 *
 * <p>Most constants are a class (the first two characters, {@code 08}, {@code 28}); where the
 * library must tell members of a class apart it names the subclass ({@code 23505} unique,
 * {@code 57014} cancelled), and those are matched first. Codes: PostgreSQL's Appendix A.
 *
 * <p>An enum; thread-safe.
 */
public enum SqlStateClass {

  /**
   * The server cannot be used now: class 08 (connection exception: refused, lost, protocol), the
   * server ended or refused the session (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
   * connect now, 57P04 database dropped, 57P05 idle-session timeout), or 53300 too many connections.
   */
  CONNECTION_UNAVAILABLE(ErrorKind.DATABASE_UNAVAILABLE, "08", "57P01", "57P02", "57P03", "57P04", "57P05", "53300"),

  /** Class 28, invalid authorization: wrong password, no such role, refused by pg_hba.conf. */
  AUTHENTICATION_FAILED(ErrorKind.AUTHENTICATION_FAILED, "28"),

  /** 3D000 invalid_catalog_name: the database does not exist. */
  DATABASE_MISSING(ErrorKind.DATABASE_MISSING, "3D000"),

  /** 42P04 duplicate_database: {@code CREATE DATABASE} of a database that exists. */
  DUPLICATE_DATABASE(null, "42P04"),

  /** 42501 insufficient_privilege: the role lacks a grant. */
  INSUFFICIENT_PRIVILEGE(null, "42501"),

  /** 42P01 undefined_table: a table the statement names does not exist (not migrated yet, say). */
  UNDEFINED_TABLE(null, "42P01"),

  /** 23505 unique_violation. */
  UNIQUE_VIOLATION(null, "23505"),

  /** 23502 not_null_violation. */
  NOT_NULL_VIOLATION(null, "23502"),

  /** 23503 foreign_key_violation. */
  FOREIGN_KEY_VIOLATION(null, "23503"),

  /** 23514 check_violation. */
  CHECK_VIOLATION(null, "23514"),

  /** Any other member of class 23, integrity constraint violation (such as 23P01 exclusion). */
  INTEGRITY_CONSTRAINT_VIOLATION(null, "23"),

  /** 22001 string_data_right_truncation: a value is longer than its column. */
  STRING_DATA_RIGHT_TRUNCATION(null, "22001"),

  /** 22P02 invalid_text_representation: a value is malformed for its type. */
  INVALID_TEXT_REPRESENTATION(null, "22P02"),

  /** 22021 character_not_in_repertoire: a byte sequence the encoding refuses, such as NUL. */
  CHARACTER_NOT_IN_REPERTOIRE(null, "22021"),

  /** Any other member of class 22, data exception. */
  DATA_EXCEPTION(null, "22"),

  /** 40001 serialization_failure: rolled back, may be retried. */
  SERIALIZATION_FAILURE(null, "40001"),

  /** 40P01 deadlock_detected: rolled back, may be retried. */
  DEADLOCK_DETECTED(null, "40P01"),

  /** 55P03 lock_not_available: {@code lock_timeout} expired, or {@code NOWAIT}. */
  LOCK_NOT_AVAILABLE(null, "55P03"),

  /** 57014 query_canceled: {@code statement_timeout} expired, or the statement was cancelled. */
  QUERY_CANCELED(null, "57014"),

  /** Anything else, and a missing SQLState. */
  OTHER(null);

  private static final SqlStateClass[] VALUES = values();

  private final ErrorKind environmentKind;
  private final String[] codes;

  SqlStateClass(ErrorKind environmentKind, String... codes) {
    this.environmentKind = environmentKind;
    this.codes = codes;
  }

  /**
   * Classifies a SQLState: its subclass if this enum names it, else its class, else {@link #OTHER}.
   *
   * @param sqlState a five-character SQLState, or null
   * @return the classification, never null
   */
  public static SqlStateClass fromCode(String sqlState) {
    if (sqlState == null || sqlState.length() < 2) {
      return OTHER;
    }
    for (SqlStateClass candidate : VALUES) {
      for (String code : candidate.codes) {
        if (code.length() == 5 && code.equals(sqlState)) {
          return candidate;
        }
      }
    }
    for (SqlStateClass candidate : VALUES) {
      for (String code : candidate.codes) {
        if (code.length() == 2 && sqlState.startsWith(code)) {
          return candidate;
        }
      }
    }
    return OTHER;
  }

  /**
   * Classifies the first SQLState in a failure's cause chain.
   *
   * @param failure any throwable, or null
   * @return the classification of {@link #sqlStateOf(Throwable)}
   */
  public static SqlStateClass of(Throwable failure) {
    return fromCode(sqlStateOf(failure));
  }

  /**
   * Returns the first SQLState set in a failure's cause chain (jOOQ's {@code DataAccessException}
   * and Flyway's exceptions wrap pgjdbc's), looking at most 32 causes deep.
   *
   * @param failure any throwable, or null
   * @return the SQLState, or null when none is set
   */
  public static String sqlStateOf(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  /**
   * Tells whether this SQLState says the environment failed (the server, the credentials, the
   * database) rather than the statement: such a failure has {@link #environmentKind()} whatever
   * operation it interrupted.
   *
   * @return true for {@link #CONNECTION_UNAVAILABLE}, {@link #AUTHENTICATION_FAILED} and
   *     {@link #DATABASE_MISSING}
   */
  public boolean isEnvironment() {
    return environmentKind != null;
  }

  /**
   * Returns the error kind of an environment failure.
   *
   * @return the kind, or null when {@link #isEnvironment()} is false
   */
  public ErrorKind environmentKind() {
    return environmentKind;
  }

  /**
   * Tells whether this is an integrity constraint violation (class 23).
   *
   * @return true for the class-23 constants
   */
  public boolean isIntegrityViolation() {
    switch (this) {
      case UNIQUE_VIOLATION:
      case NOT_NULL_VIOLATION:
      case FOREIGN_KEY_VIOLATION:
      case CHECK_VIOLATION:
      case INTEGRITY_CONSTRAINT_VIOLATION:
        return true;
      default:
        return false;
    }
  }

  /**
   * Tells whether running the whole transaction again may succeed: a serialization failure or a
   * deadlock.
   *
   * @return true for {@link #SERIALIZATION_FAILURE} and {@link #DEADLOCK_DETECTED}
   */
  public boolean isTransactionConflict() {
    return this == SERIALIZATION_FAILURE || this == DEADLOCK_DETECTED;
  }
}
