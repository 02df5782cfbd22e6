package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.ErrorKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExitCodeTest {

  @Test
  void codes_areDistinctAndAllDescribed() {
    assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotHaveDuplicates();
    assertThat(ExitCode.values()).allSatisfy(exitCode -> assertThat(exitCode.description()).isNotBlank());
  }

  @Test
  void numbers_neverChange() {
    Map<ExitCode, Integer> numbers = new LinkedHashMap<>();
    for (ExitCode exitCode : ExitCode.values()) {
      numbers.put(exitCode, exitCode.code());
    }
    assertThat(numbers).containsExactly(
        Map.entry(ExitCode.OK, 0), Map.entry(ExitCode.UNEXPECTED, 1), Map.entry(ExitCode.USAGE, 2),
        Map.entry(ExitCode.PENDING, 3), Map.entry(ExitCode.MIGRATION_FAILED, 4),
        Map.entry(ExitCode.VALIDATION_FAILED, 5), Map.entry(ExitCode.DATABASE_UNREACHABLE, 6),
        Map.entry(ExitCode.AUTHENTICATION_FAILED, 7), Map.entry(ExitCode.DATABASE_MISSING, 8),
        Map.entry(ExitCode.SEED_REFUSED, 9), Map.entry(ExitCode.SEED_FAILED, 10),
        Map.entry(ExitCode.CHECKSUM_MISMATCH, 11), Map.entry(ExitCode.ROLLBACK_REFUSED, 12),
        Map.entry(ExitCode.BASELINE_REFUSED, 13), Map.entry(ExitCode.RESET_REFUSED, 14),
        Map.entry(ExitCode.SCHEMA_LOCKED, 15), Map.entry(ExitCode.LINT_FAILED, 16),
        Map.entry(ExitCode.LINT_UNAVAILABLE, 17), Map.entry(ExitCode.LOCK_TIMEOUT, 20),
        Map.entry(ExitCode.INVALID_INDEX, 21), Map.entry(ExitCode.SMOKE_TEST_FAILED, 22),
        Map.entry(ExitCode.STATS_WARN, 40), Map.entry(ExitCode.STATS_CRITICAL, 41),
        Map.entry(ExitCode.STATS_CHECK_FAILED, 42));
  }

  @Test
  void usage_isPicocliUsageCode() {
    assertThat(ExitCode.USAGE.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(ExitCode.OK.code()).isZero();
  }

  @Test
  void of_mapsEachKindToOneCode_andTheRestToUnexpected() {
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(Arrays.stream(ExitCode.values()).filter(exitCode -> exitCode.kinds().contains(kind)))
          .as(kind.name()).hasSizeLessThanOrEqualTo(1);
    }
    assertThat(ExitCode.of(ErrorKind.DATABASE_UNAVAILABLE)).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(ExitCode.of(ErrorKind.AUTHENTICATION_FAILED)).isEqualTo(ExitCode.AUTHENTICATION_FAILED);
    assertThat(ExitCode.of(ErrorKind.DATABASE_MISSING)).isEqualTo(ExitCode.DATABASE_MISSING);
    assertThat(ExitCode.of(ErrorKind.INVALID_DATABASE_URL)).isEqualTo(ExitCode.USAGE);
    assertThat(ExitCode.of(ErrorKind.MIGRATION_FAILED)).isEqualTo(ExitCode.MIGRATION_FAILED);
    assertThat(ExitCode.of(ErrorKind.ROLLBACK_FAILED)).isEqualTo(ExitCode.MIGRATION_FAILED);
    assertThat(ExitCode.of(ErrorKind.MIGRATION_MISMATCH)).isEqualTo(ExitCode.VALIDATION_FAILED);
    assertThat(ExitCode.of(ErrorKind.LOCK_TIMEOUT)).isEqualTo(ExitCode.LOCK_TIMEOUT);
    assertThat(ExitCode.of(ErrorKind.SCHEMA_LOCKED)).isEqualTo(ExitCode.SCHEMA_LOCKED);
    assertThat(ExitCode.of(ErrorKind.ROLLBACK_REFUSED)).isEqualTo(ExitCode.ROLLBACK_REFUSED);
    assertThat(ExitCode.of(ErrorKind.BASELINE_REFUSED)).isEqualTo(ExitCode.BASELINE_REFUSED);
    assertThat(ExitCode.of(ErrorKind.CLEAN_REFUSED)).isEqualTo(ExitCode.RESET_REFUSED);
    assertThat(ExitCode.of(ErrorKind.SEED_REFUSED)).isEqualTo(ExitCode.SEED_REFUSED);
    assertThat(ExitCode.of(ErrorKind.SEED_INVALID)).isEqualTo(ExitCode.SEED_FAILED);
    assertThat(ExitCode.of(ErrorKind.SEED_FAILED)).isEqualTo(ExitCode.SEED_FAILED);
    assertThat(ExitCode.of(ErrorKind.LINT_UNAVAILABLE)).isEqualTo(ExitCode.LINT_UNAVAILABLE);
    assertThat(ExitCode.of(ErrorKind.DUPLICATE)).isEqualTo(ExitCode.UNEXPECTED);
  }

  @Test
  void help_listsEveryCodeWithItsDescription() {
    String help = CommandRun.of("--help").out();
    // picocli wraps a long description onto the next line: compare with the white space folded.
    String listed = help.substring(help.indexOf("Exit codes:")).replaceAll("\\s+", " ");
    StringBuilder expected = new StringBuilder("Exit codes:");
    for (ExitCode exitCode : ExitCode.values()) {
      expected.append(' ').append(exitCode.code()).append(' ').append(exitCode.description());
    }
    assertThat(listed.strip()).isEqualTo(expected.toString());
  }
}
