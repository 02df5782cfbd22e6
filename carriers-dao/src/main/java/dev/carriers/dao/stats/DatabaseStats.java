package dev.carriers.dao.stats;

import dev.carriers.dao.stats.internal.StatsRun;

/**
 * Health checks of a PostgreSQL database in the manner of PgHero and heroku pg-extras: cache hit
 * ratio, unused, duplicate and invalid indexes, table and index bloat, sequential scans,
 * long-running queries, idle transactions, blocking locks, connections, transaction ID wraparound,
 * autovacuum lag, replication lag and the top statements of {@code pg_stat_statements}
 * ({@link StatsCheck}). Each result has a status against thresholds, a one-line summary and a
 * one-line fix; {@code carriers stats} prints them and exits 40 (WARN), 41 (CRITICAL) or 42 (a
 * check could not run).
 *
 * <pre>{@code
 * StatsReport report = DatabaseStats.configure().dataSource(dataSource).load().run();
 * if (report.status() != CheckStatus.OK) {
 *   report.results().forEach(r -> log.warn("{} {}: {}; fix: {}", r.status(), r.check().key(), r.summary(), r.fix()));
 * }
 * }</pre>
 *
 * <p>Read-only: each run takes one connection, sets it read only with the configured
 * {@code statement_timeout} and {@code lock_timeout}, runs each check's catalog queries, and gives
 * the connection back. A check that fails (permission denied, a timeout) is reported as
 * {@link CheckStatus#ERROR} and the others still run; only a database that cannot be reached at all
 * throws. Works on a primary and on a standby. Immutable and thread-safe.
 */
public final class DatabaseStats {

  private final StatsConfiguration configuration;

  DatabaseStats(StatsConfiguration configuration) {
    this.configuration = configuration;
  }

  /**
   * Starts a configuration. Set a data source, then {@link StatsConfiguration#load()}.
   *
   * @return the defaults
   */
  public static StatsConfiguration configure() {
    return new StatsConfiguration();
  }

  /**
   * Runs the configured checks.
   *
   * @return the report
   * @throws dev.carriers.dao.DatabaseUnavailableException if no connection can be had
   * @throws dev.carriers.dao.CarriersDataAccessException if the connection cannot be prepared
   */
  public StatsReport run() {
    return StatsRun.run(configuration);
  }

  /** Returns the configuration. */
  public StatsConfiguration configuration() {
    return configuration;
  }
}
