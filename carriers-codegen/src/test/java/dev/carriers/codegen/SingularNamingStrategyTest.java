package dev.carriers.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SingularNamingStrategyTest {

  @ParameterizedTest
  @CsvSource({
      "Carriers, Carrier",
      "Companies, Company",
      "Addresses, Address",
      "Boxes, Box",
      "Analysis, Analysis",
      "SeedHistory, SeedHistory",
      "Status, Status"})
  void singular_dropsThePluralEnding(String plural, String singular) {
    assertThat(SingularNamingStrategy.singular(plural)).isEqualTo(singular);
  }
}
