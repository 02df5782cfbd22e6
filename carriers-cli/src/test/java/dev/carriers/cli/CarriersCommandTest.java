package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command-line handling that needs no database. */
class CarriersCommandTest {

  private static final String PASSWORD = "Pw-n0t-in-0utput";

  @Test
  void noSubcommand_isUsageError() {
    CommandRun run = CommandRun.of();
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).contains("Missing required subcommand").contains("carriers --help");
  }

  @Test
  void unknownSubcommand_isUsageError() {
    CommandRun run = CommandRun.of("migrat");
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).contains("migrat").contains("migrate");
  }

  @Test
  void help_listsSubcommandsAndExitCodes() {
    CommandRun run = CommandRun.of("--help");
    run.assertExitCode(ExitCode.OK);
    assertThat(run.out()).contains("migrate", "status", "Exit codes:", "database server unreachable");
  }

  @Test
  void subcommandHelp_documentsOptions() {
    CommandRun run = CommandRun.of("status", "--help");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out()).contains("--url", "--json", "--verbose", "DATABASE_URL");
  }

  @Test
  void version_printsVersion() {
    CommandRun run = CommandRun.of("--version");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out()).startsWith("carriers ");
  }

  @Test
  void unknownOption_doesNotEchoPassword() {
    CommandRun run = CommandRun.of("migrate", "--ur", "postgresql://app:" + PASSWORD + "@db.invalid/carriers");
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).contains("--ur");
    assertThat(run.all()).doesNotContain(PASSWORD);
  }

  @Test
  void badUrlOption_isUsageErrorNamingOptionWithoutPassword() {
    CommandRun run = CommandRun.of("status", "--url",
        "postgresql://app:" + PASSWORD + "@db.invalid/carriers?frobnicate=1");
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).startsWith("carriers: --url: ").contains("frobnicate");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.all()).doesNotContain(PASSWORD);
  }

  @Test
  void badUrlInEnvironment_isUsageErrorNamingVariableWithoutPassword() {
    CommandRun run = CommandRun.withEnvironment(
        Map.of("DATABASE_URL", "mysql://app:" + PASSWORD + "@db.invalid/carriers"), "status");
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).startsWith("carriers: DATABASE_URL: ");
    assertThat(run.all()).doesNotContain(PASSWORD);
  }

  @Test
  void badUrlWithVerbose_printsStackTraceWithoutPassword() {
    CommandRun run = CommandRun.of("migrate", "--verbose", "--url",
        "postgresql://app:" + PASSWORD + "@db.invalid:99999/carriers");
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).contains("\tat ");
    assertThat(run.all()).doesNotContain(PASSWORD);
  }
}
