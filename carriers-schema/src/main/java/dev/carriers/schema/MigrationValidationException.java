package dev.carriers.schema;

import dev.carriers.ErrorKind;
import java.util.List;

/**
 * The migrations applied to a database differ from the scripts: a script was edited after it was
 * applied (checksum mismatch), is missing, or has not been applied yet. {@link #problems()} lists
 * each difference. Kind {@link ErrorKind#MIGRATION_MISMATCH}.
 */
public class MigrationValidationException extends MigrationException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception of a {@code validate}: the message lists every problem.
   *
   * @param problems one line per difference
   * @param cause Flyway's exception, or null
   */
  public MigrationValidationException(List<String> problems, Throwable cause) {
    this("Migrations do not match the database: " + String.join("; ", problems), problems, cause);
  }

  /**
   * Creates the exception with a message of its own, such as that of a {@code migrate} that found
   * an edited script before applying anything.
   *
   * @param message what failed
   * @param problems one line per difference
   * @param cause Flyway's exception, or null
   */
  public MigrationValidationException(String message, List<String> problems, Throwable cause) {
    super(ErrorKind.MIGRATION_MISMATCH, message, cause);
    this.problems = List.copyOf(problems);
  }

  /** Returns one line per difference found. */
  public List<String> problems() {
    return problems;
  }
}
