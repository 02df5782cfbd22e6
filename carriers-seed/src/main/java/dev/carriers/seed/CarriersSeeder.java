package dev.carriers.seed;

import dev.carriers.seed.internal.SeedRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

  private final SeederConfiguration configuration;

  CarriersSeeder(SeederConfiguration configuration) {
    this.configuration = configuration;
  }

  /**
   * Starts a configuration: no data source, the testing environment, not forced.
   *
   * @return a new configuration
   */
  public static SeederConfiguration configure() {
    return new SeederConfiguration();
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
    return new SeedRun(configuration.dataSource(), configuration.datasetToSeed(), configuration.force(),
        configuration.appliedBy()).execute();
  }

  /**
   * Tells whether the database is marked as production. A database without the marker table (not
   * yet migrated to the version that creates {@code database_role}, or just cleaned) is not marked.
   *
   * @return true when marked
   * @throws SeedFailedException if the database cannot be read
   */
  public boolean isProductionDatabase() {
    try (Connection connection = configuration.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet table = statement.executeQuery("select to_regclass('database_role') is not null")) {
        if (!table.next() || !table.getBoolean(1)) {
          return false;
        }
      }
      try (ResultSet rows = statement.executeQuery("select production from database_role")) {
        return rows.next() && rows.getBoolean(1);
      }
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
    try (Connection connection = configuration.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "update database_role set production = ?, changed_at = now(), changed_by = current_user")) {
      statement.setBoolean(1, production);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw SeedRun.translate("mark database as " + (production ? "production" : "not production"), e);
    }
  }

  /** Returns the configuration this seeder was loaded from. */
  public SeederConfiguration configuration() {
    return configuration;
  }
}
