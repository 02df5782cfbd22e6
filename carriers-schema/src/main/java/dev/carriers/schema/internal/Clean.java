package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * Drops every object of the schema with Flyway's clean, under the schema lock, so that it never
 * interleaves with a migrate, rollback or baseline of another process.
 *
 * <p>Thread-safe: one call per clean, no shared state.
 *
 * @param context the shared context
 */
public record Clean(LifecycleContext context) {

  /**
   * Cleans. Flyway itself refuses unless clean was enabled in the configuration; the front checks
   * that first, to refuse with its own exception.
   *
   * @throws dev.carriers.schema.lifecycle.SchemaLockTimeoutException if another schema change
   *     holds the lock too long
   * @throws MigrationException if the clean fails
   */
  public void run() {
    try (Connection connection = context.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      HistoryTable history = context.historyTable(connection);
      SchemaLock.acquire(connection, history.lockKey(), context.lockWait(), "clean");
      try {
        context.withFlyway("clean failed", Flyway::clean);
      } finally {
        SchemaLock.release(connection, history.lockKey());
      }
    } catch (SQLException e) {
      throw new MigrationException("clean failed: " + e.getMessage(), e);
    }
  }
}
