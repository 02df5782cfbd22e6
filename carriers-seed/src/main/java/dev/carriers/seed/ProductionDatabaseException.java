package dev.carriers.seed;

import dev.carriers.ErrorKind;

/**
 * The database is marked as production and the dataset is not the production one; loading it
 * needs {@link SeederConfiguration#force(boolean) force}. Nothing was loaded.
 */
public class ProductionDatabaseException extends SeedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param environment the refused dataset's environment
   */
  public ProductionDatabaseException(Environment environment) {
    super(ErrorKind.SEED_REFUSED, "seed " + environment.id() + " refused: the database is marked as production;"
        + " force it to load the " + environment.id() + " dataset anyway", null);
  }
}
