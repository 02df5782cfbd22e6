package dev.carriers.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LinterConfigurationTest {

  @Test
  void settersReturnAChangedCopy_andLeaveTheOriginalAsItWas() {
    LinterConfiguration defaults = MigrationLinter.configure();
    LinterConfiguration changed = defaults.disable(Rule.CHAR_COLUMN).libraryPath(Path.of("/opt/libpg_query.so"))
        .suppressionsFile(Path.of("suppressions.txt"));
    assertThat(changed).isNotSameAs(defaults);
    assertThat(changed.enabledRules()).doesNotContain(Rule.CHAR_COLUMN).hasSize(Rule.values().length - 1);
    assertThat(changed.libraryPath()).isEqualTo(Path.of("/opt/libpg_query.so"));
    assertThat(changed.suppressionsFile()).isEqualTo(Path.of("suppressions.txt"));
    assertThat(defaults.enabledRules()).containsExactlyInAnyOrder(Rule.values());
    assertThat(defaults.libraryPath()).isNull();
    assertThat(defaults.suppressionsFile()).isNull();
  }

  @Test
  void disable_addsToWhatWasDisabledBefore() {
    LinterConfiguration two = MigrationLinter.configure().disable(Rule.CHAR_COLUMN).disable(Rule.DROP_COLUMN);
    assertThat(two.enabledRules()).doesNotContain(Rule.CHAR_COLUMN, Rule.DROP_COLUMN)
        .hasSize(Rule.values().length - 2);
  }

  @Test
  void disable_refusesARuleThatCannotBeTurnedOff_andChangesNothing() {
    LinterConfiguration defaults = MigrationLinter.configure();
    assertThatThrownBy(() -> defaults.disable(Rule.CHAR_COLUMN, Rule.SYNTAX_ERROR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule syntax-error cannot be disabled: it reports a malformed suppression comment or script");
    assertThat(defaults.enabledRules()).containsExactlyInAnyOrder(Rule.values());
  }
}
