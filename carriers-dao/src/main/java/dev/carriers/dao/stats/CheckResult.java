package dev.carriers.dao.stats;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link StatsCheck} found.
 *
 * @param check the check
 * @param status its status
 * @param value its measure, in {@link StatsCheck#unit()} (the worst of its findings, or how many
 *     there are for a counting check); null when it could not be measured
 * @param threshold the thresholds it was judged by
 * @param summary one line on what it found
 * @param fix one line on what to do about it; for {@link CheckStatus#UNAVAILABLE} and
 *     {@link CheckStatus#ERROR}, how to make it run
 * @param findings what it measured, the worst first: every subject at WARN or worse (at most
 *     {@link StatsConfiguration#maxFindings()}), and for the listing checks (top statements,
 *     connections) the top ones whatever their status
 */
public record CheckResult(StatsCheck check, CheckStatus status, Double value, Threshold threshold, String summary,
    String fix, List<Finding> findings) {

  /**
   * Checks and copies the fields.
   *
   * @throws NullPointerException if a field other than value is null
   */
  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(fix, "fix");
    findings = List.copyOf(findings);
  }
}
