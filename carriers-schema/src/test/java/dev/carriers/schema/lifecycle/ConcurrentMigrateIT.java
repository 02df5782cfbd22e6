package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Four JVMs migrating one empty database at once apply each migration exactly once. */
class ConcurrentMigrateIT {

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @Test
  void fourProcesses_applyEachMigrationOnce_andAllSucceed() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          MigrateProcess.class.getName(), database.jdbcUrlWithCredentials())
          .redirectErrorStream(true).start());
    }
    List<String> applied = new ArrayList<>();
    for (Process process : processes) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(output).isZero();
      String line = output.lines().filter(l -> l.startsWith("applied=")).findFirst().orElseThrow();
      String versions = line.substring("applied=".length());
      if (!versions.isEmpty()) {
        applied.addAll(Arrays.asList(versions.split(",")));
      }
    }

    List<String> expected = Fixtures.migrations().stream().map(script -> script.versionText()).toList();
    assertThat(applied).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(Fixtures.query(database, "select version from flyway_schema_history order by installed_rank"))
        .containsExactlyElementsOf(expected);
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    assertThat(migrations.info().isUpToDate()).isTrue();
    assertThat(migrations.auditTrail(10)).hasSize(4)
        .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
  }
}
