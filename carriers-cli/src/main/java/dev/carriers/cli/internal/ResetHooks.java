package dev.carriers.cli.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.lifecycle.ProductionCheck;
import dev.carriers.schema.lifecycle.Seeder;
import dev.carriers.seed.CarriersSeeder;
import dev.carriers.seed.Environment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What {@code carriers reset} plugs into the schema's reset: carriers-seed's production marker (the
 * one-row table {@code database_role}) as the production check, and its seeder for the chosen
 * environment. A reset drops the marker with everything else, so a database that was marked
 * production is marked again before it is seeded.
 *
 * <p>One instance per reset; not thread-safe.
 */
final class ResetHooks {

  private final Environment environment;
  private final boolean force;
  private Boolean wasProduction;

  ResetHooks(Environment environment, boolean force) {
    this.environment = environment;
    this.force = force;
  }

  /** Returns the production check: the marker, or not production when the database has no marker yet. */
  ProductionCheck productionCheck() {
    return dataSource -> {
      wasProduction = hasMarker(dataSource) && seeder(dataSource).isProductionDatabase();
      return wasProduction;
    };
  }

  /** Returns the seed run after migrating: the marker restored, then the environment's dataset. */
  Seeder seeder() {
    return dataSource -> {
      restoreMarker(dataSource);
      seeder(dataSource).seed();
    };
  }

  /**
   * Marks the database production again if it was before the reset; for {@code --skip-seed}, where
   * no seeder runs.
   *
   * @param dataSource the database
   */
  void restoreMarker(DataSource dataSource) {
    if (Boolean.TRUE.equals(wasProduction) && hasMarker(dataSource)) {
      seeder(dataSource).markProductionDatabase(true);
    }
  }

  private CarriersSeeder seeder(DataSource dataSource) {
    return CarriersSeeder.configure()
        .dataSource(dataSource)
        .environment(environment)
        .force(force)
        .appliedBy("carriers reset (" + System.getProperty("user.name", "unknown") + ")")
        .load();
  }

  private static boolean hasMarker(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select to_regclass('database_role') is not null")) {
      row.next();
      return row.getBoolean(1);
    } catch (SQLException e) {
      throw new MigrationException("reset failed: reading the production marker: " + e.getMessage(), e);
    }
  }
}
