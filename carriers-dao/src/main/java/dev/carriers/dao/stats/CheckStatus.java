package dev.carriers.dao.stats;

/**
 * How a {@link StatsCheck} came out. The order of the constants is their severity, least first:
 * a report's status is its most severe check's ({@link StatsReport#status()}).
 */
public enum CheckStatus {

  /** Within the thresholds. */
  OK,

  /**
   * Could not be measured for a reason the check's fix says how to remove (pg_stat_statements not
   * installed): not a problem of the database's health, so it raises no alert.
   */
  UNAVAILABLE,

  /** Past the warning threshold: look at it soon. */
  WARN,

  /**
   * The check failed to run (permission denied, a statement timeout): its answer is unknown, which
   * may hide a critical one.
   */
  ERROR,

  /** Past the critical threshold: act now. */
  CRITICAL;

  /**
   * Returns the more severe of two statuses.
   *
   * @param other the other status
   * @return this or other, whichever is more severe
   */
  public CheckStatus worse(CheckStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
