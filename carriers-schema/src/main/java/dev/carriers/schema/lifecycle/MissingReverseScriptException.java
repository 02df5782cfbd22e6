package dev.carriers.schema.lifecycle;

import java.util.List;

/**
 * Migrations have no reverse script (a file of the same name in the rollback location): a rollback
 * that would need them is refused before anything is changed, and validation fails.
 */
public class MissingReverseScriptException extends RollbackRefusedException {

  private static final long serialVersionUID = 1L;

  private final List<String> scripts;

  /**
   * Creates the exception.
   *
   * @param operation the refused operation, such as {@code rollback}
   * @param scripts the migration file names without a reverse script
   */
  public MissingReverseScriptException(String operation, List<String> scripts) {
    super(operation + " refused: no reverse script for " + String.join(", ", scripts)
        + " (expected a file of the same name under the rollback location)");
    this.scripts = List.copyOf(scripts);
  }

  /** Returns the migration file names without a reverse script. */
  public List<String> scripts() {
    return scripts;
  }
}
