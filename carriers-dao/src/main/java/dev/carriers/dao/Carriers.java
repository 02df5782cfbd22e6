package dev.carriers.dao;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.carriers.dao.internal.DaoMeters;
import dev.carriers.dao.internal.HealthProbe;
import dev.carriers.dao.internal.Instruments;
import dev.carriers.dao.internal.MicrometerDaoMeters;
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
 * <p>From a URL ({@link CarriersConfiguration#databaseUrl(String)}) it owns a HikariCP pool sized
 * for a small host, which {@link #close()} closes; the URL's libpq parameters that pgjdbc supports
 * ({@code sslmode}, {@code sslrootcert}, {@code application_name}, {@code connect_timeout}, ...)
 * carry over. From a data source ({@link CarriersConfiguration#dataSource(DataSource)}) it uses
 * yours and leaves it open on close. The pool starts without waiting for the database: when it is down,
 * calls fail with {@link DatabaseUnavailableException} and {@link #health()} says so.
 *
 * <p>Immutable and thread-safe; build one per database and share it. {@link #toString()} and every
 * message show the URL with the password masked.
 */
public final class Carriers implements AutoCloseable {

  private final CarriersConfiguration configuration;
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final DSLContext dsl;
  private final CarrierDao carriers;
  private final Instruments instruments;
  private final HealthProbe health;

  /** Called by {@link CarriersConfiguration#load()}, which has checked the configuration. */
  Carriers(CarriersConfiguration configuration) {
    this.configuration = configuration;
    // MicrometerDaoMeters, and with it Micrometer, is loaded only here, when a registry was given.
    DaoMeters meters = configuration.meterRegistryOrNull() == null ? DaoMeters.NONE
        : MicrometerDaoMeters.create(configuration.meterRegistryOrNull());
    this.instruments = new Instruments(meters, configuration.slowStatementThresholdOrNull(),
        configuration.slowStatementValues());
    this.ownedPool = configuration.ownsPool() ? new HikariDataSource(pool(configuration, meters)) : null;
    this.dataSource = ownedPool != null ? ownedPool : configuration.givenDataSource();
    this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, settings());
    this.carriers = new CarrierDao(dsl, instruments);
    this.health = new HealthProbe(dataSource,
        dataSource instanceof HikariDataSource hikari ? hikari : null,
        configuration.healthSchemaCacheTtl(),
        (int) Math.max(1, configuration.connectionTimeout().toSeconds()), meters);
  }

  private static HikariConfig pool(CarriersConfiguration configuration, DaoMeters meters) {
    HikariConfig pool = configuration.hikariConfig();
    meters.instrumentPool(pool);
    return pool;
  }

  /**
   * Starts a configuration. Set a database URL or a data source, then
   * {@link CarriersConfiguration#load()}.
   *
   * @return a configuration with the defaults
   */
  public static CarriersConfiguration configure() {
    return new CarriersConfiguration();
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
    return CarriersTransaction.run(dsl, instruments, TransactionOptions.defaults(), callback);
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
    return CarriersTransaction.run(dsl, instruments, options, callback);
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
   * {@link CarriersConfiguration#healthSchemaCacheTtl(Duration)}. Never throws for a database problem:
   * it reports it.
   *
   * @return what was found
   */
  public CarriersHealth health() {
    return health.check();
  }

  /** Returns the configuration this instance was loaded from. */
  public CarriersConfiguration configuration() {
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
}
