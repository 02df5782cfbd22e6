package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate}'s guard options and failure hooks. */
class MigrateGuardsIT extends OnEmptyDatabase {

  @TempDir
  Path dir;

  @Test
  void migrate_blockedByALongTransaction_exits20_appliesNothing_andFiresTheFailureHooks() throws Exception {
    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(CommandRun.of("rollback", "--to", "1", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    Path event = dir.resolve("events/failure.json");
    Path hook = dir.resolve("hook.txt");

    CommandRun run;
    try (Connection blocker = database.dataSource().getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.executeQuery("select count(*) from carriers").close();
      }
      // V2 sets its own lock_timeout of 5 s (a script's set local wins); no retry keeps this short.
      run = CommandRun.of("migrate", "--url", url, "--lock-timeout", "300ms", "--lock-retries", "0",
          "--on-failure-file", event.toString(),
          "--on-failure-exec", "cat > '" + dir.resolve("stdin.json") + "';"
              + " echo \"$CARRIERS_EXIT_CODE $CARRIERS_FAILED_VERSION $CARRIERS_EVENT_FILE\" > '" + hook + "'");
      blocker.rollback();
    }

    run.assertExitCode(ExitCode.LOCK_TIMEOUT);
    assertThat(run.err()).contains("carriers: migrate failed: migration 2 could not get a lock within its lock_timeout"
        + " (configured 300 ms; a script's own set local wins) on 1 attempt");
    assertThat(query("select max(version::int) from flyway_schema_history where success")).isEqualTo("1");
    assertThat(query("select count(*) from pg_type where typname = 'carrier_status'")).isEqualTo("0");

    JsonNode written = new ObjectMapper().readTree(event.toFile());
    assertThat(written.get("event").asText()).isEqualTo("carriers.migrate.failed");
    assertThat(written.get("exitCode").asInt()).isEqualTo(ExitCode.LOCK_TIMEOUT.code());
    assertThat(written.get("version").asText()).isEqualTo("2");
    assertThat(written.get("sqlState").asText()).isEqualTo("55P03");
    assertThat(written.get("attempts").asInt()).isEqualTo(1);
    assertThat(written.get("database").asText()).isEqualTo(database.jdbcUrl());
    assertThat(written.get("error").asText()).contains("could not get a lock");
    assertThat(new ObjectMapper().readTree(dir.resolve("stdin.json").toFile())).isEqualTo(written);
    assertThat(Files.readString(hook, StandardCharsets.UTF_8).strip())
        .isEqualTo(ExitCode.LOCK_TIMEOUT.code() + " 2 " + event.toAbsolutePath());

    // Blocker gone: the same command goes through, and fires nothing.
    Files.delete(event);
    CommandRun again = CommandRun.of("migrate", "--url", url, "--on-failure-file", event.toString());
    again.assertExitCode(ExitCode.OK);
    assertThat(again.out()).startsWith("Applied " + (KnownMigrations.COUNT - 1) + " migrations: "
        + String.join(", ", KnownMigrations.VERSIONS.subList(1, KnownMigrations.COUNT)));
    assertThat(event).doesNotExist();
  }

  @Test
  void migrate_onAnUnreachableServer_firesTheHooksWithItsExitCode() throws Exception {
    Path event = dir.resolve("failure.json");
    CommandRun run = CommandRun.of("migrate", "--url", "postgresql://deploy:s3cret@127.0.0.1:1/carriers",
        "--on-failure-file", event.toString(), "--on-failure-exec", "exit 3");

    run.assertExitCode(ExitCode.DATABASE_UNREACHABLE);
    assertThat(run.err()).contains("--on-failure-exec: the command exited with 3").doesNotContain("s3cret");
    String text = Files.readString(event, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("s3cret");
    JsonNode written = new ObjectMapper().readTree(text);
    assertThat(written.get("exitCode").asInt()).isEqualTo(ExitCode.DATABASE_UNREACHABLE.code());
    assertThat(written.get("version").isNull()).isTrue();
  }

  @Test
  void migrate_rejectsANonsenseGuardOption() {
    CommandRun run = CommandRun.of("migrate", "--url", url, "--lock-retries", "99");
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).contains("invalid guard option: \"99\" lock-timeout retries makes no sense: use 0 to 10");

    CommandRun badDuration = CommandRun.of("migrate", "--url", url, "--lock-timeout", "soon");
    badDuration.assertExitCode(ExitCode.USAGE);
    assertThat(badDuration.err()).contains("'soon' is not a duration");
  }
}
