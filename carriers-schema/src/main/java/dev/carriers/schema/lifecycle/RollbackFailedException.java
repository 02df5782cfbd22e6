package dev.carriers.schema.lifecycle;

import dev.carriers.ErrorKind;
import dev.carriers.schema.MigrationException;
import java.util.List;

/**
 * A reverse script failed. Its own transaction was rolled back, so that migration is still applied;
 * the migrations undone before it (listed in {@link #rolledBackVersions()}) stay undone. Kind
 * {@link ErrorKind#ROLLBACK_FAILED}, or the environment's when the server failed under it (a lost
 * connection is {@link ErrorKind#DATABASE_UNAVAILABLE}).
 */
public class RollbackFailedException extends MigrationException {

  private static final long serialVersionUID = 1L;

  private final String failedVersion;
  private final List<String> rolledBackVersions;

  /**
   * Creates the exception.
   *
   * @param failedVersion the version whose reverse script failed
   * @param rolledBackVersions the versions undone before it, newest first
   * @param message what failed
   * @param cause the SQL failure
   */
  public RollbackFailedException(String failedVersion, List<String> rolledBackVersions, String message,
      Throwable cause) {
    super(kindOf(cause, ErrorKind.ROLLBACK_FAILED), message, cause);
    this.failedVersion = failedVersion;
    this.rolledBackVersions = List.copyOf(rolledBackVersions);
  }

  /** Returns the version whose reverse script failed. */
  public String failedVersion() {
    return failedVersion;
  }

  /** Returns the versions undone before the failure, newest first. */
  public List<String> rolledBackVersions() {
    return rolledBackVersions;
  }
}
