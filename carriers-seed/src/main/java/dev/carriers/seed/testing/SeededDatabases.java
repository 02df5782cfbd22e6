package dev.carriers.seed.testing;

import dev.carriers.seed.CarriersSeeder;
import dev.carriers.seed.Dataset;
import dev.carriers.seed.Environment;
import dev.carriers.testing.CarriersDatabaseExtension;
import dev.carriers.testing.TestDatabaseFactory;

/**
 * Test databases that are migrated and seeded. The template database is migrated with
 * {@code classpath:db/migration} and seeded once per server (its name includes the dataset's version
 * and checksum, so a changed dataset builds a new template); each test class then gets a clone in
 * milliseconds.
 *
 * <pre>{@code
 * class CarrierSearchIT {
 *   @RegisterExtension
 *   static final CarriersDatabaseExtension DB = SeededDatabases.extension(Environment.TESTING);
 *
 *   @Test
 *   void findsSeededCarriers(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SeededDatabases {

  private SeededDatabases() {
  }

  /**
   * Returns an extension whose databases hold an environment's bundled dataset.
   *
   * @param environment the dataset to seed
   * @return the extension, for {@code @RegisterExtension}
   */
  public static CarriersDatabaseExtension extension(Environment environment) {
    return new CarriersDatabaseExtension(configuration(Dataset.bundled(environment)));
  }

  /**
   * Returns an extension whose databases hold a dataset of one's own.
   *
   * @param dataset the dataset to seed
   * @return the extension, for {@code @RegisterExtension}
   */
  public static CarriersDatabaseExtension extension(Dataset dataset) {
    return new CarriersDatabaseExtension(configuration(dataset));
  }

  /**
   * Returns the test database configuration that migrates and then seeds a dataset into the
   * template, for use with {@link TestDatabaseFactory} directly.
   *
   * @param dataset the dataset
   * @return the configuration
   */
  public static TestDatabaseFactory.Configuration configuration(Dataset dataset) {
    String id = "seed:" + dataset.environment().id() + ":" + dataset.version() + ":" + dataset.checksum();
    return TestDatabaseFactory.configure()
        .locations("classpath:db/migration")
        .initializer(id, dataSource -> CarriersSeeder.configure()
            .dataSource(dataSource)
            .dataset(dataset)
            .appliedBy("carriers-testing template")
            .load()
            .seed());
  }
}
