package dev.carriers.schema.lifecycle;

import javax.sql.DataSource;

/**
 * Writes seed data after a reset. carriers-schema has no seed of its own (seeds live in a module that
 * depends on it); the caller plugs one in through {@link ResetOptions#seeder(Seeder)}.
 */
@FunctionalInterface
public interface Seeder {

  /**
   * Seeds the freshly migrated database.
   *
   * @param dataSource the database
   */
  void seed(DataSource dataSource);
}
