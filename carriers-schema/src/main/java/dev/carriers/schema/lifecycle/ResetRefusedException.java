package dev.carriers.schema.lifecycle;

import dev.carriers.ErrorKind;
import dev.carriers.schema.MigrationException;

/**
 * A reset was refused before anything was dropped: the database is marked production and the reset
 * was not forced, or seeding was asked for without a seeder.
 */
public class ResetRefusedException extends MigrationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and why
   */
  public ResetRefusedException(String message) {
    super(ErrorKind.CLEAN_REFUSED, message, null);
  }
}
