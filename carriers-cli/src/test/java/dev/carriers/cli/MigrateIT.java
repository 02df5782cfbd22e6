package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code migrate} and {@code status} on an empty database of the test kit. */
class MigrateIT extends OnEmptyDatabase {


  @Test
  void migrate_appliesEveryVersion_thenIsUpToDate() {
    CommandRun first = CommandRun.of("migrate", "--url", url);
    first.assertExitCode(ExitCode.OK);
    assertThat(first.out()).isEqualTo("Applied " + KnownMigrations.COUNT + " migrations: " + KnownMigrations.LIST + "\nSchema version " + KnownMigrations.LATEST + "\n");
    assertThat(first.err()).isEmpty();

    CommandRun second = CommandRun.of("migrate", "--url", url);
    second.assertExitCode(ExitCode.OK);
    assertThat(second.out()).isEqualTo("Database is up to date: no migration to apply.\nSchema version " + KnownMigrations.LATEST + "\n");
  }

  @Test
  void migrate_takesUrlFromEnvironment() {
    CommandRun run = CommandRun.withEnvironment(java.util.Map.of("DATABASE_URL", url), "migrate");
    run.assertExitCode(ExitCode.OK);
    assertThat(run.out()).contains("Applied " + KnownMigrations.COUNT + " migrations");
  }

  @Test
  void status_isPendingOnEmptyDatabase_andUpToDateAfterMigrate() {
    CommandRun pending = CommandRun.of("status", "--url", url);
    pending.assertExitCode(ExitCode.PENDING);
    assertThat(pending.out()).contains("Version  Description", "create carriers", "PENDING")
        .contains("Schema version none: 0 applied, " + KnownMigrations.COUNT + " pending, 0 failed: migrations pending");

    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());

    CommandRun upToDate = CommandRun.of("status", "--url", url);
    upToDate.assertExitCode(ExitCode.OK);
    assertThat(upToDate.out()).contains("APPLIED").doesNotContain("PENDING")
        .endsWith("Schema version " + KnownMigrations.LATEST + ": " + KnownMigrations.COUNT + " applied, 0 pending, 0 failed: up to date\n");
  }

  @Test
  void statusJson_parsesAndListsVersions() throws Exception {
    CommandRun pending = CommandRun.of("status", "--json", "--url", url);
    pending.assertExitCode(ExitCode.PENDING);
    JsonNode before = new ObjectMapper().readTree(pending.out());
    assertThat(versions(before)).isEqualTo(KnownMigrations.VERSIONS);
    assertThat(before.get("upToDate").asBoolean()).isFalse();
    assertThat(before.get("currentVersion").isNull()).isTrue();
    assertThat(before.get("database").asText()).isEqualTo(database.jdbcUrl());

    CommandRun.of("migrate", "--url", url);
    CommandRun upToDate = CommandRun.of("status", "--json", "--url", url);
    assertThat(upToDate.exitCode()).isEqualTo(ExitCode.OK.code());
    JsonNode after = new ObjectMapper().readTree(upToDate.out());
    assertThat(after.get("upToDate").asBoolean()).isTrue();
    assertThat(after.get("currentVersion").asText()).isEqualTo(KnownMigrations.LATEST);
    assertThat(after.get("migrations").get(0).get("state").asText()).isEqualTo("APPLIED");
    assertThat(after.get("migrations").get(0).get("installedOn").asText()).endsWith("Z");
  }

  @Test
  void migrate_failingScript_isOneLineAndRolledBack() throws Exception {
    forgetVersionsFrom3();
    CommandRun run = CommandRun.of("migrate", "--url", url);
    run.assertExitCode(ExitCode.MIGRATION_FAILED);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("carriers: migrate failed: ").contains("V3__add_mc_number_canonical_check.sql")
        .contains("already exists").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();

    // Nothing half-written: version 3 was rolled back, and the later ones never ran.
    CommandRun status = CommandRun.of("status", "--url", url);
    status.assertExitCode(ExitCode.PENDING);
    assertThat(status.out()).contains("2 applied, " + (KnownMigrations.COUNT - 2) + " pending, 0 failed");
  }

  @Test
  void migrate_failingScriptWithVerbose_printsStackTrace() throws Exception {
    forgetVersionsFrom3();
    CommandRun run = CommandRun.of("migrate", "--verbose", "--url", url);
    assertThat(run.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED.code());
    assertThat(run.err()).startsWith("carriers: migrate failed: ").contains("\tat ");
  }

  /**
   * Migrates, then deletes version 3 and every later one from the history: migrating again re-runs version 3,
   * which fails because its constraint exists. (Flyway refuses to start on a non-empty schema without
   * a history, so a clash on version 1 cannot be staged.)
   */
  private void forgetVersionsFrom3() throws Exception {
    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("delete from flyway_schema_history where installed_rank >="
          + " (select installed_rank from flyway_schema_history where version = '3')");
    }
  }

  private static List<String> versions(JsonNode status) {
    List<String> versions = new ArrayList<>();
    status.get("migrations").forEach(migration -> versions.add(migration.get("version").asText()));
    return versions;
  }
}
