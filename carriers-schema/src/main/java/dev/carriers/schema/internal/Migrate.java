package dev.carriers.schema.internal;

import dev.carriers.SqlStateClass;
import dev.carriers.schema.MigrateResult;
import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationsConfiguration;
import dev.carriers.schema.lifecycle.MigrationLockTimeoutException;
import dev.carriers.schema.monitoring.MigrationOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateOutput;

/**
 * Applies the pending migrations with Flyway, retrying after a lock timeout: a migration that gave
 * up waiting for a table lock (SQLState 55P03) in a transaction was rolled back, so it is started
 * afresh after a growing pause; one that ran outside a transaction and left a failed history row
 * is not. Every attempt's migrations are timed and told to the listeners.
 *
 * <p>Thread-safe: the timing of a run is per thread, the rest is immutable.
 *
 * @param context the shared context, whose Flyway has {@code timing} among its callbacks
 * @param timing the timing callback
 * @param events where each migration's outcome goes
 * @param configuration the timeouts and retries
 */
public record Migrate(LifecycleContext context, MigrationTiming timing, MigrationEvents events,
    MigrationsConfiguration configuration) {

  /**
   * Applies every pending migration.
   *
   * @return what was applied, over every attempt
   * @throws MigrationLockTimeoutException if a migration could not get its locks on any attempt
   * @throws dev.carriers.schema.MigrationValidationException if an applied script was edited
   * @throws MigrationException if a migration fails or the database cannot be reached
   */
  public MigrateResult run() {
    int attempts = configuration.lockTimeoutRetries() + 1;
    List<String> appliedBefore = new ArrayList<>();
    String initialVersion = null;
    for (int attempt = 1; ; attempt++) {
      MigrationTiming.Run run = timing.start();
      try {
        org.flywaydb.core.api.output.MigrateResult result = context.flyway().migrate();
        events.succeeded(run, attempt);
        List<String> applied = new ArrayList<>(appliedBefore);
        for (MigrateOutput output : result.migrations) {
          applied.add(output.version);
        }
        String initial = attempt == 1 ? emptyToNull(result.initialSchemaVersion) : initialVersion;
        String target = emptyToNull(result.targetSchemaVersion);
        if (target == null && !applied.isEmpty()) {
          target = applied.get(applied.size() - 1);
        }
        return new MigrateResult(initial, target, applied);
      } catch (FlywayException e) {
        String sqlState = SqlStateClass.sqlStateOf(e);
        SqlStateClass state = SqlStateClass.fromCode(sqlState);
        String message = firstLine(e.getMessage());
        MigrationTiming.Timed failed = run.failed();
        String version = failed == null ? null : failed.version();
        boolean lockTimeout = state == SqlStateClass.LOCK_NOT_AVAILABLE;
        // Outside a transaction nothing is rolled back and Flyway records the failure: no retry.
        boolean leftFailedRow = lockTimeout && hasFailedHistoryRow();
        if (lockTimeout && attempt < attempts && !leftFailedRow) {
          events.failed(run, attempt, MigrationOutcome.RETRYING, message, sqlState);
          if (attempt == 1) {
            initialVersion = currentVersionBefore(run);
          }
          for (MigrationTiming.Timed timed : run.succeeded()) {
            appliedBefore.add(timed.version());
          }
          sleep(configuration.retryBackoff().multipliedBy(1L << (attempt - 1)));
          continue;
        }
        events.failed(run, attempt, MigrationOutcome.FAILED, message, sqlState);
        if (lockTimeout) {
          throw lockTimeout(version, attempt, leftFailedRow, e);
        }
        if (state == SqlStateClass.QUERY_CANCELED && !configuration.statementTimeout().isZero()) {
          throw new MigrationException("migrate failed: migration " + version + " ran longer than statement_timeout "
              + configuration.statementTimeout().toMillis() + " ms and was cancelled: " + message, e);
        }
        throw FlywayErrorTranslator.translate("migrate failed", e);
      } catch (RuntimeException | Error e) {
        events.failed(run, attempt, MigrationOutcome.FAILED, String.valueOf(e.getMessage()), null);
        throw e;
      } finally {
        timing.stop();
      }
    }
  }

  private MigrationLockTimeoutException lockTimeout(String version, int attempt, boolean leftFailedRow,
      FlywayException e) {
    String what = leftFailedRow
        ? "it ran outside a transaction and is recorded as failed: check status for an invalid index,"
            + " repair, then run migrate again"
        : "it was rolled back, nothing of it is applied; run migrate again once the blocker is gone";
    return new MigrationLockTimeoutException("migrate failed: migration " + version + " could not get a lock"
        + " within its lock_timeout (configured " + configuration.lockTimeout().toMillis()
        + " ms; a script's own set local wins) on " + attempt
        + (attempt == 1 ? " attempt" : " attempts")
        + " (another session holds a lock on its table: see pg_stat_activity); " + what, version, attempt, e);
  }

  private String currentVersionBefore(MigrationTiming.Run run) {
    // The version before the first attempt: the one below the first migration it applied.
    List<MigrationTiming.Timed> applied = run.succeeded();
    if (applied.isEmpty()) {
      return context.currentVersionOrNull();
    }
    String first = applied.get(0).version();
    String before = null;
    try {
      for (MigrationInfo info : context.flyway().info().applied()) {
        if (info.getVersion() != null && info.getVersion().getVersion().equals(first)) {
          return before;
        }
        if (info.getVersion() != null) {
          before = info.getVersion().getVersion();
        }
      }
    } catch (FlywayException e) {
      // Only the result's initial version depends on it; the retry must not fail for it.
      return null;
    }
    return before;
  }

  private boolean hasFailedHistoryRow() {
    try {
      for (MigrationInfo info : context.flyway().info().applied()) {
        if (info.getState().isFailed()) {
          return true;
        }
      }
      return false;
    } catch (FlywayException e) {
      return true;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("migrate interrupted while waiting to retry after a lock timeout", e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String trimmed = text.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
