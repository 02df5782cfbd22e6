package dev.carriers.dao;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.carriers.DatabaseUrl;
import dev.carriers.dao.internal.HealthProbe;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The entry point of the carriers data layer: a connection pool (or your data source), jOOQ set up
 * for production, the {@link CarrierDao}, transactions and a health check.
 *
 * <pre>{@code
 * try (Carriers carriers = Carriers.configure()
 *     .databaseUrl(System.getenv("DATABASE_URL"))   // postgresql://user:pass@host:5432/db?sslmode=require
 *     .maxPoolSize(5)
 *     .load()) {
 *   CarrierRecord acme = carriers.carriers().create(NewCarrier.of("Acme Freight", "MC-012345"));
 *   carriers.useTransaction(tx -> {
 *     CarrierRecord read = tx.carriers().getById(acme.getId());
 *     tx.carriers().update(read, CarrierUpdate.create().status(CarrierStatus.INACTIVE));
 *   });
 * }
 * }</pre>
 *
 * <p>From a URL ({@link Configuration#databaseUrl(String)}) it owns a HikariCP pool sized for a
 * small host, which {@link #close()} closes; the URL's libpq parameters that pgjdbc supports
 * ({@code sslmode}, {@code sslrootcert}, {@code application_name}, {@code connect_timeout}, ...)
 * carry over. From a data source ({@link Configuration#dataSource(DataSource)}) it uses yours and
 * leaves it open on close. The pool starts without waiting for the database: when it is down,
 * calls fail with {@link DatabaseUnavailableException} and {@link #health()} says so.
 *
 * <p>Immutable and thread-safe; build one per database and share it. {@link #toString()} and every
 * message show the URL with the password masked.
 */
public final class Carriers implements AutoCloseable {

  private final Configuration configuration;
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final DSLContext dsl;
  private final CarrierDao carriers;
  private final HealthProbe health;

  private Carriers(Configuration configuration) {
    this.configuration = configuration;
    if (configuration.databaseUrl != null) {
      this.ownedPool = new HikariDataSource(hikariConfig(configuration));
      this.dataSource = ownedPool;
    } else {
      this.ownedPool = null;
      this.dataSource = configuration.dataSource;
    }
    this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, settings());
    this.carriers = new CarrierDao(dsl);
    this.health = new HealthProbe(dataSource,
        dataSource instanceof HikariDataSource hikari ? hikari : null,
        configuration.healthSchemaCacheTtl,
        (int) Math.max(1, configuration.connectionTimeout.toSeconds()));
  }

  /**
   * Starts a configuration. Set a database URL or a data source, then {@link Configuration#load()}.
   *
   * @return a configuration with the defaults
   */
  public static Configuration configure() {
    return new Configuration(null, null, 5, 1, Duration.ofSeconds(5), Duration.ofMinutes(10),
        Duration.ofMinutes(30), "carriers", Duration.ofSeconds(5));
  }

  /**
   * jOOQ settings for production: no execute logging, no per-query warnings fetch, unqualified
   * names (the connection's search_path picks the schema), detached results.
   */
  static Settings settings() {
    return new Settings()
        .withExecuteLogging(false)
        .withFetchWarnings(false)
        .withDiagnosticsLogging(false)
        .withRenderSchema(false)
        .withRenderCatalog(false)
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
        .withAttachRecords(false);
  }

  static HikariConfig hikariConfig(Configuration configuration) {
    DatabaseUrl url = configuration.databaseUrl;
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(configuration.poolName);
    hikari.setDriverClassName("org.postgresql.Driver");
    hikari.setJdbcUrl(url.jdbcUrl());
    // user, password, sslmode and the other parameters, as pgjdbc properties: never in the URL
    // that HikariCP logs.
    hikari.setDataSourceProperties(url.connectionProperties());
    hikari.setMaximumPoolSize(configuration.maxPoolSize);
    hikari.setMinimumIdle(Math.min(configuration.minIdle, configuration.maxPoolSize));
    hikari.setConnectionTimeout(configuration.connectionTimeout.toMillis());
    hikari.setIdleTimeout(configuration.idleTimeout.toMillis());
    hikari.setMaxLifetime(configuration.maxLifetime.toMillis());
    hikari.setInitializationFailTimeout(-1);
    hikari.setAutoCommit(true);
    return hikari;
  }

  /** Returns the carriers DAO; each call runs in its own transaction. */
  public CarrierDao carriers() {
    return carriers;
  }

  /**
   * Returns the jOOQ context this instance uses, for queries the DAO does not offer. Its failures
   * are jOOQ's own; inside {@link #inTransaction} they are translated.
   *
   * @return the shared context (autocommit)
   */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Runs work in one transaction: committed if the callback returns, rolled back entirely if it
   * throws (the exception propagates; database failures as typed {@link
   * dev.carriers.CarriersException}s). Nested {@link CarriersTransaction#inTransaction} calls are
   * savepoints.
   *
   * @param <T> the result type
   * @param callback the work; use only the {@link CarriersTransaction} it is given
   * @return the callback's result, after commit
   * @throws TransactionConflictException on a serialization failure or deadlock; see
   *     {@link #inTransaction(TransactionOptions, TransactionCallback)} to retry
   * @throws DatabaseUnavailableException if no connection could be had, or it broke
   */
  public <T> T inTransaction(TransactionCallback<T> callback) {
    return CarriersTransaction.run(dsl, TransactionOptions.defaults(), callback);
  }

  /**
   * Runs work in one transaction with options: an isolation level, and retry after serialization
   * failures and deadlocks. <b>With retry, the callback may run several times and must be
   * idempotent</b> apart from its database work; see {@link TransactionOptions}.
   *
   * @param <T> the result type
   * @param options isolation and retry
   * @param callback the work
   * @return the callback's result, after commit
   * @throws TransactionConflictException when the last attempt also conflicted; its
   *     {@link TransactionConflictException#attempts()} says how many ran
   * @throws DatabaseUnavailableException if no connection could be had, or it broke
   */
  public <T> T inTransaction(TransactionOptions options, TransactionCallback<T> callback) {
    return CarriersTransaction.run(dsl, options, callback);
  }

  /**
   * Runs work without a result in one transaction; see {@link #inTransaction(TransactionCallback)}.
   *
   * @param work the work
   */
  public void useTransaction(TransactionWork work) {
    Objects.requireNonNull(work, "work");
    inTransaction(tx -> {
      work.run(tx);
      return null;
    });
  }

  /**
   * Runs work without a result in one transaction with options; see
   * {@link #inTransaction(TransactionOptions, TransactionCallback)}.
   *
   * @param options isolation and retry
   * @param work the work
   */
  public void useTransaction(TransactionOptions options, TransactionWork work) {
    Objects.requireNonNull(work, "work");
    inTransaction(options, tx -> {
      work.run(tx);
      return null;
    });
  }

  /**
   * Checks the database: reachable (with the round trip of a {@code select 1}), the pool's state,
   * the schema version and whether migrations are pending. Cheap enough to call every few seconds:
   * one pooled {@code select 1}; the schema state is read at most once per
   * {@link Configuration#healthSchemaCacheTtl(Duration)}. Never throws for a database problem:
   * it reports it.
   *
   * @return what was found
   */
  public CarriersHealth health() {
    return health.check();
  }

  /** Returns the configuration this instance was loaded from. */
  public Configuration configuration() {
    return configuration;
  }

  /** Closes the pool if this instance owns it (built from a URL); a given data source stays open. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  @Override
  public String toString() {
    return "Carriers[" + configuration + "]";
  }

  /**
   * Settings for {@link Carriers}. Immutable: each setter returns a copy and rejects a bad value at
   * once, saying why. The pool settings apply when built from a URL.
   */
  public static final class Configuration {

    private final DatabaseUrl databaseUrl;
    private final DataSource dataSource;
    private final int maxPoolSize;
    private final int minIdle;
    private final Duration connectionTimeout;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final String poolName;
    private final Duration healthSchemaCacheTtl;

    private Configuration(DatabaseUrl databaseUrl, DataSource dataSource, int maxPoolSize, int minIdle,
        Duration connectionTimeout, Duration idleTimeout, Duration maxLifetime, String poolName,
        Duration healthSchemaCacheTtl) {
      this.databaseUrl = databaseUrl;
      this.dataSource = dataSource;
      this.maxPoolSize = maxPoolSize;
      this.minIdle = minIdle;
      this.connectionTimeout = connectionTimeout;
      this.idleTimeout = idleTimeout;
      this.maxLifetime = maxLifetime;
      this.poolName = poolName;
      this.healthSchemaCacheTtl = healthSchemaCacheTtl;
    }

    /**
     * Connects through a pool this instance owns, to a {@code DATABASE_URL}: libpq form
     * ({@code postgresql://user:pass@host:5432/db?sslmode=require}) or pgjdbc form
     * ({@code jdbc:postgresql://host:5432/db?user=...}).
     *
     * @param url the URL
     * @return a copy with the URL (and no data source)
     * @throws dev.carriers.InvalidDatabaseUrlException if the URL does not parse, saying why (password masked)
     */
    public Configuration databaseUrl(String url) {
      return databaseUrl(DatabaseUrl.parse(url));
    }

    /**
     * Connects through a pool this instance owns, to a parsed URL.
     *
     * @param url the URL
     * @return a copy with the URL (and no data source)
     */
    public Configuration databaseUrl(DatabaseUrl url) {
      return new Configuration(Objects.requireNonNull(url, "url"), null, maxPoolSize, minIdle, connectionTimeout,
          idleTimeout, maxLifetime, poolName, healthSchemaCacheTtl);
    }

    /**
     * Uses your data source (a pool, a test database, a mock); it stays open when this instance
     * closes. The pool settings do not apply.
     *
     * @param dataSource the data source
     * @return a copy with the data source (and no URL)
     */
    public Configuration dataSource(DataSource dataSource) {
      return new Configuration(null, Objects.requireNonNull(dataSource, "dataSource"), maxPoolSize, minIdle,
          connectionTimeout, idleTimeout, maxLifetime, poolName, healthSchemaCacheTtl);
    }

    /**
     * Sets the pool's maximum size. Default 5, for a small host: PostgreSQL serves a few busy
     * connections per core best, and every service instance has its own pool.
     *
     * @param size 1 to 100
     * @return a copy with the size
     */
    public Configuration maxPoolSize(int size) {
      if (size < 1 || size > 100) {
        throw new IllegalArgumentException("maxPoolSize " + size + " makes no sense: use 1 to 100");
      }
      return new Configuration(databaseUrl, dataSource, size, minIdle, connectionTimeout, idleTimeout, maxLifetime,
          poolName, healthSchemaCacheTtl);
    }

    /**
     * Sets how many idle connections the pool keeps (capped at the maximum size). Default 1.
     *
     * @param count 0 to 100
     * @return a copy with the count
     */
    public Configuration minIdle(int count) {
      if (count < 0 || count > 100) {
        throw new IllegalArgumentException("minIdle " + count + " makes no sense: use 0 to 100");
      }
      return new Configuration(databaseUrl, dataSource, maxPoolSize, count, connectionTimeout, idleTimeout,
          maxLifetime, poolName, healthSchemaCacheTtl);
    }

    /**
     * Sets how long a call waits for a free connection before failing with
     * {@link DatabaseUnavailableException}. Default 5 seconds.
     *
     * @param timeout 250 ms (HikariCP's minimum) to 5 minutes
     * @return a copy with the timeout
     */
    public Configuration connectionTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMillis(250)) < 0 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("connectionTimeout " + timeout
            + " makes no sense: use 250 ms (HikariCP's minimum) to 5 minutes");
      }
      return new Configuration(databaseUrl, dataSource, maxPoolSize, minIdle, timeout, idleTimeout, maxLifetime,
          poolName, healthSchemaCacheTtl);
    }

    /**
     * Sets how long a connection above {@link #minIdle} may sit idle before it is closed. Default
     * 10 minutes.
     *
     * @param timeout 10 seconds (HikariCP's minimum) to 1 day, and less than the max lifetime
     * @return a copy with the timeout
     */
    public Configuration idleTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofSeconds(10)) < 0 || timeout.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("idleTimeout " + timeout
            + " makes no sense: use 10 seconds (HikariCP's minimum) to 1 day");
      }
      return new Configuration(databaseUrl, dataSource, maxPoolSize, minIdle, connectionTimeout, timeout,
          maxLifetime, poolName, healthSchemaCacheTtl);
    }

    /**
     * Sets the longest a connection lives before the pool replaces it; keep it below any timeout
     * of the network or server that drops connections. Default 30 minutes.
     *
     * @param lifetime 30 seconds (HikariCP's minimum) to 1 day
     * @return a copy with the lifetime
     */
    public Configuration maxLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.compareTo(Duration.ofSeconds(30)) < 0 || lifetime.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("maxLifetime " + lifetime
            + " makes no sense: use 30 seconds (HikariCP's minimum) to 1 day");
      }
      return new Configuration(databaseUrl, dataSource, maxPoolSize, minIdle, connectionTimeout, idleTimeout,
          lifetime, poolName, healthSchemaCacheTtl);
    }

    /**
     * Names the pool in HikariCP's logs and metrics. Default {@code carriers}.
     *
     * @param name a non-blank name
     * @return a copy with the name
     */
    public Configuration poolName(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a blank poolName makes no sense: it names the pool in logs and metrics");
      }
      return new Configuration(databaseUrl, dataSource, maxPoolSize, minIdle, connectionTimeout, idleTimeout,
          maxLifetime, name, healthSchemaCacheTtl);
    }

    /**
     * Sets how long {@link Carriers#health()} reuses the schema state it read. Default 5 seconds.
     *
     * @param ttl 0 (read every time) to 1 hour
     * @return a copy with the setting
     */
    public Configuration healthSchemaCacheTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("healthSchemaCacheTtl " + ttl + " makes no sense: use 0 to 1 hour");
      }
      return new Configuration(databaseUrl, dataSource, maxPoolSize, minIdle, connectionTimeout, idleTimeout,
          maxLifetime, poolName, ttl);
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

    /** Shows the URL with its password masked, or the data source's type, and the pool settings. */
    @Override
    public String toString() {
      if (databaseUrl == null) {
        return "dataSource=" + (dataSource == null ? "none" : dataSource.getClass().getName());
      }
      return "url=" + databaseUrl + ", pool=" + poolName + " (max " + maxPoolSize + ", minIdle " + minIdle
          + ", connectionTimeout " + connectionTimeout + ", idleTimeout " + idleTimeout + ", maxLifetime "
          + maxLifetime + ")";
    }
  }
}
