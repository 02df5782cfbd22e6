package dev.carriers.schema.lifecycle;

import java.util.List;

/**
 * What a dry-run found: each pending migration, run inside one transaction that was then rolled
 * back.
 *
 * @param currentVersion the database's version (unchanged by the dry-run), or null when empty
 * @param migrations the pending migrations, oldest first
 */
public record DryRunReport(String currentVersion, List<DryRunMigration> migrations) {

  /**
   * Creates a report.
   *
   * @param currentVersion the version
   * @param migrations the migrations, copied
   */
  public DryRunReport {
    migrations = List.copyOf(migrations);
  }

  /** Returns true when a migration failed in the dry-run: a real migrate would fail too. */
  public boolean hasFailure() {
    return migrations.stream().anyMatch(migration -> migration.outcome() == DryRunOutcome.FAILED);
  }
}
