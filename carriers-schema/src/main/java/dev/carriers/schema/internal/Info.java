package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationEntry;
import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationState;
import dev.carriers.schema.MigrationStatus;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Lists every migration and where it stands, from Flyway's info, in the library's own terms
 * ({@link MigrationState}).
 *
 * <p>Thread-safe: one call per listing, no shared state.
 *
 * @param context the shared context
 */
public record Info(LifecycleContext context) {

  /**
   * Reads the status.
   *
   * @return every migration of the build or the history, and the current version
   * @throws MigrationException if the database cannot be read
   */
  public MigrationStatus run() {
    MigrationInfoService info = context.withFlyway("status failed", Flyway::info);
    List<MigrationEntry> entries = new ArrayList<>();
    for (MigrationInfo migration : info.all()) {
      entries.add(new MigrationEntry(
          migration.getVersion() == null ? null : migration.getVersion().getVersion(),
          migration.getDescription(),
          migration.getScript(),
          migration.getChecksum(),
          stateOf(migration),
          migration.getInstalledBy(),
          migration.getInstalledOn() == null ? null : migration.getInstalledOn().toInstant(),
          migration.getExecutionTime(),
          migration.getResolvedChecksum()));
    }
    MigrationInfo current = info.current();
    return new MigrationStatus(
        current == null || current.getVersion() == null ? null : current.getVersion().getVersion(), entries);
  }

  private static MigrationState stateOf(MigrationInfo migration) {
    org.flywaydb.core.api.MigrationState state = migration.getState();
    if (state.isFailed()) {
      return MigrationState.FAILED;
    }
    switch (state) {
      case PENDING:
        return MigrationState.PENDING;
      case BASELINE:
        return MigrationState.BASELINE;
      case BELOW_BASELINE:
      case BASELINE_IGNORED:
        return MigrationState.BELOW_BASELINE;
      case IGNORED:
        return MigrationState.IGNORED;
      default:
        break;
    }
    if (state.isApplied() && !state.isResolved()) {
      return MigrationState.UNKNOWN;
    }
    if (state == org.flywaydb.core.api.MigrationState.SUCCESS) {
      return MigrationState.APPLIED;
    }
    return MigrationState.OTHER;
  }
}
