package dev.carriers.dao;

import com.zaxxer.hikari.HikariConfig;
import dev.carriers.DatabaseUrl;
import dev.carriers.SettingCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Settings for {@link Carriers}, from {@link Carriers#configure()}: where the database is, and the
 * pool's settings when built from a URL. Each setter rejects a bad value at once, saying why, and
 * returns a changed copy; {@link #load()} builds the entry point.
 *
 * <pre>{@code
 * Carriers carriers = Carriers.configure()
 *     .databaseUrl(System.getenv("DATABASE_URL"))
 *     .maxPoolSize(5)
 *     .connectionTimeout(Duration.ofSeconds(3))
 *     .load();
 * }</pre>
 *
 * <p>Each setting is a field listed once, with its default; the private copy constructor copies
 * them all, so adding a setting touches its field, that constructor and its setter (JDBI's
 * {@code SerializableTransactionRunner.Configuration} is built the same way).
 *
 * <p>Effectively immutable and thread-safe: a setter changes only the fresh copy it returns,
 * before any other code sees it (the fields are not final so that a setter assigns its one field on
 * the copy instead of calling a constructor that names them all). {@link #toString()} shows the URL with the password masked.
 */
public final class CarriersConfiguration {

  private DatabaseUrl databaseUrl;
  private DataSource dataSource;
  private int maxPoolSize = 5;
  private int minIdle = 1;
  private Duration connectionTimeout = Duration.ofSeconds(5);
  private Duration idleTimeout = Duration.ofMinutes(10);
  private Duration maxLifetime = Duration.ofMinutes(30);
  private String poolName = "carriers";
  private Duration healthSchemaCacheTtl = Duration.ofSeconds(5);
  // Typed, yet Micrometer stays optional: a field's or parameter's type is not loaded until a value
  // of it is used, and only meterRegistry(...) gives one.
  private MeterRegistry meterRegistry;
  private boolean slowStatementLog = true;
  private Duration slowStatementThreshold = Duration.ofMillis(250);
  private boolean slowStatementValues;

  /** The defaults; see {@link Carriers#configure()}. */
  CarriersConfiguration() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy:
  // every field of other, then the change, on an object nobody else has seen yet.
  private CarriersConfiguration(CarriersConfiguration other, Consumer<CarriersConfiguration> change) {
    this.databaseUrl = other.databaseUrl;
    this.dataSource = other.dataSource;
    this.maxPoolSize = other.maxPoolSize;
    this.minIdle = other.minIdle;
    this.connectionTimeout = other.connectionTimeout;
    this.idleTimeout = other.idleTimeout;
    this.maxLifetime = other.maxLifetime;
    this.poolName = other.poolName;
    this.healthSchemaCacheTtl = other.healthSchemaCacheTtl;
    this.meterRegistry = other.meterRegistry;
    this.slowStatementLog = other.slowStatementLog;
    this.slowStatementThreshold = other.slowStatementThreshold;
    this.slowStatementValues = other.slowStatementValues;
    change.accept(this);
  }

  /**
   * Connects through a pool the {@link Carriers} owns, to a {@code DATABASE_URL}: libpq form
   * ({@code postgresql://user:pass@host:5432/db?sslmode=require}) or pgjdbc form
   * ({@code jdbc:postgresql://host:5432/db?user=...}).
   *
   * @param url the URL
   * @return a copy with the URL (and no data source)
   * @throws dev.carriers.InvalidDatabaseUrlException if the URL does not parse, saying why (password masked)
   */
  public CarriersConfiguration databaseUrl(String url) {
    return databaseUrl(DatabaseUrl.parse(url));
  }

  /**
   * Connects through a pool the {@link Carriers} owns, to a parsed URL.
   *
   * @param url the URL
   * @return a copy with the URL (and no data source)
   */
  public CarriersConfiguration databaseUrl(DatabaseUrl url) {
    Objects.requireNonNull(url, "url");
    return new CarriersConfiguration(this, copy -> {
      copy.databaseUrl = url;
      copy.dataSource = null;
    });
  }

  /**
   * Uses your data source (a pool, a test database, a mock); it stays open when the
   * {@link Carriers} closes. The pool settings do not apply.
   *
   * @param dataSource the data source
   * @return a copy with the data source (and no URL)
   */
  public CarriersConfiguration dataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new CarriersConfiguration(this, copy -> {
      copy.dataSource = dataSource;
      copy.databaseUrl = null;
    });
  }

  /**
   * Sets the pool's maximum size. Default 5, for a small host: PostgreSQL serves a few busy
   * connections per core best, and every service instance has its own pool.
   *
   * @param size 1 to 100
   * @return a copy with the size
   * @throws IllegalArgumentException outside 1 to 100
   */
  public CarriersConfiguration maxPoolSize(int size) {
    SettingCheck.count("maxPoolSize", size, 1, 100);
    return new CarriersConfiguration(this, copy -> copy.maxPoolSize = size);
  }

  /**
   * Sets how many idle connections the pool keeps (capped at the maximum size). Default 1.
   *
   * @param count 0 to 100
   * @return a copy with the count
   * @throws IllegalArgumentException outside 0 to 100
   */
  public CarriersConfiguration minIdle(int count) {
    SettingCheck.count("minIdle", count, 0, 100);
    return new CarriersConfiguration(this, copy -> copy.minIdle = count);
  }

  /**
   * Sets how long a call waits for a free connection before failing with
   * {@link DatabaseUnavailableException}. Default 5 seconds.
   *
   * @param timeout 250 ms (HikariCP's minimum) to 5 minutes
   * @return a copy with the timeout
   * @throws IllegalArgumentException outside that range
   */
  public CarriersConfiguration connectionTimeout(Duration timeout) {
    SettingCheck.duration("connectionTimeout", Objects.requireNonNull(timeout, "timeout"),
        Duration.ofMillis(250), Duration.ofMinutes(5), "250 ms (HikariCP's minimum) to 5 minutes");
    return new CarriersConfiguration(this, copy -> copy.connectionTimeout = timeout);
  }

  /**
   * Sets how long a connection above {@link #minIdle} may sit idle before it is closed. Default
   * 10 minutes.
   *
   * @param timeout 10 seconds (HikariCP's minimum) to 1 day, and less than the max lifetime
   * @return a copy with the timeout
   * @throws IllegalArgumentException outside that range
   */
  public CarriersConfiguration idleTimeout(Duration timeout) {
    SettingCheck.duration("idleTimeout", Objects.requireNonNull(timeout, "timeout"),
        Duration.ofSeconds(10), Duration.ofDays(1), "10 seconds (HikariCP's minimum) to 1 day");
    return new CarriersConfiguration(this, copy -> copy.idleTimeout = timeout);
  }

  /**
   * Sets the longest a connection lives before the pool replaces it; keep it below any timeout
   * of the network or server that drops connections. Default 30 minutes.
   *
   * @param lifetime 30 seconds (HikariCP's minimum) to 1 day
   * @return a copy with the lifetime
   * @throws IllegalArgumentException outside that range
   */
  public CarriersConfiguration maxLifetime(Duration lifetime) {
    SettingCheck.duration("maxLifetime", Objects.requireNonNull(lifetime, "lifetime"),
        Duration.ofSeconds(30), Duration.ofDays(1), "30 seconds (HikariCP's minimum) to 1 day");
    return new CarriersConfiguration(this, copy -> copy.maxLifetime = lifetime);
  }

  /**
   * Names the pool in HikariCP's logs and metrics. Default {@code carriers}.
   *
   * @param name a non-blank name
   * @return a copy with the name
   * @throws IllegalArgumentException if the name is null or blank
   */
  public CarriersConfiguration poolName(String name) {
    SettingCheck.notBlank("poolName", name, "it names the pool in logs and metrics");
    return new CarriersConfiguration(this, copy -> copy.poolName = name);
  }

  /**
   * Sets how long {@link Carriers#health()} reuses the schema state it read. Default 5 seconds.
   *
   * @param ttl 0 (read every time) to 1 hour
   * @return a copy with the setting
   * @throws IllegalArgumentException outside that range
   */
  public CarriersConfiguration healthSchemaCacheTtl(Duration ttl) {
    SettingCheck.duration("healthSchemaCacheTtl", Objects.requireNonNull(ttl, "ttl"),
        Duration.ZERO, Duration.ofHours(1), "0 to 1 hour");
    return new CarriersConfiguration(this, copy -> copy.healthSchemaCacheTtl = ttl);
  }

  /**
   * Records metrics on a Micrometer registry: a timer per DAO call ({@code carriers.dao}, tags
   * {@code operation} and {@code outcome}), per transaction ({@code carriers.transaction}) with a
   * counter of retries, a counter of slow statements, and, for a pool built from a URL, HikariCP's
   * own pool metrics ({@code hikaricp.connections.active}, {@code idle}, {@code pending},
   * {@code acquire}, {@code timeout}, ...). The names are {@link dev.carriers.dao.monitoring.DaoMetrics}'s.
   * Nothing is recorded on any other registry, Micrometer's global one included; without this call no
   * Micrometer class is loaded (it is an optional dependency). A pool you pass with
   * {@link #dataSource(DataSource)} keeps its own metrics setting.
   *
   * <pre>{@code
   * Carriers carriers = Carriers.configure().databaseUrl(url).meterRegistry(meterRegistry).load();
   * }</pre>
   *
   * @param registry the application's registry
   * @return a copy that records on it
   */
  public CarriersConfiguration meterRegistry(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return new CarriersConfiguration(this, copy -> copy.meterRegistry = registry);
  }

  /**
   * Sets the duration from which a statement the DAO sends is logged as slow: once, at WARN, on the
   * SLF4J logger {@code dev.carriers.dao.slow}, with the operation, the SQL (placeholders, not
   * values), the duration and the row count, and counted in {@code carriers.dao.slow.statements}
   * when metered. Default 250 ms.
   *
   * @param threshold 1 ms to 1 hour
   * @return a copy with the threshold
   * @throws IllegalArgumentException outside that range
   */
  public CarriersConfiguration slowStatementThreshold(Duration threshold) {
    SettingCheck.duration("slowStatementThreshold", Objects.requireNonNull(threshold, "threshold"),
        Duration.ofMillis(1), Duration.ofHours(1), "1 ms to 1 hour");
    return new CarriersConfiguration(this, copy -> copy.slowStatementThreshold = threshold);
  }

  /**
   * Turns the slow-statement log (and its counter) on or off. On by default.
   *
   * @param enabled whether slow statements are logged
   * @return a copy with the setting
   */
  public CarriersConfiguration slowStatementLog(boolean enabled) {
    return new CarriersConfiguration(this, copy -> copy.slowStatementLog = enabled);
  }

  /**
   * Sets whether a slow statement's log line shows the values bound to it. Off by default: carrier
   * names and MC numbers are business data, and logs travel further than the database.
   *
   * @param enabled whether to log bound values
   * @return a copy with the setting
   */
  public CarriersConfiguration slowStatementValues(boolean enabled) {
    return new CarriersConfiguration(this, copy -> copy.slowStatementValues = enabled);
  }

  /** Returns the pool's maximum size. */
  public int maxPoolSize() {
    return maxPoolSize;
  }

  /** Returns the connection timeout. */
  public Duration connectionTimeout() {
    return connectionTimeout;
  }

  /**
   * Builds the entry point; from a URL this starts the pool (it connects in the background).
   *
   * @return an immutable, thread-safe {@link Carriers}; close it when done
   * @throws IllegalStateException if neither a URL nor a data source was set, or the pool
   *     settings contradict each other
   */
  public Carriers load() {
    if (databaseUrl == null && dataSource == null) {
      throw new IllegalStateException("no database: call databaseUrl(...) or dataSource(...) before load()");
    }
    if (databaseUrl != null && idleTimeout.compareTo(maxLifetime) >= 0) {
      throw new IllegalStateException("idleTimeout " + idleTimeout + " must be less than maxLifetime " + maxLifetime
          + ": a connection is retired at its max lifetime anyway");
    }
    return new Carriers(this);
  }

  /** Whether {@link Carriers} builds and owns a pool (from a URL) rather than using a given data source. */
  boolean ownsPool() {
    return databaseUrl != null;
  }

  /** The data source given to {@link #dataSource(DataSource)}, or null when built from a URL. */
  DataSource givenDataSource() {
    return dataSource;
  }

  /** The registry given to {@link #meterRegistry}, or null. */
  MeterRegistry meterRegistryOrNull() {
    return meterRegistry;
  }

  /** The slow-statement threshold, or null when the log is off. */
  Duration slowStatementThresholdOrNull() {
    return slowStatementLog ? slowStatementThreshold : null;
  }

  /** Whether slow statements are logged with their bound values. */
  boolean slowStatementValues() {
    return slowStatementValues;
  }

  /** How long the health check reuses the schema state it read. */
  Duration healthSchemaCacheTtl() {
    return healthSchemaCacheTtl;
  }

  /** The pool's settings, when built from a URL. */
  HikariConfig hikariConfig() {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(poolName);
    hikari.setDriverClassName("org.postgresql.Driver");
    hikari.setJdbcUrl(databaseUrl.jdbcUrl());
    // user, password, sslmode and the other parameters, as pgjdbc properties: never in the URL
    // that HikariCP logs.
    hikari.setDataSourceProperties(databaseUrl.connectionProperties());
    hikari.setMaximumPoolSize(maxPoolSize);
    hikari.setMinimumIdle(Math.min(minIdle, maxPoolSize));
    hikari.setConnectionTimeout(connectionTimeout.toMillis());
    hikari.setIdleTimeout(idleTimeout.toMillis());
    hikari.setMaxLifetime(maxLifetime.toMillis());
    // Start without waiting for the database: while it is down, calls fail with
    // DatabaseUnavailableException and health() says so.
    hikari.setInitializationFailTimeout(-1);
    hikari.setAutoCommit(true);
    return hikari;
  }

  /** Shows the URL with its password masked, or the data source's type, and the pool settings. */
  @Override
  public String toString() {
    String monitoring = ", metrics " + (meterRegistry == null ? "off" : "on") + ", slow statements "
        + (slowStatementLog ? "from " + slowStatementThreshold.toMillis() + " ms" : "not logged");
    if (databaseUrl == null) {
      return "dataSource=" + (dataSource == null ? "none" : dataSource.getClass().getName()) + monitoring;
    }
    return "url=" + databaseUrl + ", pool=" + poolName + " (max " + maxPoolSize + ", minIdle " + minIdle
        + ", connectionTimeout " + connectionTimeout + ", idleTimeout " + idleTimeout + ", maxLifetime "
        + maxLifetime + ")" + monitoring;
  }
}
