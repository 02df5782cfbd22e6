package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExitCodesTest {

  @Test
  void codes_areDistinctAndAllDescribed() throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field field : ExitCodes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        codes.add(field.getInt(null));
      }
    }
    assertThat(codes).doesNotHaveDuplicates();
    assertThat(ExitCodes.descriptions().keySet()).containsExactlyInAnyOrderElementsOf(codes);
  }

  @Test
  void usage_isPicocliUsageCode() {
    assertThat(ExitCodes.USAGE).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(ExitCodes.OK).isZero();
  }
}
