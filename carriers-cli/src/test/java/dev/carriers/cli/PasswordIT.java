package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A password given in the URL never appears in what the command prints, whatever happens. */
@CarriersDatabase
class PasswordIT {

  private static void assertNoPassword(CommandRun run) {
    assertThat(run.all()).as(run.toString())
        .doesNotContain(TestUrls.PASSWORD)
        .doesNotContain(TestUrls.ENCODED_PASSWORD)
        .doesNotContain("s3cret");
  }

  @Test
  void successPaths_doNotPrintPassword(TestDatabase server) throws SQLException {
    String name = "carriers_cli_pw_" + ThreadLocalRandom.current().nextInt(1_000_000);
    String url = TestUrls.libpqWithPassword(server, name);
    try {
      CommandRun migrate = CommandRun.of("migrate", "--create-database", "--verbose", "--url", url);
      migrate.assertExitCode(ExitCode.OK);
      assertNoPassword(migrate);
      for (String[] args : new String[][] {{"status"}, {"status", "--json"}, {"migrate", "--verbose"}}) {
        CommandRun run = CommandRun.withEnvironment(Map.of("DATABASE_URL", url), args);
        run.assertExitCode(ExitCode.OK);
        assertNoPassword(run);
      }
      CommandRun jdbc = CommandRun.of("status", "--verbose", "--url", TestUrls.jdbcWithPassword(server));
      jdbc.assertExitCode(ExitCode.OK);
      assertNoPassword(jdbc);
    } finally {
      DatabaseIT.drop(server, name);
    }
  }

  @Test
  void failurePaths_doNotPrintPassword(TestDatabase server) {
    String missing = TestUrls.libpqWithPassword(server, "carriers_cli_pw_missing");
    String unreachable = "postgresql://postgres:" + TestUrls.ENCODED_PASSWORD
        + "@127.0.0.1:1/carriers?connect_timeout=2";
    String badRole = TestUrls.libpqWithPassword(server, server.name()).replace("://" + TestUrls.user(server) + ":",
        "://carriers_no_such_role:");
    String badParameter = TestUrls.libpqWithPassword(server, server.name()) + "?frobnicate=1";
    String[][] runs = {
        {"migrate", "--verbose", "--url", missing},
        {"status", "--verbose", "--url", unreachable},
        {"status", "--verbose", "--url", badRole},
        {"status", "--verbose", "--url", badParameter},
        {"migrate", "--verbose", "--urll", missing},
        {"migrate", "--verbose", "--url=" + unreachable, "extra"},
    };
    int[] codes = {ExitCode.DATABASE_MISSING.code(), ExitCode.DATABASE_UNREACHABLE.code(), ExitCode.AUTHENTICATION_FAILED.code(),
        ExitCode.USAGE.code(), ExitCode.USAGE.code(), ExitCode.USAGE.code()};
    for (int i = 0; i < runs.length; i++) {
      CommandRun run = CommandRun.of(runs[i]);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(codes[i]);
      assertNoPassword(run);
    }
    CommandRun fromEnvironment = CommandRun.withEnvironment(Map.of("DATABASE_URL", missing), "status", "-v");
    assertThat(fromEnvironment.exitCode()).isEqualTo(ExitCode.DATABASE_MISSING.code());
    assertNoPassword(fromEnvironment);
  }
}
