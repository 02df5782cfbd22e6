package dev.carriers.schema;

import dev.carriers.SettingCheck;
import dev.carriers.schema.internal.ScriptCatalog;
import dev.carriers.schema.monitoring.MigrationListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Settings for {@link CarriersMigrations}, from {@link CarriersMigrations#configure()}; {@link #load()}
 * builds the migrations object.
 *
 * <pre>{@code
 * CarriersMigrations migrations = CarriersMigrations.configure()
 *     .dataSource(dataSource)
 *     .lockTimeout(Duration.ofSeconds(2))
 *     .load();
 * }</pre>
 *
 * <p>Each setter checks its value at once (a message says why a bad one makes no sense) and returns
 * a changed copy; the instance it is called on never changes. Each field is listed once, with its
 * default, and copied in the one private copy constructor (JDBI's
 * {@code SerializableTransactionRunner.Configuration} way), so a new setting touches one place.
 *
 * <p>Immutable, hence thread-safe once safely published (a {@link CarriersMigrations} holds its
 * configuration in a final field).
 */
public final class MigrationsConfiguration {

  /** The default {@code lock_timeout} of migrations: 5 seconds. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

  /** The default number of retries after a lock timeout. */
  public static final int DEFAULT_LOCK_TIMEOUT_RETRIES = 3;

  /** The default wait before the first retry after a lock timeout; it doubles for each next. */
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(2);

  /** The class loader of {@code classpath:} locations: the one that holds this jar's scripts. */
  static final ClassLoader CLASS_LOADER = MigrationsConfiguration.class.getClassLoader();

  private static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

  private DataSource dataSource;
  private List<String> locations = List.of(CarriersMigrations.DEFAULT_LOCATION);
  private List<String> rollbackLocations = List.of(CarriersMigrations.DEFAULT_ROLLBACK_LOCATION);
  private boolean cleanEnabled;
  private boolean audit = true;
  private Duration lockWait = DEFAULT_LOCK_WAIT;
  private Consumer<String> progress;
  private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
  private Duration statementTimeout = Duration.ZERO;
  private int lockTimeoutRetries = DEFAULT_LOCK_TIMEOUT_RETRIES;
  private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
  private List<MigrationListener> listeners = List.of();
  private boolean globalMetrics = true;

  /** The defaults; only {@link CarriersMigrations#configure()} starts one. */
  MigrationsConfiguration() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy:
  // every field of other, then the change, on an object nobody else has seen yet. Every list field
  // holds an unmodifiable list, so sharing it between copies is safe.
  private MigrationsConfiguration(MigrationsConfiguration other, Consumer<MigrationsConfiguration> change) {
    this.dataSource = other.dataSource;
    this.locations = other.locations;
    this.rollbackLocations = other.rollbackLocations;
    this.cleanEnabled = other.cleanEnabled;
    this.audit = other.audit;
    this.lockWait = other.lockWait;
    this.progress = other.progress;
    this.lockTimeout = other.lockTimeout;
    this.statementTimeout = other.statementTimeout;
    this.lockTimeoutRetries = other.lockTimeoutRetries;
    this.retryBackoff = other.retryBackoff;
    this.listeners = other.listeners;
    this.globalMetrics = other.globalMetrics;
    change.accept(this);
  }

  /**
   * Sets the database to migrate. The data source's user needs the right to create tables.
   *
   * @param dataSource the database
   * @return a copy with the data source set
   */
  public MigrationsConfiguration dataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new MigrationsConfiguration(this, copy -> copy.dataSource = dataSource);
  }

  /**
   * Replaces the migration locations; by default this jar's {@code classpath:db/migration}.
   *
   * @param locations Flyway locations, such as {@code filesystem:/path/to/migrations}
   * @return a copy with the locations set
   * @throws IllegalArgumentException if none is given or one is blank
   */
  public MigrationsConfiguration locations(String... locations) {
    List<String> checked = SettingCheck.nonEmpty("migration location", locations);
    return new MigrationsConfiguration(this, copy -> copy.locations = checked);
  }

  /**
   * Replaces the locations of the reverse scripts; by default this jar's {@code db/rollback}.
   *
   * @param locations Flyway-style locations, such as {@code filesystem:/path/to/rollback}
   * @return a copy with the locations set
   * @throws IllegalArgumentException if none is given or one is blank
   */
  public MigrationsConfiguration rollbackLocations(String... locations) {
    List<String> checked = SettingCheck.nonEmpty("rollback location", locations);
    return new MigrationsConfiguration(this, copy -> copy.rollbackLocations = checked);
  }

  /**
   * Allows {@link CarriersMigrations#clean()}, which drops every object. Off by default.
   *
   * @param enabled whether clean is allowed
   * @return a copy with the setting
   */
  public MigrationsConfiguration cleanEnabled(boolean enabled) {
    return new MigrationsConfiguration(this, copy -> copy.cleanEnabled = enabled);
  }

  /**
   * Sets whether schema changes are recorded in the audit table. On by default; turn it off only
   * where nobody will ask who changed the schema (throwaway test databases).
   *
   * @param enabled whether to audit
   * @return a copy with the setting
   */
  public MigrationsConfiguration audit(boolean enabled) {
    return new MigrationsConfiguration(this, copy -> copy.audit = enabled);
  }

  /**
   * Sets how long a schema change waits for another one (from any process) to release the schema
   * lock. Default 60 s.
   *
   * @param wait from 1 second to 1 hour
   * @return a copy with the setting
   * @throws IllegalArgumentException outside that range
   */
  public MigrationsConfiguration lockWait(Duration wait) {
    SettingCheck.duration("a lock wait of", Objects.requireNonNull(wait, "wait"), Duration.ofSeconds(1),
        Duration.ofHours(1), "1 s to 1 h");
    return new MigrationsConfiguration(this, copy -> copy.lockWait = wait);
  }

  /**
   * Sets a listener told one line before each migration is applied or rolled back, such as
   * {@code Applying version 2: add carrier status enum}: the progress line of a long run. It is
   * called on the calling thread, between statements; keep it quick.
   *
   * @param listener the listener
   * @return a copy with the listener
   */
  public MigrationsConfiguration progress(Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener");
    return new MigrationsConfiguration(this, copy -> copy.progress = listener);
  }

  /**
   * Sets PostgreSQL's {@code lock_timeout} for the sessions {@code migrate} uses: how long one
   * statement of a migration waits for a lock another session holds before it gives up (SQLState
   * 55P03), instead of queueing every later query on that table behind it. Default 5 s. A script's
   * own {@code set local lock_timeout} wins for that script. See {@link #lockTimeoutRetries(int)}.
   *
   * @param timeout from 10 ms to 10 minutes
   * @return a copy with the setting
   * @throws IllegalArgumentException outside that range
   */
  public MigrationsConfiguration lockTimeout(Duration timeout) {
    SettingCheck.duration("a lock timeout of", Objects.requireNonNull(timeout, "timeout"), Duration.ofMillis(10),
        Duration.ofMinutes(10), "10 ms to 10 min");
    return new MigrationsConfiguration(this, copy -> copy.lockTimeout = timeout);
  }

  /**
   * Sets PostgreSQL's {@code statement_timeout} for the sessions {@code migrate} uses: the longest
   * one statement may run (SQLState 57014 when exceeded). Default zero: no limit, since a backfill
   * or a {@code CREATE INDEX CONCURRENTLY} on a large table legitimately takes long. Set it to
   * the longest statement you expect, with margin.
   *
   * @param timeout zero for no limit, or from 1 second to 24 hours
   * @return a copy with the setting
   * @throws IllegalArgumentException outside that range
   */
  public MigrationsConfiguration statementTimeout(Duration timeout) {
    if (!Objects.requireNonNull(timeout, "timeout").isZero()) {
      SettingCheck.duration("a statement timeout of", timeout, Duration.ofSeconds(1), Duration.ofHours(24),
          "zero (no limit) or 1 s to 24 h");
    }
    return new MigrationsConfiguration(this, copy -> copy.statementTimeout = timeout);
  }

  /**
   * Sets how many times {@code migrate} retries after a lock timeout, waiting
   * {@link #retryBackoff(Duration)} before the first retry and twice as long before each next.
   * Default 3. A timed-out migration that ran in a transaction was rolled back, so the retry starts
   * it afresh; one that ran outside a transaction (such as {@code CREATE INDEX CONCURRENTLY}) and
   * left a failed history row is not retried.
   *
   * @param retries from 0 (fail at the first timeout) to 10
   * @return a copy with the setting
   * @throws IllegalArgumentException outside that range
   */
  public MigrationsConfiguration lockTimeoutRetries(int retries) {
    SettingCheck.require(retries >= 0 && retries <= 10, "\"" + retries + "\" lock-timeout retries", "use 0 to 10");
    return new MigrationsConfiguration(this, copy -> copy.lockTimeoutRetries = retries);
  }

  /**
   * Sets the wait before the first retry after a lock timeout; each next retry waits twice as long.
   * Default 2 s.
   *
   * @param backoff from zero to 5 minutes
   * @return a copy with the setting
   * @throws IllegalArgumentException outside that range
   */
  public MigrationsConfiguration retryBackoff(Duration backoff) {
    SettingCheck.duration("a retry backoff of", Objects.requireNonNull(backoff, "backoff"), Duration.ZERO,
        Duration.ofMinutes(5), "0 to 5 min");
    return new MigrationsConfiguration(this, copy -> copy.retryBackoff = backoff);
  }

  /**
   * Adds a listener told the outcome and duration of each migration {@code migrate} runs (see
   * {@link MigrationListener} for when). May be called several times; listeners are told in the
   * order they were added.
   *
   * @param listener the listener
   * @return a copy with the listener added
   */
  public MigrationsConfiguration listener(MigrationListener listener) {
    Objects.requireNonNull(listener, "listener");
    List<MigrationListener> all = new ArrayList<>(listeners);
    all.add(listener);
    return new MigrationsConfiguration(this, copy -> copy.listeners = List.copyOf(all));
  }

  /**
   * Sets whether, when Micrometer is on the class path, each migration is also recorded on
   * Micrometer's global registry ({@link dev.carriers.schema.monitoring.MicrometerMigrationListener}).
   * On by default; without Micrometer it does nothing.
   *
   * @param enabled whether to record on the global registry
   * @return a copy with the setting
   */
  public MigrationsConfiguration globalMetrics(boolean enabled) {
    return new MigrationsConfiguration(this, copy -> copy.globalMetrics = enabled);
  }

  /** Returns the database, or null before {@link #dataSource(DataSource)}. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns the migration locations. */
  public List<String> locations() {
    return locations;
  }

  /** Returns the reverse-script locations. */
  public List<String> rollbackLocations() {
    return rollbackLocations;
  }

  /** Returns whether clean is allowed. */
  public boolean cleanEnabled() {
    return cleanEnabled;
  }

  /** Returns whether schema changes are audited. */
  public boolean audit() {
    return audit;
  }

  /** Returns how long a schema change waits for the schema lock. */
  public Duration lockWait() {
    return lockWait;
  }

  /** Returns the progress listener, or null when none is set. */
  public Consumer<String> progress() {
    return progress;
  }

  /** Returns the {@code lock_timeout} of migrations. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** Returns the {@code statement_timeout} of migrations; zero for none. */
  public Duration statementTimeout() {
    return statementTimeout;
  }

  /** Returns how many times a lock timeout is retried. */
  public int lockTimeoutRetries() {
    return lockTimeoutRetries;
  }

  /** Returns the wait before the first retry. */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  /** Returns the migration listeners, in the order they were added. */
  public List<MigrationListener> listeners() {
    return listeners;
  }

  /** Returns whether migrations are also recorded on Micrometer's global registry. */
  public boolean globalMetrics() {
    return globalMetrics;
  }

  /**
   * Lists the migrations that have no reverse script (a file of the same name under the rollback
   * locations). Needs no database: the build's test runs it.
   *
   * @return the migration file names without a reverse script, oldest first; empty when paired
   * @throws MigrationException if a location cannot be read
   */
  public List<String> missingReverseScripts() {
    return ScriptCatalog.scan(CLASS_LOADER, locations)
        .withoutCounterpartIn(ScriptCatalog.scan(CLASS_LOADER, rollbackLocations));
  }

  /**
   * Lists the reverse scripts that match no migration (a misspelt name, say).
   *
   * @return their file names, oldest first
   * @throws MigrationException if a location cannot be read
   */
  public List<String> orphanReverseScripts() {
    return ScriptCatalog.scan(CLASS_LOADER, rollbackLocations)
        .withoutCounterpartIn(ScriptCatalog.scan(CLASS_LOADER, locations));
  }

  /**
   * Builds the migrations object.
   *
   * @return an immutable, thread-safe {@link CarriersMigrations}
   * @throws IllegalStateException if no data source was set
   */
  public CarriersMigrations load() {
    if (dataSource == null) {
      throw new IllegalStateException("no data source: call dataSource(...) before load()");
    }
    return new CarriersMigrations(this);
  }
}
