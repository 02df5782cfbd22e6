package dev.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlIdentifierTest {

  @Test
  void quote_takesAnyNameLiterally() {
    assertThat(SqlIdentifier.quote("carriers")).isEqualTo("\"carriers\"");
    assertThat(SqlIdentifier.quote("My \"odd\" db")).isEqualTo("\"My \"\"odd\"\" db\"");
  }

  @Test
  void quote_refusesWhatNoIdentifierCanBe() {
    assertThatThrownBy(() -> SqlIdentifier.quote("a\0b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\\0");
    assertThatThrownBy(() -> SqlIdentifier.quote(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }
}
