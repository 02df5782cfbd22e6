package dev.carriers;

import java.util.Objects;

/**
 * Root of every exception the carriers library throws. Unchecked, as jOOQ's
 * {@code DataAccessException} and Flyway's {@code FlywayException} are; the cause is always kept.
 *
 * <p>Abstract: each failure has a named subclass in its feature's package
 * ({@code DuplicateMcNumberException}, {@code MigrationLockTimeoutException}, ...), and each says
 * what kind of failure it is through {@link #kind()}, as Flyway's {@code getErrorCode()} does, so
 * that a caller (the CLI's exit code, a retry policy, an alert) can act on the kind without an
 * {@code instanceof} chain.
 */
public abstract class CarriersException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  /**
   * Creates an exception.
   *
   * @param kind what kind of failure this is
   * @param message what happened, naming the operation and the field; never a password
   * @param cause the underlying failure, or null
   */
  protected CarriersException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Returns what kind of failure this is.
   *
   * @return the kind, never null
   */
  public final ErrorKind kind() {
    return kind;
  }
}
