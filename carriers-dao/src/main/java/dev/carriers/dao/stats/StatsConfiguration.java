package dev.carriers.dao.stats;

import dev.carriers.SettingCheck;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Settings for {@link DatabaseStats}, from {@link DatabaseStats#configure()}: the database, which
 * checks to run, their thresholds, and the bounds of each query. Each setter rejects a bad value at
 * once, saying why, and returns a changed copy; {@link #load()} builds the checker.
 *
 * <pre>{@code
 * StatsReport report = DatabaseStats.configure()
 *     .dataSource(dataSource)
 *     .threshold(StatsCheck.LONG_RUNNING_QUERIES, new Threshold(30, 120, 0))
 *     .load()
 *     .run();
 * }</pre>
 *
 * <p>Effectively immutable and thread-safe: a setter changes only the fresh copy it returns.
 */
public final class StatsConfiguration {

  private DataSource dataSource;
  private Set<StatsCheck> checks = Collections.unmodifiableSet(EnumSet.allOf(StatsCheck.class));
  private Map<StatsCheck, Threshold> thresholds = Collections.unmodifiableMap(new EnumMap<>(StatsCheck.class));
  private Duration statementTimeout = Duration.ofSeconds(10);
  private Duration lockTimeout = Duration.ofSeconds(1);
  private boolean allDatabases;
  private int topStatements = 10;
  private int maxFindings = 10;

  /** The defaults; see {@link DatabaseStats#configure()}. */
  StatsConfiguration() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy.
  private StatsConfiguration(StatsConfiguration other, Consumer<StatsConfiguration> change) {
    this.dataSource = other.dataSource;
    this.checks = other.checks;
    this.thresholds = other.thresholds;
    this.statementTimeout = other.statementTimeout;
    this.lockTimeout = other.lockTimeout;
    this.allDatabases = other.allDatabases;
    this.topStatements = other.topStatements;
    this.maxFindings = other.maxFindings;
    change.accept(this);
  }

  /**
   * Sets the database to check. Its role should have {@code pg_monitor} (or be a superuser) to see
   * every session and statement; with less, what it cannot see is left out.
   *
   * @param dataSource the data source; each run takes one connection from it
   * @return a copy with the data source
   */
  public StatsConfiguration dataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new StatsConfiguration(this, copy -> copy.dataSource = dataSource);
  }

  /**
   * Runs only these checks (all by default).
   *
   * @param first a check
   * @param more more checks
   * @return a copy that runs them
   */
  public StatsConfiguration checks(StatsCheck first, StatsCheck... more) {
    EnumSet<StatsCheck> chosen = EnumSet.of(Objects.requireNonNull(first, "first"), more);
    return new StatsConfiguration(this, copy -> copy.checks = Collections.unmodifiableSet(chosen));
  }

  /**
   * Sets a check's thresholds instead of its {@link StatsCheck#defaults()}.
   *
   * @param check the check
   * @param threshold its thresholds, in its {@link StatsCheck#unit()}
   * @return a copy with them
   * @throws IllegalArgumentException if critical comes before warn (for the check's direction)
   */
  public StatsConfiguration threshold(StatsCheck check, Threshold threshold) {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(threshold, "threshold");
    boolean ordered = check.lowerIsWorse() ? threshold.critical() <= threshold.warn()
        : threshold.critical() >= threshold.warn();
    SettingCheck.require(ordered, check.key() + " critical " + threshold.critical() + " before warn "
        + threshold.warn(), check.lowerIsWorse() ? "critical is at or below warn for this check"
        : "critical is at or above warn");
    EnumMap<StatsCheck, Threshold> changed = new EnumMap<>(StatsCheck.class);
    changed.putAll(thresholds);
    changed.put(check, threshold);
    return new StatsConfiguration(this, copy -> copy.thresholds = Collections.unmodifiableMap(changed));
  }

  /**
   * Sets how long each check's query may run ({@code statement_timeout}). Default 10 seconds.
   *
   * @param timeout 100 ms to 10 minutes
   * @return a copy with the timeout
   */
  public StatsConfiguration statementTimeout(Duration timeout) {
    SettingCheck.duration("statementTimeout", Objects.requireNonNull(timeout, "timeout"), Duration.ofMillis(100),
        Duration.ofMinutes(10), "100 ms to 10 minutes");
    return new StatsConfiguration(this, copy -> copy.statementTimeout = timeout);
  }

  /**
   * Sets how long a check waits for a lock ({@code lock_timeout}; sizes need a table's share lock,
   * which DDL in progress holds). Default 1 second.
   *
   * @param timeout 10 ms to 1 minute
   * @return a copy with the timeout
   */
  public StatsConfiguration lockTimeout(Duration timeout) {
    SettingCheck.duration("lockTimeout", Objects.requireNonNull(timeout, "timeout"), Duration.ofMillis(10),
        Duration.ofMinutes(1), "10 ms to 1 minute");
    return new StatsConfiguration(this, copy -> copy.lockTimeout = timeout);
  }

  /**
   * Sets whether the activity checks (long-running queries, idle transactions, blocking locks) look
   * at every database of the server rather than only the one checked. Off by default.
   *
   * @param all whether to look at every database
   * @return a copy with the setting
   */
  public StatsConfiguration allDatabases(boolean all) {
    return new StatsConfiguration(this, copy -> copy.allDatabases = all);
  }

  /**
   * Sets how many statements {@link StatsCheck#TOP_STATEMENTS} lists. Default 10.
   *
   * @param count 1 to 100
   * @return a copy with the count
   */
  public StatsConfiguration topStatements(int count) {
    SettingCheck.count("topStatements", count, 1, 100);
    return new StatsConfiguration(this, copy -> copy.topStatements = count);
  }

  /**
   * Sets how many findings a check reports at most (the worst). Default 10.
   *
   * @param count 1 to 1000
   * @return a copy with the count
   */
  public StatsConfiguration maxFindings(int count) {
    SettingCheck.count("maxFindings", count, 1, 1000);
    return new StatsConfiguration(this, copy -> copy.maxFindings = count);
  }

  /** Returns the data source, or null when none was set. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns the checks to run. */
  public Set<StatsCheck> checks() {
    return checks;
  }

  /**
   * Returns a check's thresholds: the configured ones, else its defaults.
   *
   * @param check the check
   * @return its thresholds
   */
  public Threshold threshold(StatsCheck check) {
    return thresholds.getOrDefault(check, check.defaults());
  }

  /** Returns each query's statement timeout. */
  public Duration statementTimeout() {
    return statementTimeout;
  }

  /** Returns each query's lock timeout. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** Returns whether the activity checks look at every database. */
  public boolean allDatabases() {
    return allDatabases;
  }

  /** Returns how many statements the top statements check lists. */
  public int topStatements() {
    return topStatements;
  }

  /** Returns how many findings a check reports at most. */
  public int maxFindings() {
    return maxFindings;
  }

  /**
   * Builds the checker.
   *
   * @return an immutable, thread-safe {@link DatabaseStats}
   * @throws IllegalStateException if no data source was set
   */
  public DatabaseStats load() {
    if (dataSource == null) {
      throw new IllegalStateException("no database: call dataSource(...) before load()");
    }
    return new DatabaseStats(this);
  }
}
