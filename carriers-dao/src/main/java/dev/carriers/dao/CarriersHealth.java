package dev.carriers.dao;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Carriers#health()} found: whether the database answered and how fast, the state of
 * the connection pool, and the schema version.
 *
 * @param reachable whether a {@code select 1} succeeded
 * @param roundTrip how long the {@code select 1} took (on a connection already acquired), or null
 *     when unreachable
 * @param pool the pool's state, or null when the data source is not a HikariCP pool
 * @param schema the schema version, or null when it could not be read
 * @param problem why the database is unreachable or the schema unknown, or null; never a password
 */
public record CarriersHealth(boolean reachable, Duration roundTrip, Pool pool, Schema schema, String problem) {

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
   * @param waiting threads waiting for a connection
   * @param max the pool's maximum size
   */
  public record Pool(int active, int idle, int total, int waiting, int max) {
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
