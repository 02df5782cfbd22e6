package dev.carriers.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetDatabaseTest {

  @Test
  void quoteIdentifier_doublesQuotesAndKeepsCase() {
    assertThat(TargetDatabase.quoteIdentifier("carriers")).isEqualTo("\"carriers\"");
    assertThat(TargetDatabase.quoteIdentifier("My \"Db\"; drop")).isEqualTo("\"My \"\"Db\"\"; drop\"");
  }

  @Test
  void quoteIdentifier_rejectsWhatCannotBeAName() {
    assertThatThrownBy(() -> TargetDatabase.quoteIdentifier("")).isInstanceOf(InvalidDatabaseUrlException.class);
    assertThatThrownBy(() -> TargetDatabase.quoteIdentifier("a\0b")).isInstanceOf(InvalidDatabaseUrlException.class);
  }
}
