package dev.carriers.schema;

import dev.carriers.schema.internal.AuditLog;
import dev.carriers.schema.internal.Baseline;
import dev.carriers.schema.internal.DryRun;
import dev.carriers.schema.internal.HistoryTable;
import dev.carriers.schema.internal.InvalidIndexes;
import dev.carriers.schema.internal.MigrationEvents;
import dev.carriers.schema.internal.MigrationTiming;
import dev.carriers.schema.internal.LifecycleContext;
import dev.carriers.schema.internal.ProgressCallback;
import dev.carriers.schema.internal.Rollback;
import dev.carriers.schema.internal.ScriptCatalog;
import dev.carriers.schema.internal.SchemaLock;
import dev.carriers.schema.internal.SessionSettings;
import dev.carriers.schema.lifecycle.AuditEntry;
import dev.carriers.schema.lifecycle.AuditOutcome;
import dev.carriers.schema.lifecycle.BaselineRefusedException;
import dev.carriers.schema.lifecycle.BaselineResult;
import dev.carriers.schema.lifecycle.DryRunReport;
import dev.carriers.schema.lifecycle.InvalidIndex;
import dev.carriers.schema.lifecycle.MigrationLockTimeoutException;
import dev.carriers.schema.lifecycle.MissingReverseScriptException;
import dev.carriers.schema.lifecycle.ResetOptions;
import dev.carriers.schema.lifecycle.ResetRefusedException;
import dev.carriers.schema.lifecycle.ResetResult;
import dev.carriers.schema.lifecycle.RollbackRefusedException;
import dev.carriers.schema.lifecycle.RollbackResult;
import dev.carriers.schema.lifecycle.SchemaLockTimeoutException;
import dev.carriers.schema.monitoring.MigrationListener;
import dev.carriers.schema.monitoring.MigrationOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The lifecycle of the carriers schema on a database, built on Flyway: migrate, status, validate,
 * and what Flyway's free edition lacks: rollback through reverse scripts, dry-run, a verified
 * baseline, reset, and an audit trail of every schema change.
 *
 * <pre>{@code
 * CarriersMigrations migrations = CarriersMigrations.configure()
 *     .dataSource(dataSource)
 *     .load();
 * MigrateResult result = migrations.migrate();
 * MigrationStatus status = migrations.info();
 * DryRunReport preview = migrations.dryRun();
 * RollbackResult undone = migrations.rollback(1);
 * }</pre>
 *
 * <p>Every versioned migration {@code db/migration/V<n>__<what>.sql} has a reverse script of the same
 * file name under {@code db/rollback} (a folder Flyway does not scan); {@link #validate()} and
 * {@link MigrationsConfiguration#missingReverseScripts()} check the pairing.
 *
 * <p>{@link #migrate()}, the rollbacks, {@link #baseline()} and {@link #reset(ResetOptions)} record
 * each attempt, successful or not, in the audit table {@code carriers_audit.schema_changes}, on a
 * connection of their own, so the record of a failed migration survives its rollback; creating that
 * table is the tool's job, not a migration's. They are serialized against each other, across
 * processes, by the advisory lock Flyway's PostgreSQL support takes around {@code migrate}.
 *
 * <p>Immutable and thread-safe. {@link #clean()} (drop every object) is refused unless
 * {@link MigrationsConfiguration#cleanEnabled(boolean)} was set.
 */
public final class CarriersMigrations {

  /** Where the migrations live on the class path: this jar's {@code db/migration}. */
  public static final String DEFAULT_LOCATION = "classpath:db/migration";

  /** Where the reverse scripts live on the class path: this jar's {@code db/rollback}. */
  public static final String DEFAULT_ROLLBACK_LOCATION = "classpath:db/rollback";

  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String QUERY_CANCELED = "57014";

  private static final ClassLoader CLASS_LOADER = MigrationsConfiguration.CLASS_LOADER;

  private final MigrationsConfiguration configuration;
  private final Flyway flyway;
  private final LifecycleContext context;
  private final AuditLog auditLog;
  private final MigrationTiming timing = new MigrationTiming();
  private final MigrationEvents events;

  CarriersMigrations(MigrationsConfiguration configuration) {
    this.configuration = configuration;
    org.flywaydb.core.api.configuration.FluentConfiguration flywayConfiguration = Flyway.configure(CLASS_LOADER)
        .dataSource(configuration.dataSource())
        .locations(configuration.locations().toArray(String[]::new))
        .cleanDisabled(!configuration.cleanEnabled())
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        .lockRetryCount((int) Math.max(1, configuration.lockWait().toSeconds()));
    SessionSettings timeouts = new SessionSettings(configuration.lockTimeout(), configuration.statementTimeout());
    if (configuration.progress() != null) {
      flywayConfiguration.callbacks(timeouts, new ProgressCallback(configuration.progress()), timing);
    } else {
      flywayConfiguration.callbacks(timeouts, timing);
    }
    // A session-level lock, not one held in an open transaction on a second connection: CREATE INDEX
    // CONCURRENTLY waits for every open transaction, so with Flyway's default (a transactional lock)
    // such a migration would wait for Flyway itself forever.
    flywayConfiguration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    this.flyway = flywayConfiguration.load();
    this.context = new LifecycleContext(timeouts.wrap(configuration.dataSource()), flyway, CLASS_LOADER,
        configuration.locations(), configuration.rollbackLocations(), configuration.lockWait(),
        configuration.progress() == null ? line -> { } : configuration.progress());
    this.auditLog = new AuditLog(configuration.dataSource());
    this.events = new MigrationEvents(configuration.listeners(), configuration.globalMetrics());
  }


  /**
   * Starts a configuration: the migrations and reverse scripts in this jar, clean disabled, audit
   * on, 60 s wait for the schema lock, {@code lock_timeout} 5 s retried 3 times (2, 4, 8 s apart),
   * no {@code statement_timeout}, no data source yet.
   *
   * @return a new configuration
   */
  public static MigrationsConfiguration configure() {
    return new MigrationsConfiguration();
  }

  /**
   * Applies every pending migration, each in its own transaction (a migration that cannot run in
   * one, such as {@code CREATE INDEX CONCURRENTLY}, outside). A no-op when up to date. The attempt is
   * recorded in the audit table.
   *
   * <p>Guards: every session runs with the configured {@code lock_timeout} and
   * {@code statement_timeout}; a migration that times out waiting for a lock is rolled back and
   * retried, after a growing pause, up to {@link MigrationsConfiguration#lockTimeoutRetries(int)} times. Each
   * migration's outcome and duration is logged, given to the listeners and, with Micrometer,
   * recorded as a metric.
   *
   * @return what was applied
   * @throws MigrationLockTimeoutException if a migration could not get its locks on any attempt; it
   *     was rolled back, those before it stay applied
   * @throws MigrationException if a migration fails (it is rolled back) or the database cannot be
   *     reached
   */
  public MigrateResult migrate() {
    return audited("migrate", "", this::migrateWithRetries, result -> new Audited(result.initialVersion(),
        result.targetVersion() != null ? result.targetVersion() : result.initialVersion(),
        result.appliedVersions()));
  }

  private MigrateResult migrateWithRetries() {
    int attempts = configuration.lockTimeoutRetries() + 1;
    List<String> appliedBefore = new ArrayList<>();
    String initialVersion = null;
    for (int attempt = 1; ; attempt++) {
      MigrationTiming.Run run = timing.start();
      try {
        org.flywaydb.core.api.output.MigrateResult result = flyway.migrate();
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
        String sqlState = sqlStateOf(e);
        String message = firstLine(e.getMessage());
        MigrationTiming.Timed failed = run.failed();
        String version = failed == null ? null : failed.version();
        boolean lockTimeout = LOCK_NOT_AVAILABLE.equals(sqlState);
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
          String what = leftFailedRow
              ? "it ran outside a transaction and is recorded as failed: check status for an invalid index,"
                  + " repair, then run migrate again"
              : "it was rolled back, nothing of it is applied; run migrate again once the blocker is gone";
          throw new MigrationLockTimeoutException("migrate failed: migration " + version + " could not get a lock"
              + " within its lock_timeout (configured " + configuration.lockTimeout().toMillis()
              + " ms; a script's own set local wins) on " + attempt
              + (attempt == 1 ? " attempt" : " attempts")
              + " (another session holds a lock on its table: see pg_stat_activity); " + what, version, attempt, e);
        }
        if (QUERY_CANCELED.equals(sqlState) && !configuration.statementTimeout().isZero()) {
          throw new MigrationException("migrate failed: migration " + version + " ran longer than statement_timeout "
              + configuration.statementTimeout().toMillis() + " ms and was cancelled: " + message, e);
        }
        throw new MigrationException("migrate failed: " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        events.failed(run, attempt, MigrationOutcome.FAILED, String.valueOf(e.getMessage()), null);
        throw e;
      } finally {
        timing.stop();
      }
    }
  }

  private String currentVersionBefore(MigrationTiming.Run run) {
    // The version before the first attempt: the one below the first migration it applied.
    List<MigrationTiming.Timed> applied = run.succeeded();
    if (applied.isEmpty()) {
      return currentVersionOrNull();
    }
    String first = applied.get(0).version();
    String before = null;
    for (MigrationInfo info : flyway.info().applied()) {
      if (info.getVersion() != null && info.getVersion().getVersion().equals(first)) {
        return before;
      }
      if (info.getVersion() != null) {
        before = info.getVersion().getVersion();
      }
    }
    return before;
  }

  private boolean hasFailedHistoryRow() {
    try {
      for (MigrationInfo info : flyway.info().applied()) {
        if (info.getState().isFailed()) {
          return true;
        }
      }
      return false;
    } catch (FlywayException e) {
      return true;
    }
  }

  private static String sqlStateOf(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("migrate interrupted while waiting to retry after a lock timeout", e);
    }
  }

  /**
   * Lists the invalid indexes of the database ({@code pg_index.indisvalid = false}): what a failed
   * {@code CREATE INDEX CONCURRENTLY} leaves behind. Also reported by {@link #validate()}.
   *
   * @return the invalid indexes; empty when every index is valid
   * @throws MigrationException if the database cannot be read
   */
  public List<InvalidIndex> invalidIndexes() {
    try (Connection connection = configuration.dataSource().getConnection()) {
      return InvalidIndexes.list(connection);
    } catch (SQLException e) {
      throw new MigrationException("invalid-index check failed: " + e.getMessage(), e);
    }
  }

  /**
   * Undoes the last {@code steps} migrations with their reverse scripts, newest first, each in its
   * own transaction (statement by statement when it cannot run in one), deleting their history rows
   * so that a later {@link #migrate()} applies them again. Recorded in the audit table.
   *
   * @param steps how many migrations to undo, at least 1
   * @return what was undone
   * @throws dev.carriers.schema.lifecycle.UnknownTargetVersionException if fewer are applied; nothing
   *     is changed
   * @throws MissingReverseScriptException if one of them has no reverse script; nothing is changed
   * @throws dev.carriers.schema.lifecycle.UnknownAppliedMigrationException if the database has
   *     migrations this build does not know; nothing is changed
   * @throws RollbackRefusedException for the other refusals (failed migration in the history,
   *     edited script, below the baseline); nothing is changed
   * @throws dev.carriers.schema.lifecycle.RollbackFailedException if a reverse script fails; that
   *     migration stays applied, those undone before it stay undone
   * @throws SchemaLockTimeoutException if another schema change holds the lock too long
   */
  public RollbackResult rollback(int steps) {
    return audited("rollback", "steps=" + steps, () -> new Rollback(context).run(steps, null, null),
        result -> new Audited(result.initialVersion(), result.currentVersion(), result.rolledBackVersions()));
  }

  /**
   * Undoes every migration above {@code version}, which stays applied; {@code "0"} undoes them all.
   * Otherwise as {@link #rollback(int)}.
   *
   * @param version an applied version (or the baseline), or {@code "0"}
   * @return what was undone; nothing when {@code version} is the current version
   * @throws dev.carriers.schema.lifecycle.UnknownTargetVersionException if the version is not applied
   * @throws MissingReverseScriptException if a migration to undo has no reverse script
   * @throws dev.carriers.schema.lifecycle.UnknownAppliedMigrationException if the database has
   *     migrations this build does not know
   * @throws RollbackRefusedException for the other refusals
   * @throws dev.carriers.schema.lifecycle.RollbackFailedException if a reverse script fails
   * @throws SchemaLockTimeoutException if another schema change holds the lock too long
   */
  public RollbackResult rollbackTo(String version) {
    Objects.requireNonNull(version, "version");
    return audited("rollback", "to=" + version, () -> new Rollback(context).run(null, version, null),
        result -> new Audited(result.initialVersion(), result.currentVersion(), result.rolledBackVersions()));
  }

  /**
   * Runs the pending migrations inside one transaction on this database and rolls it back,
   * reporting for each its SQL, duration and the locks it took. A migration that cannot run in a
   * transaction is reported and not executed. Nothing is changed, and nothing is audited (nothing
   * changes).
   *
   * @return the report
   * @throws MigrationException if the database cannot be reached or the history records a failure
   * @throws SchemaLockTimeoutException if another schema change holds the lock too long
   */
  public DryRunReport dryRun() {
    return new DryRun(context).run();
  }

  /**
   * Adopts a database whose tables predate the migrations (the old system's {@code init.sql}) at the
   * first migration's version: verifies that its tables match what that migration creates (columns,
   * types, nullability, defaults, constraints, indexes, triggers, and its types and functions) and
   * records the baseline, so that {@link #migrate()} applies the later versions. Recorded in the
   * audit table.
   *
   * @return what was recorded
   * @throws BaselineRefusedException with the list of differences when the shape does not match, or
   *     when the database is already under migration control or has nothing to adopt
   */
  public BaselineResult baseline() {
    Baseline baseline = new Baseline(context);
    return baseline(baseline.defaultVersion().getVersion());
  }

  /**
   * As {@link #baseline()}, at a given version: the database must match every migration up to it.
   *
   * @param version the version the database is at
   * @return what was recorded
   * @throws BaselineRefusedException when the shape does not match, or the database is already under
   *     migration control or has nothing to adopt
   */
  public BaselineResult baseline(String version) {
    MigrationVersion parsed = MigrationVersion.fromVersion(Objects.requireNonNull(version, "version"));
    return audited("baseline", "version=" + version, () -> new Baseline(context).run(parsed),
        result -> new Audited(null, result.version(), List.of(result.version())));
  }

  /**
   * Drops every object of the schema, migrates, and seeds (unless skipped). Refused, before anything
   * is dropped, on a database the options' production check recognises unless forced, and when
   * seeding is asked for without a seeder. Needs {@link MigrationsConfiguration#cleanEnabled(boolean)}.
   * Recorded in the audit table.
   *
   * @param options seeding and production settings
   * @return what was done
   * @throws ResetRefusedException if refused; nothing is dropped
   * @throws MigrationException if clean, migrate or the seed fails
   */
  public ResetResult reset(ResetOptions options) {
    Objects.requireNonNull(options, "options");
    String arguments = (options.skipsSeed() ? "skip-seed" : "seed") + (options.isForced() ? ",forced" : "");
    return audited("reset", arguments, () -> {
      if (!configuration.cleanEnabled()) {
        throw new ResetRefusedException("reset refused: it drops every table; enable it with cleanEnabled(true)");
      }
      if (!options.skipsSeed() && options.seeder() == null) {
        throw new ResetRefusedException("reset refused: seeding asked for but no seeder is configured;"
            + " skip the seed or configure one");
      }
      // Asked even when forced: the check may remember the answer (to mark the database again).
      boolean production = options.productionCheck() != null
          && options.productionCheck().isProduction(configuration.dataSource());
      if (production && !options.isForced()) {
        throw new ResetRefusedException("reset refused: the database is marked production;"
            + " force it (and confirm) to reset anyway");
      }
      cleanUnderLock("reset");
      org.flywaydb.core.api.output.MigrateResult result;
      try {
        result = flyway.migrate();
      } catch (FlywayException e) {
        throw new MigrationException("reset failed: migrate after clean: " + e.getMessage(), e);
      }
      List<String> applied = new ArrayList<>();
      for (MigrateOutput output : result.migrations) {
        applied.add(output.version);
      }
      MigrateResult migrated = new MigrateResult(null, emptyToNull(result.targetSchemaVersion), applied);
      if (!options.skipsSeed()) {
        try {
          options.seeder().seed(configuration.dataSource());
        } catch (RuntimeException e) {
          throw new MigrationException("reset failed: seed: " + e.getMessage(), e);
        }
      }
      return new ResetResult(migrated, !options.skipsSeed());
    }, result -> new Audited(null, result.migrate().targetVersion(), result.migrate().appliedVersions()));
  }

  /**
   * Lists the audit trail, newest first.
   *
   * @param limit at most this many entries, 1 or more
   * @return the entries; empty when nothing was ever recorded
   * @throws MigrationException if the database cannot be read
   */
  public List<AuditEntry> auditTrail(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("an audit limit of " + limit + " makes no sense: give 1 or more");
    }
    return auditLog.list(limit);
  }

  private void cleanUnderLock(String operation) {
    try (Connection connection = configuration.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      HistoryTable history = context.historyTable(connection);
      SchemaLock.acquire(connection, history.lockKey(), configuration.lockWait(), operation);
      try {
        Flyway.configure(CLASS_LOADER).configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
      } catch (FlywayException e) {
        throw new MigrationException(operation + " failed: " + (operation.equals("clean") ? "" : "clean: ")
            + e.getMessage(), e);
      } finally {
        SchemaLock.release(connection, history.lockKey());
      }
    } catch (SQLException e) {
      throw new MigrationException(operation + " failed: " + e.getMessage(), e);
    }
  }

  /** What an audited operation changed, for its audit record. */
  private record Audited(String fromVersion, String toVersion, List<String> versions) {
  }

  private <T> T audited(String command, String arguments, Supplier<T> operation,
      java.util.function.Function<T, Audited> describe) {
    if (!configuration.audit()) {
      return operation.get();
    }
    AuditLog.Attempt attempt = auditLog.begin(command, arguments, currentVersionOrNull());
    T result;
    try {
      result = operation.get();
    } catch (RollbackRefusedException | BaselineRefusedException | ResetRefusedException
        | SchemaLockTimeoutException e) {
      attempt.finish(AuditOutcome.REFUSED, null, currentVersionOrNull(), List.of(), e);
      throw e;
    } catch (RuntimeException | Error e) {
      attempt.finish(AuditOutcome.FAILED, null, currentVersionOrNull(), List.of(), e);
      throw e;
    }
    Audited audited = describe.apply(result);
    attempt.finish(AuditOutcome.SUCCEEDED, audited.fromVersion(), audited.toVersion(), audited.versions(), null);
    return result;
  }

  private String currentVersionOrNull() {
    try (Connection connection = configuration.dataSource().getConnection()) {
      return context.historyTable(connection).currentVersion(connection);
    } catch (SQLException e) {
      return null;
    }
  }

  /**
   * Lists every migration and where it stands on the database.
   *
   * @return the status
   * @throws MigrationException if the database cannot be reached
   */
  public MigrationStatus info() {
    try {
      MigrationInfoService info = flyway.info();
      List<MigrationEntry> entries = new ArrayList<>();
      for (MigrationInfo migration : info.all()) {
        entries.add(new MigrationEntry(
            migration.getVersion() == null ? null : migration.getVersion().getVersion(),
            migration.getDescription(),
            migration.getScript(),
            migration.getChecksum(),
            stateOf(migration),
            migration.getInstalledBy(),
            migration.getInstalledOn() == null ? null : migration.getInstalledOn().toInstant(),
            migration.getExecutionTime(),
            migration.getResolvedChecksum()));
      }
      MigrationInfo current = info.current();
      return new MigrationStatus(
          current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
          entries);
    } catch (FlywayException e) {
      throw new MigrationException("status failed: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the applied migrations against the scripts: every applied script unchanged (same
   * checksum), none missing, none pending; that every migration has its reverse script; and that
   * no index is invalid (left by a failed {@code CREATE INDEX CONCURRENTLY}).
   *
   * @throws MigrationValidationException listing every difference
   * @throws MigrationException if the database cannot be reached
   */
  public void validate() {
    ValidateResult result;
    try {
      result = flyway.validateWithResult();
    } catch (FlywayException e) {
      throw new MigrationException("validate failed: " + e.getMessage(), e);
    }
    List<String> missingReverse = configuration.missingReverseScripts();
    List<InvalidIndex> invalid = invalidIndexes();
    if (!result.validationSuccessful || !missingReverse.isEmpty() || !invalid.isEmpty()) {
      List<String> problems = new ArrayList<>();
      for (InvalidIndex index : invalid) {
        problems.add(index.describe());
      }
      for (String script : missingReverse) {
        problems.add(script + ": no reverse script (expected a file of the same name under "
            + String.join(", ", configuration.rollbackLocations()) + ")");
      }
      for (ValidateOutput output : result.invalidMigrations) {
        problems.add((output.version == null || output.version.isEmpty() ? "" : "version " + output.version + " ")
            + "(" + output.filepath + "): " + output.errorDetails.errorMessage);
      }
      if (!result.validationSuccessful && problems.size() == missingReverse.size() + invalid.size()
          && result.errorDetails != null) {
        problems.add(result.errorDetails.errorMessage);
      }
      throw new MigrationValidationException(problems, null);
    }
  }

  /**
   * Drops every object in the schema: tables, types, functions and the history (not the audit
   * trail, which has a schema of its own). Serialized with migrate and rollback; recorded in the
   * audit table.
   *
   * @throws MigrationException if clean is not enabled in the configuration, or fails
   */
  public void clean() {
    if (!configuration.cleanEnabled()) {
      throw new MigrationException(
          "clean is disabled: it drops every table; enable it with cleanEnabled(true)", null);
    }
    audited("clean", "", () -> {
      cleanUnderLock("clean");
      return Boolean.TRUE;
    }, done -> new Audited(null, null, List.of()));
  }

  /** Returns the configuration this instance was loaded from. */
  public MigrationsConfiguration configuration() {
    return configuration;
  }

  private static MigrationState stateOf(MigrationInfo migration) {
    org.flywaydb.core.api.MigrationState state = migration.getState();
    if (state.isFailed()) {
      return MigrationState.FAILED;
    }
    switch (state) {
      case PENDING:
        return MigrationState.PENDING;
      case BASELINE:
        return MigrationState.BASELINE;
      case BELOW_BASELINE:
      case BASELINE_IGNORED:
        return MigrationState.BELOW_BASELINE;
      case IGNORED:
        return MigrationState.IGNORED;
      default:
        break;
    }
    if (state.isApplied() && !state.isResolved()) {
      return MigrationState.UNKNOWN;
    }
    if (state == org.flywaydb.core.api.MigrationState.SUCCESS) {
      return MigrationState.APPLIED;
    }
    return MigrationState.OTHER;
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
