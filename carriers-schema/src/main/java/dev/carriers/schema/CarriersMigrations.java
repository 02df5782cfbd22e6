package dev.carriers.schema;

import dev.carriers.SettingCheck;
import dev.carriers.schema.internal.AuditLog;
import dev.carriers.schema.internal.Baseline;
import dev.carriers.schema.internal.Clean;
import dev.carriers.schema.internal.DryRun;
import dev.carriers.schema.internal.Info;
import dev.carriers.schema.internal.InvalidIndexes;
import dev.carriers.schema.internal.LifecycleContext;
import dev.carriers.schema.internal.Migrate;
import dev.carriers.schema.internal.MigrationEvents;
import dev.carriers.schema.internal.MigrationTiming;
import dev.carriers.schema.internal.Rollback;
import dev.carriers.schema.internal.Validate;
import dev.carriers.schema.lifecycle.AuditEntry;
import dev.carriers.schema.lifecycle.BaselineRefusedException;
import dev.carriers.schema.lifecycle.BaselineResult;
import dev.carriers.schema.lifecycle.CleanRefusedException;
import dev.carriers.schema.lifecycle.DryRunReport;
import dev.carriers.schema.lifecycle.InvalidIndex;
import dev.carriers.schema.lifecycle.MigrationLockTimeoutException;
import dev.carriers.schema.lifecycle.RollbackRefusedException;
import dev.carriers.schema.lifecycle.RollbackResult;
import dev.carriers.schema.lifecycle.SchemaLockTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The lifecycle of the carriers schema on a database, built on Flyway: migrate, status, validate,
 * clean, and what Flyway's free edition lacks: rollback through reverse scripts, dry-run, a verified
 * baseline, and an audit trail of every schema change.
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
 * <p>A thin front, in Flyway's shape: each command is a class of its own in
 * {@code dev.carriers.schema.internal}; every Flyway or SQL failure leaves as a
 * {@link MigrationException} whose {@link MigrationException#kind() kind} says what failed. Every
 * migration {@code db/migration/V<n>__<what>.sql} has a reverse script of the same file name under
 * {@code db/rollback}, a folder Flyway does not scan ({@link #validate()} checks the pairing).
 *
 * <p>{@link #migrate()}, the rollbacks, {@link #baseline()}, {@link #clean()} and {@link #audited}
 * record each attempt, successful or not, in the audit table {@code carriers_audit.schema_changes},
 * on a connection of their own, so the record of a failed migration survives its rollback. They are
 * serialized against each other, across processes, by the advisory lock Flyway's PostgreSQL support
 * takes around {@code migrate}.
 *
 * <p>Immutable and thread-safe. {@link #clean()} (drop every object) is refused unless
 * {@link MigrationsConfiguration#cleanEnabled(boolean)} was set.
 */
public final class CarriersMigrations {

  /** Where the migrations live on the class path: this jar's {@code db/migration}. */
  public static final String DEFAULT_LOCATION = "classpath:db/migration";

  /** Where the reverse scripts live on the class path: this jar's {@code db/rollback}. */
  public static final String DEFAULT_ROLLBACK_LOCATION = "classpath:db/rollback";

  private final MigrationsConfiguration configuration;
  private final LifecycleContext context;
  private final AuditLog auditLog;
  private final Migrate migrate;

  CarriersMigrations(MigrationsConfiguration configuration) {
    this.configuration = configuration;
    MigrationTiming timing = new MigrationTiming(configuration.progress());
    this.context = LifecycleContext.of(configuration, MigrationsConfiguration.CLASS_LOADER, timing);
    this.auditLog = new AuditLog(configuration.dataSource(), configuration.audit(), context::currentVersionOrNull);
    this.migrate = new Migrate(context, timing,
        new MigrationEvents(configuration.listeners(), configuration.globalMetrics()), configuration);
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
   * <p>Every session runs with the configured {@code lock_timeout} and {@code statement_timeout}; a
   * migration that times out waiting for a lock is rolled back and retried, after a growing pause.
   * Each migration's outcome and duration is logged, told to the listeners and, with Micrometer,
   * recorded as a metric.
   *
   * @return what was applied
   * @throws MigrationLockTimeoutException if a migration could not get its locks on any attempt; it
   *     was rolled back, those before it stay applied
   * @throws MigrationValidationException if an applied script was edited since; nothing is applied
   * @throws MigrationException if a migration fails (it is rolled back) or the database cannot be
   *     reached (then of kind {@code DATABASE_UNAVAILABLE})
   */
  public MigrateResult migrate() {
    return auditLog.around("migrate", "", migrate::run, result -> new AuditLog.Change(result.initialVersion(),
        result.targetVersion() != null ? result.targetVersion() : result.initialVersion(),
        result.appliedVersions()));
  }

  /**
   * Lists every migration and where it stands on the database.
   *
   * @return the status
   * @throws MigrationException if the database cannot be reached
   */
  public MigrationStatus info() {
    return new Info(context).run();
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
    new Validate(context).run();
  }

  /**
   * Lists the invalid indexes of the database ({@code pg_index.indisvalid = false}): what a failed
   * {@code CREATE INDEX CONCURRENTLY} leaves behind. Also reported by {@link #validate()}.
   *
   * @return the invalid indexes; empty when every index is valid
   * @throws MigrationException if the database cannot be read
   */
  public List<InvalidIndex> invalidIndexes() {
    return InvalidIndexes.list(context.dataSource());
  }

  /**
   * Undoes the last {@code steps} migrations with their reverse scripts, newest first, each in its
   * own transaction (statement by statement when it cannot run in one), deleting their history rows
   * so that a later {@link #migrate()} applies them again. Recorded in the audit table.
   *
   * @param steps how many migrations to undo, at least 1
   * @return what was undone
   * @throws RollbackRefusedException if refused, nothing changed: fewer are applied
   *     ({@code UnknownTargetVersionException}), one has no reverse script ({@code MissingReverseScriptException}),
   *     the database has migrations this build does not know ({@code UnknownAppliedMigrationException}),
   *     the history records a failed migration, a script was edited, or below the baseline
   * @throws dev.carriers.schema.lifecycle.RollbackFailedException if a reverse script fails; that
   *     migration stays applied, those undone before it stay undone
   * @throws SchemaLockTimeoutException if another schema change holds the lock too long
   */
  public RollbackResult rollback(int steps) {
    return rollback("steps=" + steps, () -> new Rollback(context).run(steps, null, null));
  }

  /**
   * Undoes every migration above {@code version}, which stays applied; {@code "0"} undoes them all.
   * Otherwise as {@link #rollback(int)}.
   *
   * @param version an applied version (or the baseline), or {@code "0"}
   * @return what was undone; nothing when {@code version} is the current version
   * @throws RollbackRefusedException if the version is not applied, or for the refusals of
   *     {@link #rollback(int)}; nothing is changed
   * @throws dev.carriers.schema.lifecycle.RollbackFailedException if a reverse script fails
   * @throws SchemaLockTimeoutException if another schema change holds the lock too long
   */
  public RollbackResult rollbackTo(String version) {
    Objects.requireNonNull(version, "version");
    return rollback("to=" + version, () -> new Rollback(context).run(null, version, null));
  }

  private RollbackResult rollback(String arguments, Supplier<RollbackResult> rollback) {
    return auditLog.around("rollback", arguments, rollback, result -> new AuditLog.Change(result.initialVersion(),
        result.currentVersion(), result.rolledBackVersions()));
  }

  /**
   * Runs the pending migrations inside one transaction on this database and rolls it back,
   * reporting for each its SQL, duration and the locks it took. A migration that cannot run in a
   * transaction is reported and not executed. Nothing is changed, so nothing is audited.
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
    return baseline(new Baseline(context).defaultVersion());
  }

  /**
   * As {@link #baseline()}, at a given version: the database must match every migration up to it.
   *
   * @param version the version the database is at
   * @return what was recorded
   * @throws BaselineRefusedException when the version is not one, the shape does not match, or the
   *     database is already under migration control or has nothing to adopt
   */
  public BaselineResult baseline(String version) {
    Objects.requireNonNull(version, "version");
    return auditLog.around("baseline", "version=" + version, () -> new Baseline(context).run(version),
        result -> new AuditLog.Change(null, result.version(), List.of(result.version())));
  }

  /**
   * Drops every object in the schema: tables, types, functions and the history (not the audit
   * trail, which has a schema of its own). Serialized with migrate and rollback; recorded in the
   * audit table.
   *
   * @throws CleanRefusedException if clean is not enabled in the configuration; nothing is dropped
   *     and nothing is recorded
   * @throws SchemaLockTimeoutException if another schema change holds the lock too long
   * @throws MigrationException if the clean fails
   */
  public void clean() {
    if (!configuration.cleanEnabled()) {
      throw new CleanRefusedException("clean is disabled: it drops every table; enable it with cleanEnabled(true)");
    }
    auditLog.around("clean", "", () -> {
      new Clean(context).run();
      return Boolean.TRUE;
    }, null);
  }

  /**
   * Runs an operation composed of commands (this object's and others', such as a seed) as one entry
   * of the audit trail, around the entries its commands record: {@code SUCCEEDED} when {@code work}
   * returns, {@code REFUSED} when it throws a {@link dev.carriers.CarriersException} whose kind
   * {@linkplain dev.carriers.ErrorKind#isRefusal() is a refusal} or what {@code isRefusal} accepts,
   * {@code FAILED} otherwise; the exception is rethrown unchanged. With auditing off, only runs it.
   *
   * <pre>{@code
   * migrations.audited("reset", "skip-seed", e -> false, () -> {
   *   migrations.clean();
   *   return migrations.migrate();
   * });
   * }</pre>
   *
   * @param command the entry's command, such as {@code reset}
   * @param arguments its arguments, or empty
   * @param isRefusal tells the caller's own refusals (nothing changed) apart from failures
   * @param work the operation
   * @param <T> its result
   * @return what {@code work} returned
   * @throws MigrationException if the entry cannot be written; {@code work} is then not run
   */
  public <T> T audited(String command, String arguments, Predicate<? super RuntimeException> isRefusal,
      Supplier<T> work) {
    return auditLog.around(command, arguments, work, null, isRefusal);
  }

  /**
   * Lists the audit trail, newest first.
   *
   * @param limit at most this many entries, 1 or more
   * @return the entries; empty when nothing was ever recorded
   * @throws MigrationException if the database cannot be read
   */
  public List<AuditEntry> auditTrail(int limit) {
    SettingCheck.require(limit >= 1, "an audit limit of " + limit, "give 1 or more");
    return auditLog.list(limit);
  }

  /** Returns the configuration this instance was loaded from. */
  public MigrationsConfiguration configuration() {
    return configuration;
  }
}
