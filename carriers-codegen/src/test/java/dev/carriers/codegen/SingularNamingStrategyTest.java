package dev.carriers.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingularNamingStrategyTest {

  @Test
  void singular_dropsThePluralEnding() {
    assertThat(SingularNamingStrategy.singular("Carriers")).isEqualTo("Carrier");
    assertThat(SingularNamingStrategy.singular("Companies")).isEqualTo("Company");
    assertThat(SingularNamingStrategy.singular("Addresses")).isEqualTo("Address");
    assertThat(SingularNamingStrategy.singular("Boxes")).isEqualTo("Box");
    assertThat(SingularNamingStrategy.singular("Analysis")).isEqualTo("Analysis");
    assertThat(SingularNamingStrategy.singular("SeedHistory")).isEqualTo("SeedHistory");
    assertThat(SingularNamingStrategy.singular("Status")).isEqualTo("Status");
  }
}
