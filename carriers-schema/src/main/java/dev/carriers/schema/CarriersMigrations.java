package dev.carriers.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Applies, lists and validates the carriers migrations on a database, built on Flyway.
 *
 * <pre>{@code
 * CarriersMigrations migrations = CarriersMigrations.configure()
 *     .dataSource(dataSource)
 *     .load();
 * MigrateResult result = migrations.migrate();
 * MigrationStatus status = migrations.info();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #clean()} (drop every object) is refused unless
 * {@link Configuration#cleanEnabled(boolean)} was set; concurrent {@link #migrate()} calls from
 * several processes are serialized by Flyway's lock on the history table.
 */
public final class CarriersMigrations {

  /** Where the migrations live on the class path: this jar's {@code db/migration}. */
  public static final String DEFAULT_LOCATION = "classpath:db/migration";

  private final Configuration configuration;
  private final Flyway flyway;

  private CarriersMigrations(Configuration configuration) {
    this.configuration = configuration;
    FluentConfiguration fluent = Flyway.configure(CarriersMigrations.class.getClassLoader())
        .dataSource(configuration.dataSource)
        .locations(configuration.locations.toArray(String[]::new))
        .cleanDisabled(!configuration.cleanEnabled)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true);
    // A session-level lock: with Flyway's default transaction-level lock, a migration that runs
    // outside a transaction (CREATE INDEX CONCURRENTLY, V7) waits forever for the transaction that
    // holds the lock.
    fluent.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    this.flyway = fluent.load();
  }

  /**
   * Starts a configuration: the migrations in this jar, clean disabled, no data source yet.
   *
   * @return a new configuration
   */
  public static Configuration configure() {
    return new Configuration(null, List.of(DEFAULT_LOCATION), false);
  }

  /**
   * Applies every pending migration, each in its own transaction. A no-op when up to date.
   *
   * @return what was applied
   * @throws MigrationException if a migration fails (it is rolled back) or the database cannot be
   *     reached
   */
  public MigrateResult migrate() {
    try {
      org.flywaydb.core.api.output.MigrateResult result = flyway.migrate();
      List<String> applied = new ArrayList<>();
      for (MigrateOutput output : result.migrations) {
        applied.add(output.version);
      }
      return new MigrateResult(emptyToNull(result.initialSchemaVersion),
          emptyToNull(result.targetSchemaVersion), applied);
    } catch (FlywayException e) {
      throw new MigrationException("migrate failed: " + e.getMessage(), e);
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
            migration.getExecutionTime()));
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
   * checksum), none missing, none pending.
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
    if (!result.validationSuccessful) {
      List<String> problems = new ArrayList<>();
      for (ValidateOutput output : result.invalidMigrations) {
        problems.add((output.version == null || output.version.isEmpty() ? "" : "version " + output.version + " ")
            + "(" + output.filepath + "): " + output.errorDetails.errorMessage);
      }
      if (problems.isEmpty() && result.errorDetails != null) {
        problems.add(result.errorDetails.errorMessage);
      }
      throw new MigrationValidationException(problems, null);
    }
  }

  /**
   * Drops every object in the schema: tables, types, functions and the history.
   *
   * @throws MigrationException if clean is not enabled in the configuration, or fails
   */
  public void clean() {
    if (!configuration.cleanEnabled) {
      throw new MigrationException(
          "clean is disabled: it drops every table; enable it with cleanEnabled(true)", null);
    }
    try {
      flyway.clean();
    } catch (FlywayException e) {
      throw new MigrationException("clean failed: " + e.getMessage(), e);
    }
  }

  /** Returns the configuration this instance was loaded from. */
  public Configuration configuration() {
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

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * Settings for {@link CarriersMigrations}. Immutable: each setter returns a copy and rejects a bad
   * value at once.
   */
  public static final class Configuration {

    private final DataSource dataSource;
    private final List<String> locations;
    private final boolean cleanEnabled;

    private Configuration(DataSource dataSource, List<String> locations, boolean cleanEnabled) {
      this.dataSource = dataSource;
      this.locations = List.copyOf(locations);
      this.cleanEnabled = cleanEnabled;
    }

    /**
     * Sets the database to migrate. The data source's user needs the right to create tables.
     *
     * @param dataSource the database
     * @return a copy with the data source set
     */
    public Configuration dataSource(DataSource dataSource) {
      return new Configuration(Objects.requireNonNull(dataSource, "dataSource"), locations, cleanEnabled);
    }

    /**
     * Replaces the migration locations; by default this jar's {@value #DEFAULT_LOCATION_TEXT}.
     *
     * @param locations Flyway locations, such as {@code filesystem:/path/to/migrations}
     * @return a copy with the locations set
     */
    public Configuration locations(String... locations) {
      if (locations.length == 0) {
        throw new IllegalArgumentException("no migration locations makes no sense: give at least one");
      }
      for (String location : locations) {
        if (location == null || location.isBlank()) {
          throw new IllegalArgumentException("a blank migration location makes no sense: " + Arrays.toString(locations));
        }
      }
      return new Configuration(dataSource, List.of(locations), cleanEnabled);
    }

    /**
     * Allows {@link CarriersMigrations#clean()}, which drops every object. Off by default.
     *
     * @param enabled whether clean is allowed
     * @return a copy with the setting
     */
    public Configuration cleanEnabled(boolean enabled) {
      return new Configuration(dataSource, locations, enabled);
    }

    /** Returns the migration locations. */
    public List<String> locations() {
      return locations;
    }

    /** Returns whether clean is allowed. */
    public boolean cleanEnabled() {
      return cleanEnabled;
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

    private static final String DEFAULT_LOCATION_TEXT = DEFAULT_LOCATION;
  }
}
