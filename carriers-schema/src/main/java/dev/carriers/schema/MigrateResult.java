package dev.carriers.schema;

import java.util.List;

/**
 * What {@link CarriersMigrations#migrate()} did.
 *
 * @param initialVersion the version before, or null for an empty database
 * @param targetVersion the version after, or null when nothing is applied
 * @param appliedVersions the versions applied by this call, oldest first; empty when up to date
 */
public record MigrateResult(String initialVersion, String targetVersion, List<String> appliedVersions) {

  /**
   * Creates a result.
   *
   * @param initialVersion the version before
   * @param targetVersion the version after
   * @param appliedVersions the versions applied, copied
   */
  public MigrateResult {
    appliedVersions = List.copyOf(appliedVersions);
  }

  /** Returns how many migrations this call applied. */
  public int migrationsApplied() {
    return appliedVersions.size();
  }
}
