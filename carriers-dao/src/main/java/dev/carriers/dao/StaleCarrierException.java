package dev.carriers.dao;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;

/**
 * Optimistic locking refused a change: the carrier was changed by someone else since the caller
 * read it (its version moved on). Nothing was written; read the carrier again and reapply the
 * change.
 */
public class StaleCarrierException extends CarriersException {

  private static final long serialVersionUID = 1L;

  private final long id;
  private final long expectedVersion;
  private final long currentVersion;

  /**
   * Creates the exception.
   *
   * @param operation the operation, such as {@code update carrier}
   * @param id the carrier's id
   * @param expectedVersion the version the caller read
   * @param currentVersion the version in the database now
   */
  public StaleCarrierException(String operation, long id, long expectedVersion, long currentVersion) {
    super(ErrorKind.STALE_VERSION, operation + ": carrier " + id + " was changed since it was read (read version "
        + expectedVersion + ", now version " + currentVersion + "); read it again and reapply the change", null);
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  /** Returns the carrier's id. */
  public long id() {
    return id;
  }

  /** Returns the version the caller read. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** Returns the version the database holds now. */
  public long currentVersion() {
    return currentVersion;
  }
}
