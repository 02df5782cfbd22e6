package dev.carriers.schema.lifecycle;

import java.util.List;

/**
 * What a rollback did.
 *
 * @param initialVersion the version before
 * @param currentVersion the version after, or null when nothing is applied any more
 * @param rolledBackVersions the versions undone, newest first
 */
public record RollbackResult(String initialVersion, String currentVersion, List<String> rolledBackVersions) {

  /**
   * Creates a result.
   *
   * @param initialVersion the version before
   * @param currentVersion the version after
   * @param rolledBackVersions the versions undone, copied
   */
  public RollbackResult {
    rolledBackVersions = List.copyOf(rolledBackVersions);
  }
}
