package dev.carriers.schema.lifecycle;

import dev.carriers.ErrorKind;
import dev.carriers.schema.MigrationException;

/**
 * A rollback was refused before anything was changed: nothing to roll back, a target below the
 * baseline, a failed migration in the history, or a script edited since it was applied. The
 * subclasses name the refusals a caller may want to tell apart.
 */
public class RollbackRefusedException extends MigrationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and why
   */
  public RollbackRefusedException(String message) {
    super(ErrorKind.ROLLBACK_REFUSED, message, null);
  }
}
