package dev.carriers.dao.validation;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Carrier input broke one or more rules. Thrown before any SQL runs (or, where the database found
 * the problem first, after a rolled-back statement), so nothing was written. {@link #violations()}
 * lists every broken rule, each naming its field.
 */
public class CarrierValidationException extends CarriersException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param operation the operation that was refused, such as {@code create carrier}
   * @param violations every broken rule, at least one
   */
  public CarrierValidationException(String operation, List<Violation> violations) {
    this(operation, violations, null);
  }

  /**
   * Creates the exception with a cause (the database's rejection).
   *
   * @param operation the operation that was refused
   * @param violations every broken rule, at least one
   * @param cause the underlying failure, or null
   */
  public CarrierValidationException(String operation, List<Violation> violations, Throwable cause) {
    super(ErrorKind.INVALID_INPUT, operation + " rejected: " + violations.stream().map(Violation::toString)
        .collect(Collectors.joining("; ")), cause);
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one violation");
    }
    this.operation = operation;
    this.violations = List.copyOf(violations);
  }

  /** Returns the refused operation. */
  public String operation() {
    return operation;
  }

  /** Returns every broken rule, in field order. */
  public List<Violation> violations() {
    return violations;
  }
}
