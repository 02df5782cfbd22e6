package dev.carriers.dao.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link DatabaseStats#run()}: each check's result, in {@link StatsCheck} order.
 *
 * @param database the database checked (its name)
 * @param serverVersion the server's version, such as {@code 15.20}
 * @param standby whether the server is a standby (in recovery)
 * @param checkedAt when the checks ran
 * @param results the checks' results
 */
public record StatsReport(String database, String serverVersion, boolean standby, Instant checkedAt,
    List<CheckResult> results) {

  /**
   * Checks and copies the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public StatsReport {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(serverVersion, "serverVersion");
    Objects.requireNonNull(checkedAt, "checkedAt");
    results = List.copyOf(results);
  }

  /**
   * Returns the most severe status of any check: {@link CheckStatus#OK} when every check is OK or
   * unavailable.
   *
   * @return the status
   */
  public CheckStatus status() {
    CheckStatus worst = CheckStatus.OK;
    for (CheckResult result : results) {
      worst = worst.worse(result.status());
    }
    return worst == CheckStatus.UNAVAILABLE ? CheckStatus.OK : worst;
  }

  /**
   * Returns one check's result.
   *
   * @param check the check
   * @return its result
   * @throws IllegalArgumentException if the check did not run
   */
  public CheckResult result(StatsCheck check) {
    return results.stream().filter(result -> result.check() == check).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(check.key() + " did not run"));
  }
}
