package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code status} exit codes for what the history table can record, on a migrated database. */
@CarriersDatabase
class StatusHistoryIT {

  @Test
  void status_isUpToDate_thenUnknown_thenFailed(TestDatabase database) throws SQLException {
    String url = database.jdbcUrlWithCredentials();
    CommandRun upToDate = CommandRun.of("status", "--url", url);
    upToDate.assertExitCode(ExitCode.OK);

    // A newer build applied version 98.
    history(database, "98", true);
    CommandRun unknown = CommandRun.of("status", "--url", url);
    unknown.assertExitCode(ExitCode.VALIDATION_FAILED);
    assertThat(unknown.out()).contains("UNKNOWN", "newer build");

    // ... and failed on version 99: failure wins.
    history(database, "99", false);
    CommandRun failed = CommandRun.of("status", "--url", url);
    failed.assertExitCode(ExitCode.MIGRATION_FAILED);
    assertThat(failed.out()).contains("FAILED", "1 failed");
  }

  private static void history(TestDatabase database, String version, boolean success) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("insert into flyway_schema_history (installed_rank, version, description, type,"
          + " script, checksum, installed_by, execution_time, success) select max(installed_rank) + 1, '"
          + version + "', 'from the future', 'SQL', 'V" + version + "__from_the_future.sql', 0,"
          + " current_user, 1, " + success + " from flyway_schema_history");
    }
  }
}
