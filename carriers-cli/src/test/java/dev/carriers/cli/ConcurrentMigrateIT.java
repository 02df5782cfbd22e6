package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code carriers migrate} from 4 processes at once: each migration applied once, all exit 0. */
class ConcurrentMigrateIT {

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @Test
  void fourProcesses_applyEachMigrationOnce() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          CarriersCommand.class.getName(), "migrate", "--url", database.jdbcUrlWithCredentials());
      builder.environment().remove("DATABASE_URL");
      processes.add(builder.redirectErrorStream(true).start());
    }
    int applied = 0;
    for (Process process : processes) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(output).isZero();
      Matcher matcher = Pattern.compile("Applied (\\d+) migration").matcher(output);
      if (matcher.find()) {
        applied += Integer.parseInt(matcher.group(1));
      }
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*), count(distinct version),"
            + " (select count(*) from carriers_audit.schema_changes where outcome = 'SUCCEEDED')"
            + " from flyway_schema_history")) {
      rows.next();
      assertThat(rows.getInt(1)).as("history rows").isEqualTo(rows.getInt(2)).isEqualTo(applied).isPositive();
      assertThat(rows.getInt(3)).as("audited migrate runs").isEqualTo(4);
    }
  }
}
