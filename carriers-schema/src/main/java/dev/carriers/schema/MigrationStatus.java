package dev.carriers.schema;

import java.util.List;

/**
 * The state of a database's migrations: every migration known to the build or recorded in the
 * database, oldest first.
 *
 * @param currentVersion the latest applied version, or null for an empty database
 * @param migrations every migration, oldest first
 */
public record MigrationStatus(String currentVersion, List<MigrationEntry> migrations) {

  /**
   * Creates a status.
   *
   * @param currentVersion the latest applied version, or null
   * @param migrations the migrations, copied
   */
  public MigrationStatus {
    migrations = List.copyOf(migrations);
  }

  /** Returns the migrations in a given state. */
  public List<MigrationEntry> inState(MigrationState state) {
    return migrations.stream().filter(migration -> migration.state() == state).toList();
  }

  /** Returns the migrations not applied yet. */
  public List<MigrationEntry> pending() {
    return inState(MigrationState.PENDING);
  }

  /** Returns the applied migrations whose script was edited after it was applied. */
  public List<MigrationEntry> checksumMismatches() {
    return migrations.stream().filter(MigrationEntry::checksumMismatch).toList();
  }

  /**
   * Returns true when nothing is pending, failed or unknown to this build and no applied script was
   * edited since.
   */
  public boolean isUpToDate() {
    return migrations.stream().noneMatch(migration -> migration.state() == MigrationState.PENDING
        || migration.state() == MigrationState.FAILED || migration.state() == MigrationState.UNKNOWN
        || migration.checksumMismatch());
  }
}
