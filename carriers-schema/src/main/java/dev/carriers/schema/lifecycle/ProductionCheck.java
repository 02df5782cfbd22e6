package dev.carriers.schema.lifecycle;

import javax.sql.DataSource;

/**
 * Tells whether a database is marked as production, so that a reset refuses it unless forced.
 * Plugged in through {@link ResetOptions#productionCheck(ProductionCheck)} by the module that owns
 * the marker.
 */
@FunctionalInterface
public interface ProductionCheck {

  /**
   * Returns true when the database is marked production.
   *
   * @param dataSource the database
   * @return whether it is production
   */
  boolean isProduction(DataSource dataSource);
}
