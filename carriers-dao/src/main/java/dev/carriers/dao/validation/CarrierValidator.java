package dev.carriers.dao.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs Jakarta Bean Validation (Hibernate Validator) on carrier input and turns every violation
 * into a {@link Violation} naming its field. The one place where carrier input is validated: the
 * DAO and the seed loader both call it.
 *
 * <p>Thread-safe; build one and share it (building the validator factory is the expensive part).
 */
public final class CarrierValidator {

  private static final CarrierValidator DEFAULT = new CarrierValidator();

  private final Validator validator;

  private CarrierValidator() {
    // The parameter interpolator needs no Expression Language at run time: messages are static.
    ValidatorFactory factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  /** Returns the shared validator. */
  public static CarrierValidator instance() {
    return DEFAULT;
  }

  /**
   * Lists every rule the input breaks.
   *
   * @param input a bean with Bean Validation constraints, such as {@code NewCarrier}
   * @param fieldPrefix prepended to each field name (for example {@code [3].} in bulk input), or empty
   * @return the violations, sorted by field; empty when the input is valid
   */
  public List<Violation> violations(Object input, String fieldPrefix) {
    if (input == null) {
      return List.of(new Violation(fieldPrefix.isEmpty() ? "input" : fieldPrefix, "must not be null", null));
    }
    Set<ConstraintViolation<Object>> found = validator.validate(input);
    List<Violation> violations = new ArrayList<>(found.size());
    for (ConstraintViolation<Object> violation : found) {
      violations.add(new Violation(fieldPrefix + violation.getPropertyPath(), violation.getMessage(),
          violation.getInvalidValue()));
    }
    violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
    return violations;
  }

  /**
   * Throws if the input breaks any rule, listing all of them.
   *
   * @param operation the operation, for the message, such as {@code create carrier}
   * @param input the input
   * @throws CarrierValidationException naming every broken rule and its field
   */
  public void validate(String operation, Object input) {
    List<Violation> violations = violations(input, "");
    if (!violations.isEmpty()) {
      throw new CarrierValidationException(operation, violations);
    }
  }
}
