package dev.carriers.schema.internal;

import dev.carriers.SqlIdentifier;
import dev.carriers.schema.lifecycle.SchemaLockTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL advisory lock that serializes schema changes: the very lock Flyway's PostgreSQL
 * support takes around {@code migrate} ({@code 77431708279161 + "schema"."table".hashCode()}, the
 * history table's name quoted as Flyway quotes it, which is {@link SqlIdentifier#quote}), so a
 * rollback, baseline or clean never interleaves with a {@code migrate} from another process, and the
 * other way round.
 *
 * <p>Stateless; thread-safe.
 */
public final class SchemaLock {

  // Flyway's PostgreSQLAdvisoryLockTemplate: DEFAULT_LOCK_NUM + table.toString().hashCode().
  private static final long FLYWAY_LOCK_BASE = 77431708279161L;

  private SchemaLock() {
  }

  /**
   * Returns the lock key Flyway uses for a history table.
   *
   * @param schema the history table's schema
   * @param table the history table's name
   * @return the advisory lock key
   */
  public static long key(String schema, String table) {
    return FLYWAY_LOCK_BASE + (SqlIdentifier.quote(schema) + "." + SqlIdentifier.quote(table)).hashCode();
  }

  /**
   * Takes the session-level lock on a connection, waiting at most {@code timeout}. Release it with
   * {@link #release}, or by closing the connection.
   *
   * @param connection the connection (in autocommit mode)
   * @param key the lock key
   * @param timeout how long to wait for another schema change to finish
   * @param operation the operation, for the message
   * @throws SchemaLockTimeoutException if another schema change holds it longer than the timeout
   * @throws SQLException on any other failure
   */
  public static void acquire(Connection connection, long key, Duration timeout, String operation)
      throws SQLException {
    poll(connection, "select pg_try_advisory_lock(?)", key, timeout, operation);
  }

  /**
   * Takes the transaction-level form of the lock (released at commit or rollback).
   *
   * @param connection the connection, in a transaction
   * @param key the lock key
   * @param timeout how long to wait
   * @param operation the operation, for the message
   * @throws SchemaLockTimeoutException if another schema change holds it longer than the timeout
   * @throws SQLException on any other failure
   */
  public static void acquireForTransaction(Connection connection, long key, Duration timeout, String operation)
      throws SQLException {
    poll(connection, "select pg_try_advisory_xact_lock(?)", key, timeout, operation);
  }

  // Polls with the try- form rather than blocking, so the wait has our own deadline and message
  // whatever lock_timeout the session has.
  private static void poll(Connection connection, String tryLock, long key, Duration timeout, String operation)
      throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (PreparedStatement statement = connection.prepareStatement(tryLock)) {
      statement.setLong(1, key);
      while (true) {
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          if (row.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new SchemaLockTimeoutException(operation + " refused: another migrate, rollback, baseline"
              + " or reset has held the schema lock for more than " + timeout.toSeconds() + " s");
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaLockTimeoutException(operation + " interrupted while waiting for the schema lock");
        }
      }
    }
  }

  /**
   * Releases the session-level lock.
   *
   * @param connection the connection that holds it
   * @param key the lock key
   * @throws SQLException if the statement fails
   */
  public static void release(Connection connection, long key) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + key + ")");
    }
  }
}
