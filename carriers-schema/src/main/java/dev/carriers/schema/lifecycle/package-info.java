/**
 * The migration lifecycle beyond Flyway's free edition: what {@link dev.carriers.schema.CarriersMigrations}
 * returns and throws for rollback, dry-run, baseline, clean and the audit trail.
 */
package dev.carriers.schema.lifecycle;
