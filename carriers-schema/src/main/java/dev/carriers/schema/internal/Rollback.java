package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.lifecycle.MissingReverseScriptException;
import dev.carriers.schema.lifecycle.RollbackFailedException;
import dev.carriers.schema.lifecycle.RollbackRefusedException;
import dev.carriers.schema.lifecycle.RollbackResult;
import dev.carriers.schema.lifecycle.UnknownAppliedMigrationException;
import dev.carriers.schema.lifecycle.UnknownTargetVersionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Undoes applied migrations with their reverse scripts, newest first, each in its own transaction
 * (or statement by statement when the reverse script cannot run in one), deleting the matching
 * history rows so that a later migrate applies them again. Everything that could refuse is checked
 * under the schema lock before the first change.
 *
 * <p>Thread-safe: one call per rollback, no shared state.
 *
 * @param context the shared context
 */
public record Rollback(LifecycleContext context) {

  /** A plan checked under the lock; {@link Rollback#plan} builds it, {@link Rollback#run} runs it. */
  record Plan(String initialVersion, String finalVersion, List<MigrationInfo> toUndo) {
  }

  /**
   * Rolls back the last {@code steps} migrations, or down to {@code targetVersion} (kept applied),
   * exactly one of which is given.
   *
   * @param steps how many, or null
   * @param targetVersion the version to keep as current, {@code 0} for none, or null
   * @param listener told the plan before the first change (for the audit record), may be null
   * @return what was undone
   */
  public RollbackResult run(Integer steps, String targetVersion, java.util.function.Consumer<String> listener) {
    try (Connection connection = context.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      HistoryTable history = context.historyTable(connection);
      SchemaLock.acquire(connection, history.lockKey(), context.lockWait(), "rollback");
      try {
        Plan plan = plan(connection, history, steps, targetVersion);
        if (listener != null) {
          listener.accept(plan.initialVersion());
        }
        return undo(connection, history, plan);
      } finally {
        if (!connection.isClosed()) {
          connection.setAutoCommit(true);
          SchemaLock.release(connection, history.lockKey());
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("rollback failed: " + e.getMessage(), e);
    }
  }

  private Plan plan(Connection connection, HistoryTable history, Integer steps, String targetVersion)
      throws SQLException {
    if (!history.exists(connection)) {
      throw new RollbackRefusedException("rollback refused: nothing is applied (no history table "
          + history.qualified() + ")");
    }
    MigrationInfo[] all = context.withFlyway("rollback failed: reading the history", flyway -> flyway.info().all());
    List<String> unknown = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<MigrationInfo> applied = new ArrayList<>();
    MigrationVersion baseline = null;
    for (MigrationInfo info : all) {
      MigrationState state = info.getState();
      if (state.isFailed()) {
        failed.add(info.getVersion() == null ? info.getDescription() : info.getVersion().getVersion());
      } else if (state == MigrationState.BASELINE) {
        baseline = info.getVersion();
      } else if (state.isApplied() && !state.isResolved()) {
        unknown.add(info.getVersion() == null ? info.getDescription() : info.getVersion().getVersion());
      } else if (state == MigrationState.SUCCESS && info.isVersioned()) {
        applied.add(info);
      }
    }
    if (!failed.isEmpty()) {
      throw new RollbackRefusedException("rollback refused: the history records failed migration "
          + String.join(", ", failed) + "; repair it first");
    }
    if (!unknown.isEmpty()) {
      throw new UnknownAppliedMigrationException("rollback", unknown);
    }
    applied.sort(Comparator.comparing(MigrationInfo::getVersion).reversed());
    String current = applied.isEmpty() ? (baseline == null ? null : baseline.getVersion())
        : applied.get(0).getVersion().getVersion();
    List<MigrationInfo> toUndo = new ArrayList<>();
    if (steps != null) {
      if (steps < 1) {
        throw new UnknownTargetVersionException(String.valueOf(steps), "rollback refused: " + steps
            + " steps makes no sense; give 1 or more");
      }
      if (steps > applied.size()) {
        throw new UnknownTargetVersionException(String.valueOf(steps), "rollback refused: " + steps
            + " steps asked, but only " + applied.size() + " migration" + (applied.size() == 1 ? " is" : "s are")
            + " applied" + (baseline == null ? "" : " above the baseline " + baseline.getVersion()));
      }
      toUndo.addAll(applied.subList(0, steps));
    } else {
      MigrationVersion target;
      try {
        target = MigrationVersion.fromVersion(targetVersion.trim());
      } catch (RuntimeException e) {
        throw new UnknownTargetVersionException(targetVersion, "rollback refused: target \"" + targetVersion
            + "\" is not a version");
      }
      boolean none = target.equals(MigrationVersion.fromVersion("0"));
      boolean known = none || target.equals(baseline)
          || applied.stream().anyMatch(info -> info.getVersion().equals(target));
      if (!known) {
        throw new UnknownTargetVersionException(targetVersion, "rollback refused: target version "
            + targetVersion + " is not applied to this database (current version "
            + (current == null ? "none" : current) + ")");
      }
      if (baseline != null && target.compareTo(baseline) < 0) {
        throw new RollbackRefusedException("rollback refused: target version " + targetVersion
            + " is below the baseline " + baseline.getVersion()
            + "; the database was adopted at the baseline and has no migrations to undo below it");
      }
      for (MigrationInfo info : applied) {
        if (info.getVersion().compareTo(target) > 0) {
          toUndo.add(info);
        }
      }
    }
    ScriptCatalog reverse = context.reverseScripts();
    List<String> missing = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    for (MigrationInfo info : toUndo) {
      String fileName = LifecycleContext.fileName(info.getScript());
      if (reverse.byFileName(fileName) == null) {
        missing.add(fileName);
      }
      if (!info.isChecksumMatching()) {
        edited.add(info.getVersion().getVersion());
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingReverseScriptException("rollback", missing);
    }
    if (!edited.isEmpty()) {
      throw new RollbackRefusedException("rollback refused: migration " + String.join(", ", edited)
          + " changed after it was applied (checksum mismatch); its reverse script may not match what ran");
    }
    String finalVersion = current;
    if (!toUndo.isEmpty()) {
      int remaining = applied.size() - toUndo.size();
      finalVersion = remaining > 0 ? applied.get(toUndo.size()).getVersion().getVersion()
          : baseline == null ? null : baseline.getVersion();
    }
    return new Plan(current, finalVersion, toUndo);
  }

  private RollbackResult undo(Connection connection, HistoryTable history, Plan plan) throws SQLException {
    ScriptCatalog reverse = context.reverseScripts();
    List<String> done = new ArrayList<>();
    for (MigrationInfo info : plan.toUndo()) {
      String version = info.getVersion().getVersion();
      ScriptCatalog.Script script = reverse.byFileName(LifecycleContext.fileName(info.getScript()));
      context.progress().accept("Rolling back version " + version + ": " + info.getDescription());
      SqlScript sql;
      try {
        sql = SqlScript.parse(script.read());
      } catch (IllegalArgumentException e) {
        throw new RollbackFailedException(version, done, "rollback of version " + version + " failed: reverse"
            + " script " + script.fileName() + ": " + e.getMessage(), e);
      }
      try {
        if (sql.canRunInTransaction()) {
          LifecycleContext.inTransaction(connection, () -> {
            LifecycleContext.execute(connection, sql);
            history.delete(connection, version);
          });
        } else {
          LifecycleContext.execute(connection, sql);
          history.delete(connection, version);
        }
      } catch (SQLException e) {
        throw new RollbackFailedException(version, done, "rollback of version " + version + " failed in "
            + script.fileName() + ": " + e.getMessage()
            + (sql.canRunInTransaction() ? " (rolled back; version " + version + " is still applied)"
                : " (ran outside a transaction: check the schema by hand)")
            + (done.isEmpty() ? "" : "; already rolled back: " + String.join(", ", done)), e);
      }
      done.add(version);
    }
    return new RollbackResult(plan.initialVersion(), plan.finalVersion(), done);
  }
}
