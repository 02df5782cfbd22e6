package dev.carriers.dao.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.carriers.dao.CarriersHealth;
import dev.carriers.dao.stats.internal.ServerActivity;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationEntry;
import dev.carriers.schema.MigrationStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Checks the database for {@code Carriers.health()}: a {@code select 1} with its round trip, the
 * pool's counters (and acquire-time percentile when metered), the server's connection use and the
 * longest open transaction ({@link ServerActivity}, one more small query on the same connection),
 * and the migration state, which is read (a Flyway scan plus a query of the history table) at most
 * once per cache period because services call health every few seconds.
 *
 * <p>Thread-safe.
 */
public final class HealthProbe {

  private final DataSource dataSource;
  private final HikariDataSource pool;
  private final CarriersMigrations migrations;
  private final Duration schemaTtl;
  private final Clock clock;
  private final int queryTimeoutSeconds;
  private final DaoMeters meters;

  private volatile CarriersHealth.Schema cachedSchema;

  /**
   * Creates a probe.
   *
   * @param dataSource where to check
   * @param pool the same data source if it is a HikariCP pool, else null
   * @param schemaTtl how long a schema state read from the database is reused
   * @param queryTimeoutSeconds the timeout of the {@code select 1}
   */
  public HealthProbe(DataSource dataSource, HikariDataSource pool, Duration schemaTtl, int queryTimeoutSeconds) {
    this(dataSource, pool, schemaTtl, queryTimeoutSeconds, DaoMeters.NONE);
  }

  /**
   * Creates a probe that also reports the pool's acquire-time percentile from the meters.
   *
   * @param dataSource where to check
   * @param pool the same data source if it is a HikariCP pool, else null
   * @param schemaTtl how long a schema state read from the database is reused
   * @param queryTimeoutSeconds the timeout of each query
   * @param meters the DAO's meters
   */
  public HealthProbe(DataSource dataSource, HikariDataSource pool, Duration schemaTtl, int queryTimeoutSeconds,
      DaoMeters meters) {
    this.dataSource = dataSource;
    this.pool = pool;
    this.meters = meters;
    // Only info() runs here: no migration listener, and so no meter on Micrometer's global registry.
    this.migrations = CarriersMigrations.configure().dataSource(dataSource).globalMetrics(false).load();
    this.schemaTtl = schemaTtl;
    this.clock = Clock.systemUTC();
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  /**
   * Checks now.
   *
   * @return the health
   */
  public CarriersHealth check() {
    // The pool before this check waits for a connection itself: when the pool is saturated, the
    // threads queued now are the application's.
    CarriersHealth.Pool before = pool();
    Duration roundTrip;
    CarriersHealth.Server server;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      long start = System.nanoTime();
      try (ResultSet result = statement.executeQuery("select 1")) {
        result.next();
      }
      roundTrip = Duration.ofNanos(System.nanoTime() - start);
      server = server(connection);
    } catch (Exception e) {
      RuntimeException translated = ErrorTranslator.translate("health check", e instanceof RuntimeException r ? r
          : new WrappedCheckedException(e));
      return new CarriersHealth(false, null, before, cachedSchema, translated.getMessage());
    }
    String problem = null;
    CarriersHealth.Schema schema = cachedSchema;
    if (schema == null || schema.checkedAt().plus(schemaTtl).isBefore(clock.instant())) {
      try {
        schema = readSchema();
        cachedSchema = schema;
      } catch (RuntimeException e) {
        problem = "schema state unknown: " + ErrorTranslator.translate("health check", e).getMessage();
      }
    }
    return new CarriersHealth(true, roundTrip, after(before), schema, problem, server);
  }

  /** The pool after the check, with the most threads seen waiting while it ran. */
  private CarriersHealth.Pool after(CarriersHealth.Pool before) {
    CarriersHealth.Pool after = pool();
    if (before == null || after == null || before.waiting() <= after.waiting()) {
      return after;
    }
    return new CarriersHealth.Pool(after.active(), after.idle(), after.total(), before.waiting(), after.max(),
        after.acquireTimeP95());
  }

  /** The server's load, or null when it cannot be read (a mock, a server without the views). */
  private CarriersHealth.Server server(Connection connection) {
    try {
      ServerActivity activity = ServerActivity.read(connection, queryTimeoutSeconds);
      return new CarriersHealth.Server(activity.connections(), activity.maxConnections(),
          activity.reservedConnections(), activity.longestTransactionSeconds() < 0 ? null
              : Duration.ofNanos((long) (activity.longestTransactionSeconds() * 1e9)));
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  private synchronized CarriersHealth.Schema readSchema() {
    // Another caller may have refreshed it while this one waited.
    CarriersHealth.Schema current = cachedSchema;
    Instant now = clock.instant();
    if (current != null && !current.checkedAt().plus(schemaTtl).isBefore(now)) {
      return current;
    }
    MigrationStatus status = migrations.info();
    return new CarriersHealth.Schema(status.currentVersion(), !status.pending().isEmpty(),
        status.pending().stream().map(MigrationEntry::version).toList(), now);
  }

  private CarriersHealth.Pool pool() {
    if (pool == null) {
      return null;
    }
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (bean == null) {
      return null;
    }
    return new CarriersHealth.Pool(bean.getActiveConnections(), bean.getIdleConnections(),
        bean.getTotalConnections(), bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize(),
        meters.acquireTimeP95());
  }

  /** Carries a checked failure (an SQLException) to the translator, which looks at causes. */
  private static final class WrappedCheckedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrappedCheckedException(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
