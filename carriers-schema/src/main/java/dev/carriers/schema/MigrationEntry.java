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
 */
public record MigrationEntry(
    String version,
    String description,
    String script,
    Integer checksum,
    MigrationState state,
    String installedBy,
    Instant installedOn,
    Integer executionTimeMillis) {
}
