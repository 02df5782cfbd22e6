package dev.carriers.lint;

/**
 * How serious a finding is. Errors fail {@code carriers lint} (a non-zero exit code); warnings are
 * reported only.
 *
 * <p>Immutable; thread-safe.
 */
public enum Severity {

  /** Fails the lint: the operation blocks or breaks a busy database, or a suppression is malformed. */
  ERROR,

  /** Reported, does not fail the lint: a type or habit with a better alternative. */
  WARNING;

  /** Returns the name as printed: {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
