package dev.carriers.schema.lifecycle;

import dev.carriers.ErrorKind;
import dev.carriers.schema.MigrationException;

/**
 * {@code clean} was refused before anything was dropped: it is not enabled in the configuration
 * ({@code cleanEnabled(true)}). Kind {@link ErrorKind#CLEAN_REFUSED}.
 */
public class CleanRefusedException extends MigrationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and why
   */
  public CleanRefusedException(String message) {
    super(ErrorKind.CLEAN_REFUSED, message, null);
  }
}
