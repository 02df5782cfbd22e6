package dev.carriers.seed;

import dev.carriers.seed.internal.SeedRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Loads a dataset into a migrated carriers database (migration V9 or later) in one transaction.
 *
 * <p>What a run does:
 * <ul>
 *   <li>refuses a development or testing dataset in a database {@link #markProductionDatabase marked
 *       as production}, unless forced ({@link ProductionDatabaseException});</li>
 *   <li>refuses a dataset whose content changed under a version already applied
 *       ({@link SeedDriftException}) and a version older than one applied ({@link SeedVersionException});</li>
 *   <li>otherwise applies only the difference between the dataset and what earlier seeds wrote,
 *       row by row keyed on each row's stable seed key: inserts new rows, updates rows the dataset
 *       changed, deletes rows a new version dropped (never in production), and leaves alone any row a
 *       user changed or deleted since it was seeded. Re-running the same version changes nothing;</li>
 *   <li>records the run in {@code seed_history}: environment, version, checksum, when, by whom, and
 *       the counts of the returned {@link SeedReport}.</li>
 * </ul>
 * Rows go to PostgreSQL with {@code COPY} (pgjdbc's {@code CopyManager}): straight into
 * {@code carriers} when it is empty, else into a temporary table and from there set-based. Runs are
 * serialised by an advisory lock. Any failure rolls the whole run back and throws a
 * {@link SeedException}.
 *
 * <pre>{@code
 * SeedReport report = CarriersSeeder.configure()
 *     .dataSource(dataSource)
 *     .environment(Environment.TESTING)
 *     .load()
 *     .seed();
 * System.out.println(report.summary());
 * }</pre>
 *
 * <p>Immutable and thread-safe; concurrent runs on one database wait for each other.
 */
public final class CarriersSeeder {

  private final Configuration configuration;

  private CarriersSeeder(Configuration configuration) {
    this.configuration = configuration;
  }

  /**
   * Starts a configuration: no data source, the testing environment, not forced.
   *
   * @return a new configuration
   */
  public static Configuration configure() {
    return new Configuration(null, Environment.TESTING, null, false, System.getProperty("user.name", "unknown"));
  }

  /**
   * Seeds the database with the configured dataset.
   *
   * @return what the run did
   * @throws SeedValidationException if the bundled dataset is invalid (nothing was loaded)
   * @throws ProductionDatabaseException if the database is production and the run is not forced
   * @throws SeedDriftException if this version was applied with other content
   * @throws SeedVersionException if a newer version was applied
   * @throws SeedFailedException if the database failed; the run was rolled back
   */
  public SeedReport seed() {
    Dataset dataset = configuration.dataset != null ? configuration.dataset
        : Dataset.bundled(configuration.environment);
    return new SeedRun(configuration.dataSource, dataset, configuration.force, configuration.appliedBy).execute();
  }

  /**
   * Tells whether the database is marked as production.
   *
   * @return true when marked
   * @throws SeedFailedException if the database cannot be read
   */
  public boolean isProductionDatabase() {
    try (Connection connection = configuration.dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("select production from database_role");
        ResultSet rows = statement.executeQuery()) {
      return rows.next() && rows.getBoolean(1);
    } catch (SQLException e) {
      throw SeedRun.translate("read database role", e);
    }
  }

  /**
   * Marks the database as production, or not. A production database refuses the development and
   * testing datasets unless a run is forced.
   *
   * @param production true to mark, false to unmark
   * @throws SeedFailedException if the database cannot be written
   */
  public void markProductionDatabase(boolean production) {
    try (Connection connection = configuration.dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "update database_role set production = ?, changed_at = now(), changed_by = current_user")) {
      statement.setBoolean(1, production);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw SeedRun.translate("mark database as " + (production ? "production" : "not production"), e);
    }
  }

  /** Returns the configuration this seeder was loaded from. */
  public Configuration configuration() {
    return configuration;
  }

  /** What to seed where. Immutable; each setter returns a copy. */
  public static final class Configuration {

    private final DataSource dataSource;
    private final Environment environment;
    private final Dataset dataset;
    private final boolean force;
    private final String appliedBy;

    private Configuration(DataSource dataSource, Environment environment, Dataset dataset, boolean force,
        String appliedBy) {
      this.dataSource = dataSource;
      this.environment = environment;
      this.dataset = dataset;
      this.force = force;
      this.appliedBy = appliedBy;
    }

    /**
     * Sets the database.
     *
     * @param dataSource a data source of a migrated carriers database
     * @return a copy with the data source
     */
    public Configuration dataSource(DataSource dataSource) {
      return new Configuration(Objects.requireNonNull(dataSource, "dataSource"), environment, dataset, force,
          appliedBy);
    }

    /**
     * Seeds the dataset bundled for an environment (and forgets any {@link #dataset} set before).
     *
     * @param environment the environment
     * @return a copy with the environment
     */
    public Configuration environment(Environment environment) {
      return new Configuration(dataSource, Objects.requireNonNull(environment, "environment"), null, force,
          appliedBy);
    }

    /**
     * Seeds a dataset of one's own (read with {@link Dataset#read}) instead of a bundled one; its
     * environment becomes the configured one.
     *
     * @param dataset the dataset
     * @return a copy with the dataset
     */
    public Configuration dataset(Dataset dataset) {
      Objects.requireNonNull(dataset, "dataset");
      return new Configuration(dataSource, dataset.environment(), dataset, force, appliedBy);
    }

    /**
     * Allows loading the development or testing dataset into a database marked as production.
     *
     * @param force true to allow
     * @return a copy with the setting
     */
    public Configuration force(boolean force) {
      return new Configuration(dataSource, environment, dataset, force, appliedBy);
    }

    /**
     * Sets who the seed history says applied the run. Default: the {@code user.name} of this JVM
     * (the database user is recorded too).
     *
     * @param appliedBy a person or job, not blank
     * @return a copy with the name
     */
    public Configuration appliedBy(String appliedBy) {
      if (appliedBy == null || appliedBy.isBlank()) {
        throw new IllegalArgumentException("a blank applied-by makes no sense: name a person or job");
      }
      return new Configuration(dataSource, environment, dataset, force, appliedBy.strip());
    }

    /** Returns the environment. */
    public Environment environment() {
      return environment;
    }

    /** Returns whether runs are forced into production databases. */
    public boolean force() {
      return force;
    }

    /**
     * Builds the seeder.
     *
     * @return the seeder
     * @throws IllegalStateException if no data source was set
     */
    public CarriersSeeder load() {
      if (dataSource == null) {
        throw new IllegalStateException("CarriersSeeder has no data source: call dataSource(...) before load()");
      }
      return new CarriersSeeder(this);
    }
  }
}
