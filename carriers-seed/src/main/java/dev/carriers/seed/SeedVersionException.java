package dev.carriers.seed;

import dev.carriers.ErrorKind;

/**
 * The dataset's version is older than one already applied to the database for its environment
 * (going back would undo newer data). Nothing was loaded.
 */
public class SeedVersionException extends SeedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param environment the dataset's environment
   * @param version the refused version
   * @param applied the newest version already applied
   */
  public SeedVersionException(Environment environment, int version, int applied) {
    super(ErrorKind.SEED_REFUSED, "seed " + environment.id() + " refused: version " + version + " is older than version "
        + applied + ", already applied", null);
  }
}
