package dev.carriers.schema.lifecycle;

import java.util.List;

/**
 * The database has applied migrations this build does not know (a newer build migrated it); this
 * build cannot undo them, so the rollback is refused before anything is changed.
 */
public class UnknownAppliedMigrationException extends RollbackRefusedException {

  private static final long serialVersionUID = 1L;

  private final List<String> versions;

  /**
   * Creates the exception.
   *
   * @param operation the refused operation
   * @param versions the unknown applied versions
   */
  public UnknownAppliedMigrationException(String operation, List<String> versions) {
    super(operation + " refused: the database has migrations this build does not know: version "
        + String.join(", ", versions) + "; use the build that applied them");
    this.versions = List.copyOf(versions);
  }

  /** Returns the applied versions this build has no script for. */
  public List<String> versions() {
    return versions;
  }
}
