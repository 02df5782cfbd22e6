/**
 * Database health checks in the manner of PgHero and pg-extras, as a library ({@link
 * dev.carriers.dao.stats.DatabaseStats}) for services, cron jobs and the {@code carriers stats}
 * command: each check measured against thresholds, with a status, a summary and a fix.
 */
package dev.carriers.dao.stats;
