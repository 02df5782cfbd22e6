package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code carriers seed} on databases of the test kit. */
class SeedIT extends OnEmptyDatabase {

  @Test
  void seed_loadsTheDataset_thenSaysARerunChangedNothing() throws Exception {
    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());

    CommandRun first = CommandRun.of("seed", "--env", "testing", "--url", url);
    first.assertExitCode(ExitCode.OK);
    assertThat(first.out()).matches("seeded testing v1 \\([0-9a-f]{12}\\): 51 inserted, 0 updated, 0 unchanged,"
        + " 0 deleted, 0 kept in \\d+ ms\\n");
    assertThat(first.err()).isEmpty();
    assertThat(count("carriers")).isEqualTo(51);

    CommandRun again = CommandRun.of("seed", "--env", "TESTING", "--url", url);
    again.assertExitCode(ExitCode.OK);
    assertThat(again.out()).contains("already applied: 0 rows changed (0 inserted, 0 updated, 51 unchanged");
    assertThat(count("seed_history")).isEqualTo(2);
  }

  @Test
  void seed_intoAProductionDatabase_isRefusedUnlessForced() throws Exception {
    CommandRun.of("migrate", "--url", url);
    execute("update database_role set production = true");

    CommandRun refused = CommandRun.of("seed", "--env", "development", "--url", url);
    refused.assertExitCode(ExitCode.SEED_REFUSED);
    assertThat(refused.err()).startsWith("carriers: seed development refused: the database is marked as production")
        .hasLineCount(1);
    assertThat(refused.out()).isEmpty();
    assertThat(count("carriers")).isZero();

    CommandRun production = CommandRun.of("seed", "--env", "production", "--url", url);
    production.assertExitCode(ExitCode.OK);

    CommandRun forced = CommandRun.of("seed", "--env", "development", "--force", "--url", url);
    forced.assertExitCode(ExitCode.OK);
    assertThat(forced.out()).contains("seeded development v1").contains("(forced)");
  }

  @Test
  void seed_beforeMigrate_failsWithItsOwnExitCode() {
    CommandRun run = CommandRun.of("seed", "--env", "testing", "--url", url);
    run.assertExitCode(ExitCode.SEED_FAILED);
    assertThat(run.err()).contains("migrate the database first").hasLineCount(1);
  }

  @Test
  void seed_withAnUnknownEnvironment_isAUsageError() {
    CommandRun run = CommandRun.of("seed", "--env", "staging", "--url", url);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("use development, testing or production");
    assertThat(CommandRun.of("seed", "--url", url).exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  private long count(String table) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
