package dev.carriers.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.cli.ExitCode;
import org.junit.jupiter.api.Test;

class TargetDatabaseTest {

  @Test
  void identifierOf_quotesTheName_andRefusesWhatCannotBeANameAsAUsageError() {
    assertThat(TargetDatabase.identifierOf("My \"Db\"; drop")).isEqualTo("\"My \"\"Db\"\"; drop\"");
    for (String name : new String[] {"", "a\0b"}) {
      assertThatThrownBy(() -> TargetDatabase.identifierOf(name))
          .isInstanceOfSatisfying(CommandFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE))
          .hasMessageStartingWith("database name \"").hasMessageContaining("cannot be a PostgreSQL identifier");
    }
  }
}
