package dev.carriers.testing;

import dev.carriers.SettingCheck;
import dev.carriers.postgres.PostgresServer;
import dev.carriers.postgres.internal.AdminSession;
import dev.carriers.testing.internal.TemplateKey;
import dev.carriers.testing.internal.Templates;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Hands out fresh databases cloned from a template database that is migrated once.
 *
 * <p>The template is named after a checksum of the migration set (and of the initializer's id), so
 * editing a migration builds a new template while unchanged migrations reuse the one already on the
 * server, across JVMs and builds. Creating it is guarded by an advisory lock, so concurrent builds do
 * not collide. Each clone is one {@code CREATE DATABASE ... TEMPLATE}, which PostgreSQL makes durable
 * before it returns (100 to 200 ms on a small cloud disk); so that tests do not wait for it, the
 * factory keeps {@link Configuration#prefetch(int) a few clones} ready, made on a background thread
 * while tests run (the pattern of zonky's {@code PreparedDbProvider}). Clones still ready when the
 * JVM exits are dropped by a shutdown hook, or swept by the next run if the JVM was killed.
 *
 * <pre>{@code
 * TestDatabaseFactory factory = TestDatabaseFactory.configure()
 *     .locations("classpath:db/migration")
 *     .load();
 * try (TestDatabase db = factory.create()) {
 *   DataSource dataSource = db.dataSource();
 *   ...
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #shared(Configuration)} returns one factory per
 * configuration per JVM, which is what the JUnit extension uses.
 */
public final class TestDatabaseFactory {

  private static final int DEFAULT_PREFETCH = 2;

  private static final Map<Configuration, TestDatabaseFactory> SHARED = new ConcurrentHashMap<>();

  private final Configuration configuration;
  private final AdminSession session;
  private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
  private ExecutorService prefetcher;
  private volatile String template;

  private TestDatabaseFactory(Configuration configuration) {
    this.configuration = configuration;
    this.session = AdminSession.of(configuration.server);
  }

  /**
   * Starts a configuration with the server found by {@link PostgresServer#resolve()} (resolved when
   * {@link Configuration#load()} is called, unless {@link Configuration#server} names one) and no
   * migration locations.
   *
   * @return a new configuration
   */
  public static Configuration configure() {
    return new Configuration();
  }

  /**
   * Returns the JVM-wide factory for a configuration, creating it on first use.
   *
   * @param configuration the configuration
   * @return the shared factory
   */
  public static TestDatabaseFactory shared(Configuration configuration) {
    Configuration resolved = configuration.withResolvedServer();
    return SHARED.computeIfAbsent(resolved, TestDatabaseFactory::new);
  }

  /**
   * Creates a database cloned from the template, migrating the template first if this is the first
   * call for this migration set on this server.
   *
   * @return the new database; closing it drops it
   */
  public TestDatabase create() {
    String source = template();
    String name = ready.poll();
    if (name == null) {
      name = session.cloneOf(source);
    }
    refill(source);
    return new TestDatabase(configuration.server, name);
  }

  private synchronized void refill(String source) {
    if (configuration.prefetch == 0) {
      return;
    }
    if (prefetcher == null) {
      prefetcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carriers-test-db-prefetch");
        thread.setDaemon(true);
        return thread;
      });
      Runtime.getRuntime().addShutdownHook(new Thread(this::dropReady, "carriers-test-db-cleanup"));
    }
    prefetcher.execute(() -> {
      try {
        while (ready.size() < configuration.prefetch) {
          ready.add(session.cloneInBackground(source));
        }
      } catch (RuntimeException e) {
        // The next create() clones synchronously and reports the failure where a test sees it.
      }
    });
  }

  private void dropReady() {
    synchronized (this) {
      prefetcher.shutdownNow();
    }
    for (String name = ready.poll(); name != null; name = ready.poll()) {
      try {
        session.drop(name);
      } catch (RuntimeException e) {
        // Best effort at exit; the next run's sweep drops what is left.
      }
    }
  }

  /**
   * Creates an empty database: no migrations applied. For tests of migrating itself.
   *
   * @return the new database; closing it drops it
   */
  public TestDatabase createEmpty() {
    return new TestDatabase(configuration.server, session.createEmpty());
  }

  /**
   * Returns the name of the template database, building it if needed.
   *
   * @return the template's name
   */
  public String template() {
    String name = template;
    if (name == null) {
      synchronized (this) {
        name = template;
        if (name == null) {
          name = buildTemplate();
          template = name;
        }
      }
    }
    return name;
  }

  /** Returns the configuration this factory was loaded from. */
  public Configuration configuration() {
    return configuration;
  }

  private String buildTemplate() {
    String checksum = TemplateKey.checksum(configuration.server, configuration.locations,
        configuration.initializerId);
    return Templates.on(configuration.server).template(checksum, dataSource -> {
      if (!configuration.locations.isEmpty()) {
        FluentConfiguration flyway = Flyway.configure()
            .dataSource(dataSource)
            .locations(configuration.locations.toArray(String[]::new));
        // Flyway's default lock is held in an open transaction on a second connection, which
        // CREATE INDEX CONCURRENTLY waits for forever; the session-level lock is safe.
        flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        flyway.load().migrate();
      }
      if (configuration.initializer != null) {
        configuration.initializer.accept(dataSource);
      }
    });
  }

  /**
   * What a factory clones: the server, the Flyway migration locations and an optional initializer
   * (a seed, say) that runs on the template after migrating.
   *
   * <p>Immutable: each setter checks its value at once and returns a changed copy, so a
   * configuration may be shared (in a {@code static final} field, say) between test classes.
   */
  public static final class Configuration {

    // Not final so that a setter can change its own copy; no setter changes this object.
    private PostgresServer server;
    private List<String> locations = List.of();
    private String initializerId;
    private Consumer<DataSource> initializer;
    private int prefetch = DEFAULT_PREFETCH;

    private Configuration() {
    }

    // The one place that lists every field, and the one way a setter makes its changed copy:
    // every field of other, then the change, on an object nobody else has seen yet.
    private Configuration(Configuration other, Consumer<Configuration> change) {
      this.server = other.server;
      this.locations = other.locations;
      this.initializerId = other.initializerId;
      this.initializer = other.initializer;
      this.prefetch = other.prefetch;
      change.accept(this);
    }

    /**
     * Sets how many clones to keep ready ahead of {@link TestDatabaseFactory#create()}; 0 clones
     * only on demand. Default {@value TestDatabaseFactory#DEFAULT_PREFETCH}.
     *
     * @param count clones to keep ready, 0 to 16
     * @return a copy with the setting
     * @throws IllegalArgumentException if the count is outside 0 to 16
     */
    public Configuration prefetch(int count) {
      SettingCheck.count("prefetch", count, 0, 16);
      return new Configuration(this, copy -> copy.prefetch = count);
    }

    /**
     * Names the server instead of resolving one.
     *
     * @param server the server
     * @return a copy with the server set
     */
    public Configuration server(PostgresServer server) {
      Objects.requireNonNull(server, "server");
      return new Configuration(this, copy -> copy.server = server);
    }

    /**
     * Sets the Flyway locations of the migrations to apply to the template, such as
     * {@code classpath:db/migration} or {@code filesystem:src/main/resources/db/migration}.
     *
     * @param locations the locations
     * @return a copy with the locations set
     * @throws IllegalArgumentException if a location is blank
     */
    public Configuration locations(String... locations) {
      List<String> checked = SettingCheck.noneBlank("migration location", locations);
      return new Configuration(this, copy -> copy.locations = checked);
    }

    /**
     * Runs code on the template after migrating it, for example to seed it. The id takes part in
     * the template's name: change it whenever what the initializer writes changes.
     *
     * @param id a stable id of what the initializer writes, such as {@code seed:testing:3}
     * @param initializer the code, given the template's data source
     * @return a copy with the initializer set
     * @throws IllegalArgumentException if the id is blank
     */
    public Configuration initializer(String id, Consumer<DataSource> initializer) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("an initializer needs a non-blank id");
      }
      Objects.requireNonNull(initializer, "initializer");
      return new Configuration(this, copy -> {
        copy.initializerId = id;
        copy.initializer = initializer;
      });
    }

    /** Returns the migration locations. */
    public List<String> locations() {
      return locations;
    }

    /**
     * Builds a factory for this configuration (not shared; see {@link #shared}).
     *
     * @return the factory
     */
    public TestDatabaseFactory load() {
      return new TestDatabaseFactory(withResolvedServer());
    }

    private Configuration withResolvedServer() {
      return server != null ? this : server(PostgresServer.resolve());
    }

    // Equality ignores the initializer instance: two configurations with the same id describe the
    // same template.
    @Override
    public boolean equals(Object other) {
      return other instanceof Configuration that && Objects.equals(server, that.server)
          && locations.equals(that.locations) && Objects.equals(initializerId, that.initializerId)
          && prefetch == that.prefetch;
    }

    @Override
    public int hashCode() {
      return Objects.hash(server, locations, initializerId, prefetch);
    }
  }
}
