package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Reaching the database: creating it, a missing one, an unreachable server, a refused role. */
@CarriersDatabase
class DatabaseIT {

  @Test
  void createDatabase_createsMissingDatabaseWithAnAwkwardName(TestDatabase server) throws SQLException {
    String name = "Carriers CLI \"it\" " + ThreadLocalRandom.current().nextInt(1_000_000);
    String url = TestUrls.libpq(server, name);
    try {
      CommandRun run = CommandRun.of("migrate", "--create-database", "--url", url);
      run.assertExitCode(ExitCode.OK);
      assertThat(run.out()).startsWith("Created database \"" + name + "\".\nApplied " + KnownMigrations.COUNT + " migrations");
      assertThat(exists(server, name)).isTrue();

      CommandRun again = CommandRun.of("migrate", "--create-database", "--url", url);
      again.assertExitCode(ExitCode.OK);
      assertThat(again.out()).doesNotContain("Created").contains("up to date");
      assertThat(CommandRun.of("status", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    } finally {
      drop(server, name);
    }
  }

  @Test
  void missingDatabase_withoutFlag_saysToPassIt(TestDatabase server) throws SQLException {
    String name = "carriers_cli_missing_" + ThreadLocalRandom.current().nextInt(1_000_000);
    CommandRun run = CommandRun.of("migrate", "--url", TestUrls.libpq(server, name));
    run.assertExitCode(ExitCode.DATABASE_MISSING);
    assertThat(run.err()).isEqualTo("carriers: database \"" + name + "\" does not exist on jdbc:postgresql://"
        + TestUrls.hostPort(server) + "; pass --create-database to create it\n");
    assertThat(run.out()).isEmpty();
    assertThat(exists(server, name)).isFalse();

    CommandRun status = CommandRun.of("status", "--url", TestUrls.libpq(server, name));
    assertThat(status.exitCode()).isEqualTo(ExitCode.DATABASE_MISSING.code());
    assertThat(status.err()).contains("run 'carriers migrate --create-database'");
  }

  @Test
  void unreachableServer_failsFastWithItsCode() {
    long start = System.nanoTime();
    CommandRun run = CommandRun.of("status", "--url",
        "jdbc:postgresql://127.0.0.1:1/carriers?user=postgres&connectTimeout=2");
    long millis = (System.nanoTime() - start) / 1_000_000;
    run.assertExitCode(ExitCode.DATABASE_UNREACHABLE);
    assertThat(run.err()).startsWith("carriers: cannot connect to jdbc:postgresql://127.0.0.1:1/carriers as postgres: ");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(millis).isLessThan(10_000);
  }

  @Test
  void unknownRole_isAuthenticationFailure(TestDatabase server) {
    CommandRun run = CommandRun.of("status", "--url",
        "postgresql://carriers_no_such_role@" + TestUrls.hostPort(server) + "/" + server.name());
    run.assertExitCode(ExitCode.AUTHENTICATION_FAILED);
    assertThat(run.err()).startsWith("carriers: authentication failed on ").contains("carriers_no_such_role");
  }

  static boolean exists(TestDatabase server, String name) throws SQLException {
    try (Connection connection = server.server().connect("postgres");
        PreparedStatement statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  static void drop(TestDatabase server, String name) throws SQLException {
    try (Connection connection = server.server().connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists \"" + name.replace("\"", "\"\"") + "\" with (force)");
    }
  }
}
