package dev.carriers.seed;

import dev.carriers.ErrorKind;

/**
 * The dataset's content changed but its version did not: the database already holds this
 * environment's version with another checksum. Give the changed dataset a new version. Nothing was
 * loaded.
 */
public class SeedDriftException extends SeedException {

  private static final long serialVersionUID = 1L;

  private final String appliedChecksum;
  private final String datasetChecksum;

  /**
   * Creates the exception.
   *
   * @param environment the dataset's environment
   * @param version the version both share
   * @param appliedChecksum the checksum recorded when this version was applied
   * @param datasetChecksum the checksum of the dataset now
   */
  public SeedDriftException(Environment environment, int version, String appliedChecksum,
      String datasetChecksum) {
    super(ErrorKind.SEED_REFUSED, "seed " + environment.id() + " refused: version " + version + " was applied with checksum "
        + appliedChecksum + " but the dataset now has checksum " + datasetChecksum
        + "; give changed content a new version", null);
    this.appliedChecksum = appliedChecksum;
    this.datasetChecksum = datasetChecksum;
  }

  /** Returns the checksum recorded in the seed history. */
  public String appliedChecksum() {
    return appliedChecksum;
  }

  /** Returns the checksum of the dataset that was refused. */
  public String datasetChecksum() {
    return datasetChecksum;
  }
}
