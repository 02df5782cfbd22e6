package dev.carriers.dao;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Carriers#health()} found: whether the database answered and how fast, the state of
 * the connection pool (and whether it is saturated), the server's connection use and this
 * database's longest open transaction, and the schema version.
 *
 * @param reachable whether a {@code select 1} succeeded
 * @param roundTrip how long the {@code select 1} took (on a connection already acquired), or null
 *     when unreachable
 * @param pool the pool's state, or null when the data source is not a HikariCP pool
 * @param schema the schema version, or null when it could not be read
 * @param problem why the database is unreachable or the schema unknown, or null; never a password
 * @param server the server's load, or null when unreachable or it could not be read
 */
public record CarriersHealth(boolean reachable, Duration roundTrip, Pool pool, Schema schema, String problem,
    Server server) {

  /**
   * Creates a health report without the server's load.
   *
   * @param reachable whether a {@code select 1} succeeded
   * @param roundTrip its duration, or null
   * @param pool the pool's state, or null
   * @param schema the schema version, or null
   * @param problem the problem, or null
   */
  public CarriersHealth(boolean reachable, Duration roundTrip, Pool pool, Schema schema, String problem) {
    this(reachable, roundTrip, pool, schema, problem, null);
  }

  /**
   * Returns true when the database answered, and the schema is known and has no migration
   * pending.
   *
   * @return whether a service may call it healthy
   */
  public boolean isHealthy() {
    return reachable && schema != null && !schema.migrationsPending();
  }

  /** Returns the problem, if any. */
  public Optional<String> problemText() {
    return Optional.ofNullable(problem);
  }

  /**
   * The connection pool at the time of the check.
   *
   * @param active connections in use
   * @param idle connections ready
   * @param total connections open
   * @param waiting threads waiting for a connection (pending): the most seen while the check ran, so a
   *     check that itself waits for a saturated pool still reports the threads queued before it
   * @param max the pool's maximum size
   * @param acquireTimeP95 the 95th percentile of the time callers waited for a connection over the last
   *     two minutes, when metered ({@link CarriersConfiguration#meterRegistry}); else null
   */
  public record Pool(int active, int idle, int total, int waiting, int max, Duration acquireTimeP95) {

    /**
     * Creates a pool state without an acquire-time percentile.
     *
     * @param active connections in use
     * @param idle connections ready
     * @param total connections open
     * @param waiting threads waiting
     * @param max the maximum size
     */
    public Pool(int active, int idle, int total, int waiting, int max) {
      this(active, idle, total, waiting, max, null);
    }

    /**
     * Returns whether the pool is saturated: every connection is in use and callers queue for one.
     *
     * @return true when a thread waits for a connection
     */
    public boolean saturated() {
      return waiting > 0;
    }

    /** Returns the share of the pool's maximum in use, 0 to 1. */
    public double usage() {
      return max == 0 ? 0 : (double) active / max;
    }
  }

  /**
   * The server's load at the time of the check.
   *
   * @param connections client connections open on the server, every database's
   * @param maxConnections {@code max_connections}
   * @param reservedConnections {@code superuser_reserved_connections}
   * @param longestTransaction how long this database's oldest open transaction (of another session)
   *     has run, or null when none is open
   */
  public record Server(int connections, int maxConnections, int reservedConnections, Duration longestTransaction) {

    /** Returns the share of the connections an application may open that are open, 0 to 1. */
    public double connectionUse() {
      return (double) connections / Math.max(1, maxConnections - reservedConnections);
    }
  }

  /**
   * The schema's migration state; read at most every few seconds (see
   * {@link CarriersConfiguration#healthSchemaCacheTtl(Duration)}).
   *
   * @param appliedVersion the latest applied migration, or null for an empty database
   * @param migrationsPending whether this build has migrations the database lacks
   * @param pendingVersions the versions not yet applied
   * @param checkedAt when it was read from the database
   */
  public record Schema(String appliedVersion, boolean migrationsPending, List<String> pendingVersions,
      Instant checkedAt) {

    /**
     * Creates a schema state.
     *
     * @param appliedVersion the latest applied migration, or null
     * @param migrationsPending whether migrations are pending
     * @param pendingVersions the pending versions, copied
     * @param checkedAt when it was read
     */
    public Schema {
      pendingVersions = List.copyOf(pendingVersions);
    }
  }
}
