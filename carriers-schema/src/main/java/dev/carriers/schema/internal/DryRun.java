package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.lifecycle.DryRunMigration;
import dev.carriers.schema.lifecycle.DryRunOutcome;
import dev.carriers.schema.lifecycle.DryRunReport;
import dev.carriers.schema.lifecycle.LockTaken;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Runs the pending migrations inside one transaction on the target database and rolls it back,
 * timing each and reading the locks it took from {@code pg_locks} before the rollback. A migration
 * that cannot run in a transaction is reported and not executed. Holds the schema lock for the
 * transaction so that no migrate interleaves.
 *
 * <p>Thread-safe: one call per dry-run, no shared state.
 *
 * @param context the shared context
 */
public record DryRun(LifecycleContext context) {

  private static final String LOCKS = "select coalesce(quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
      + " l.relation::text), l.mode"
      + " from pg_locks l left join pg_class c on c.oid = l.relation"
      + " left join pg_namespace n on n.oid = c.relnamespace"
      + " where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.granted"
      + " and coalesce(n.nspname, '') not in ('pg_catalog', 'information_schema')"
      + " and coalesce(n.nspname, '') not like 'pg_toast%'"
      + " order by 1, 2";

  /**
   * Runs the dry-run.
   *
   * @return the report
   * @throws MigrationException if the database cannot be reached or records a failed migration
   */
  public DryRunReport run() {
    try (Connection connection = context.dataSource().getConnection()) {
      HistoryTable history = context.historyTable(connection);
      connection.setAutoCommit(false);
      try {
        SchemaLock.acquireForTransaction(connection, history.lockKey(), context.lockWait(), "dry-run");
        MigrationInfoService info = context.withFlyway("dry-run failed: reading the history", Flyway::info);
        for (MigrationInfo migration : info.all()) {
          if (migration.getState().isFailed()) {
            throw new MigrationException("dry-run refused: the history records failed migration "
                + migration.getVersion() + "; repair it first", null);
          }
        }
        MigrationInfo current = info.current();
        ScriptCatalog catalog = context.migrations();
        List<DryRunMigration> results = new ArrayList<>();
        boolean failed = false;
        for (MigrationInfo pending : info.pending()) {
          if (!pending.isVersioned()) {
            continue;
          }
          String version = pending.getVersion().getVersion();
          context.progress().accept("Dry-running version " + version + ": " + pending.getDescription());
          ScriptCatalog.Script script = LifecycleContext.scriptOf(pending, catalog);
          String text = script.read();
          SqlScript sql;
          try {
            sql = SqlScript.parse(text);
          } catch (IllegalArgumentException e) {
            results.add(new DryRunMigration(version, pending.getDescription(), script.fileName(), text,
                DryRunOutcome.FAILED, 0, List.of(), e.getMessage()));
            failed = true;
            continue;
          }
          if (failed) {
            results.add(new DryRunMigration(version, pending.getDescription(), script.fileName(), text,
                DryRunOutcome.SKIPPED, 0, List.of(), null));
          } else if (LifecycleContext.nonTransactional(script, sql)) {
            String statement = sql.nonTransactionalStatement();
            results.add(new DryRunMigration(version, pending.getDescription(), script.fileName(), text,
                DryRunOutcome.NOT_TRANSACTIONAL, 0, List.of(), "not executed: cannot run inside a transaction"
                + (statement == null ? "" : ": " + firstLine(statement))));
          } else {
            Set<LockTaken> before = locks(connection);
            long started = System.nanoTime();
            try {
              LifecycleContext.execute(connection, sql);
              long millis = (System.nanoTime() - started) / 1_000_000;
              Set<LockTaken> after = locks(connection);
              after.removeAll(before);
              results.add(new DryRunMigration(version, pending.getDescription(), script.fileName(), text,
                  DryRunOutcome.SUCCEEDED, millis, List.copyOf(after), null));
            } catch (SQLException e) {
              long millis = (System.nanoTime() - started) / 1_000_000;
              results.add(new DryRunMigration(version, pending.getDescription(), script.fileName(), text,
                  DryRunOutcome.FAILED, millis, List.of(), e.getMessage()));
              failed = true;
            }
          }
        }
        return new DryRunReport(current == null || current.getVersion() == null ? null
            : current.getVersion().getVersion(), results);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new MigrationException("dry-run failed: " + e.getMessage(), e);
    }
  }

  private static Set<LockTaken> locks(Connection connection) throws SQLException {
    Set<LockTaken> locks = new LinkedHashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(LOCKS)) {
      while (rows.next()) {
        locks.add(new LockTaken(rows.getString(1), rows.getString(2)));
      }
    }
    return locks;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + " ...";
  }
}
