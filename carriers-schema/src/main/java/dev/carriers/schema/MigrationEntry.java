package dev.carriers.schema;

import java.time.Instant;

/**
 * One migration as {@link CarriersMigrations#info()} sees it.
 *
 * @param version the version, such as {@code 2}; null for a repeatable migration
 * @param description the description from the file name, such as {@code add carrier status enum}
 * @param script the script's file name
 * @param checksum Flyway's checksum of the script (of the applied script if applied); may be null
 * @param state where it stands
 * @param installedBy the database role that applied it, or null when pending
 * @param installedOn when it was applied, or null when pending
 * @param executionTimeMillis how long applying it took, or null when pending
 * @param scriptChecksum Flyway's checksum of this build's script, or null when the build has no
 *     such script; differs from {@code checksum} when the script was edited after it was applied
 */
public record MigrationEntry(
    String version,
    String description,
    String script,
    Integer checksum,
    MigrationState state,
    String installedBy,
    Instant installedOn,
    Integer executionTimeMillis,
    Integer scriptChecksum) {

  /**
   * Creates an entry whose script is unchanged since it was applied.
   *
   * @param version the version
   * @param description the description
   * @param script the file name
   * @param checksum the checksum
   * @param state the state
   * @param installedBy who applied it
   * @param installedOn when
   * @param executionTimeMillis how long it took
   */
  public MigrationEntry(String version, String description, String script, Integer checksum,
      MigrationState state, String installedBy, Instant installedOn, Integer executionTimeMillis) {
    this(version, description, script, checksum, state, installedBy, installedOn, executionTimeMillis, checksum);
  }

  /** Returns true when the script was edited after it was applied (its checksum changed). */
  public boolean checksumMismatch() {
    return installedOn != null && checksum != null && scriptChecksum != null && !checksum.equals(scriptChecksum);
  }
}
