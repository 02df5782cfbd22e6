/**
 * Watching migrations run: {@link dev.carriers.schema.monitoring.MigrationListener} receives each
 * migration's outcome and duration, and {@link dev.carriers.schema.monitoring.MicrometerMigrationListener}
 * turns them into Micrometer metrics when Micrometer is on the class path.
 */
package dev.carriers.schema.monitoring;
