package dev.carriers.dao.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.dao.NewCarrier;
import org.junit.jupiter.api.Test;

class CarrierValidatorTest {

  private final CarrierValidator validator = CarrierValidator.instance();

  @Test
  void validInput_hasNoViolations() {
    assertThat(validator.violations(NewCarrier.of("  Acme Freight  ", "MC-012345"), "")).isEmpty();
    assertThat(NewCarrier.of("  Acme Freight  ", "MC-012345"))
        .isEqualTo(new NewCarrier("Acme Freight", "12345", null));
  }

  @Test
  void everyViolationIsReportedAtOnce_withItsField() {
    assertThatThrownBy(() -> validator.validate("create carrier", NewCarrier.of("   ", "MC-12AB")))
        .isInstanceOf(CarrierValidationException.class)
        .hasMessage("create carrier rejected: mcNumber must be an MC number of 1 to 8 digits, such as"
            + " MC-123456 or 123456; name must not be blank")
        .satisfies(e -> assertThat(((CarrierValidationException) e).violations())
            .extracting(Violation::field).containsExactly("mcNumber", "name"));
  }

  @Test
  void names_areLimitedTo255CharactersAfterTrimming() {
    assertThat(validator.violations(NewCarrier.of(" " + "x".repeat(255) + " ", null), "")).isEmpty();
    assertThat(validator.violations(NewCarrier.of("x".repeat(256), null), "[3]."))
        .extracting(Violation::field, Violation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("[3].name", "must be at most 255 characters"));
  }
}
