package dev.carriers.schema.lifecycle;

import java.util.List;

/**
 * One pending migration in a dry-run.
 *
 * @param version the version
 * @param description the description
 * @param script the script's file name
 * @param sql the script's SQL
 * @param outcome what happened
 * @param durationMillis how long it ran, 0 when it did not run
 * @param locks the locks it took that no earlier migration of the run already held
 * @param error the error, or null
 */
public record DryRunMigration(String version, String description, String script, String sql,
    DryRunOutcome outcome, long durationMillis, List<LockTaken> locks, String error) {

  /**
   * Creates an entry.
   *
   * @param version the version
   * @param description the description
   * @param script the file name
   * @param sql the SQL
   * @param outcome the outcome
   * @param durationMillis the duration
   * @param locks the locks, copied
   * @param error the error, or null
   */
  public DryRunMigration {
    locks = List.copyOf(locks);
  }
}
