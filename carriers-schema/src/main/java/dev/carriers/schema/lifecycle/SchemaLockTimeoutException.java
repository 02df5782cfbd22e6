package dev.carriers.schema.lifecycle;

import dev.carriers.ErrorKind;
import dev.carriers.schema.MigrationException;

/**
 * Another schema change (a {@code migrate}, rollback, baseline or clean, possibly from another
 * process) held the schema lock for longer than the configured wait. Nothing was changed. Kind
 * {@link ErrorKind#SCHEMA_LOCKED}.
 */
public class SchemaLockTimeoutException extends MigrationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and why
   */
  public SchemaLockTimeoutException(String message) {
    super(ErrorKind.SCHEMA_LOCKED, message, null);
  }
}
