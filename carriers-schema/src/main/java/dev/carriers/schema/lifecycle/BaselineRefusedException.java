package dev.carriers.schema.lifecycle;

import dev.carriers.ErrorKind;
import dev.carriers.schema.MigrationException;
import java.util.List;

/**
 * A baseline was refused and nothing was recorded: the database is already under migration
 * control, has nothing to adopt, or (with {@link #differences()} not empty) its tables do not have
 * the shape the baseline version's migrations create.
 */
public class BaselineRefusedException extends MigrationException {

  private static final long serialVersionUID = 1L;

  private final List<String> differences;

  /**
   * Creates the exception.
   *
   * @param message what was refused and why
   * @param differences one line per difference between the database and the baseline version,
   *     empty when the refusal is not about shape
   */
  public BaselineRefusedException(String message, List<String> differences) {
    super(ErrorKind.BASELINE_REFUSED, differences.isEmpty() ? message : message + ": " + String.join("; ", differences), null);
    this.differences = List.copyOf(differences);
  }

  /** Returns one line per difference found, such as {@code column carriers.name: type text, expected character varying(255)}. */
  public List<String> differences() {
    return differences;
  }
}
