package dev.carriers.seed;

import dev.carriers.ErrorKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A dataset has rows that break the carrier rules (the DAO's) or the dataset's own (unique keys
 * and MC numbers). Thrown before any SQL runs, so nothing was loaded. {@link #errors()} names the
 * file, line and field of every problem found, not only the first.
 */
public class SeedValidationException extends SeedException {

  private static final long serialVersionUID = 1L;

  private static final int MESSAGE_LIMIT = 20;

  private final transient List<SeedRowError> errors;

  /**
   * Creates the exception.
   *
   * @param operation the refused operation, such as {@code read dataset testing}
   * @param errors every problem found, at least one
   */
  public SeedValidationException(String operation, List<SeedRowError> errors) {
    this(operation, errors, null);
  }

  /**
   * Creates the exception with a cause, such as the SQL parser's failure.
   *
   * @param operation the refused operation
   * @param errors every problem found, at least one
   * @param cause the underlying failure, or null
   */
  public SeedValidationException(String operation, List<SeedRowError> errors, Throwable cause) {
    super(ErrorKind.SEED_INVALID, operation + " rejected, " + errors.size() + (errors.size() == 1 ? " problem: " : " problems: ")
        + errors.stream().limit(MESSAGE_LIMIT).map(SeedRowError::toString).collect(Collectors.joining("; "))
        + (errors.size() > MESSAGE_LIMIT ? "; ..." : ""), cause);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** Returns every problem, in file order. */
  public List<SeedRowError> errors() {
    return errors;
  }
}
