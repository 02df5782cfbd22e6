package dev.carriers.dao.stats;

import dev.carriers.SettingCheck;

/**
 * A check's thresholds, in the check's {@link StatsCheck#unit()}: from {@code warn} it is
 * {@link CheckStatus#WARN}, from {@code critical} {@link CheckStatus#CRITICAL} (for a check where
 * lower is worse, such as the cache hit ratio, at or below them); {@code floor} leaves out what is
 * too small to matter (an unused index smaller than the floor's bytes, a table with fewer live rows),
 * as each check's {@link StatsCheck#floorMeaning()} says. An infinite threshold is never reached.
 *
 * @param warn where the check starts to warn
 * @param critical where it turns critical
 * @param floor what each check leaves out below; 0 for none
 */
public record Threshold(double warn, double critical, double floor) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a value is NaN or the floor is negative
   */
  public Threshold {
    SettingCheck.require(!Double.isNaN(warn) && !Double.isNaN(critical), "a threshold of NaN",
        "give a number, or Infinity for never");
    SettingCheck.require(floor >= 0 && !Double.isNaN(floor) && !Double.isInfinite(floor), "a floor of " + floor,
        "give 0 or more");
  }

  /**
   * Classifies a value.
   *
   * @param value the value, in the check's unit
   * @param lowerIsWorse whether smaller values are worse
   * @return {@link CheckStatus#OK}, {@link CheckStatus#WARN} or {@link CheckStatus#CRITICAL}
   */
  public CheckStatus classify(double value, boolean lowerIsWorse) {
    if (lowerIsWorse ? value <= critical : value >= critical) {
      return CheckStatus.CRITICAL;
    }
    if (lowerIsWorse ? value <= warn : value >= warn) {
      return CheckStatus.WARN;
    }
    return CheckStatus.OK;
  }
}
