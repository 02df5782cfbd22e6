package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, dry-run, rollback, baseline, reset and audit: success paths and refusals. */
class LifecycleCommandsIT extends OnEmptyDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void validate_passesWhenMigrated_failsWhenPending() throws Exception {
    CommandRun pending = CommandRun.of("validate", "--url", url);
    pending.assertExitCode(ExitCode.VALIDATION_FAILED);
    assertThat(pending.err()).startsWith("carriers: ").contains("not applied").doesNotContain("\tat ");
    assertThat(pending.err().lines()).hasSize(1);

    migrate();
    CommandRun valid = CommandRun.of("validate", "--url", url);
    valid.assertExitCode(ExitCode.OK);
    assertThat(valid.out()).startsWith("Valid: schema version ");

    execute("update flyway_schema_history set checksum = checksum + 1 where version = '2'");
    CommandRun edited = CommandRun.of("validate", "--json", "--url", url);
    edited.assertExitCode(ExitCode.VALIDATION_FAILED);
    JsonNode document = JSON.readTree(edited.out());
    assertThat(document.get("valid").asBoolean()).isFalse();
    assertThat(document.get("problems").toString()).contains("checksum mismatch");
  }

  @Test
  void status_hasItsOwnExitCodeForAChecksumMismatch() throws Exception {
    migrate();
    execute("update flyway_schema_history set checksum = checksum + 1 where version = '2'");
    CommandRun status = CommandRun.of("status", "--url", url);
    status.assertExitCode(ExitCode.CHECKSUM_MISMATCH);
    assertThat(status.out()).contains("APPLIED (CHANGED)", "checksum mismatch");
    JsonNode json = JSON.readTree(CommandRun.of("status", "--json", "--url", url).out());
    assertThat(json.get("checksumMismatches").asInt()).isEqualTo(1);
  }

  @Test
  void dryRun_reportsAndChangesNothing_writingAJsonReport(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("dry-run.json");
    CommandRun run = CommandRun.of("dry-run", "--url", url, "--report", report.toString());

    run.assertExitCode(ExitCode.OK);
    assertThat(run.out()).contains("Version 1 (V1__create_carriers.sql): SUCCEEDED in ",
        "lock AccessExclusiveLock on public.carriers", "    | create table carriers (",
        "rolled back; database unchanged at version none.");
    JsonNode document = JSON.readTree(report.toFile());
    assertThat(document.get("failed").asBoolean()).isFalse();
    assertThat(document.get("migrations").get(0).get("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(document.get("migrations").get(0).get("sql").asText()).contains("create table carriers");
    assertThat(query("select to_regclass('carriers') is null and to_regclass('flyway_schema_history') is null"))
        .isEqualTo("t");
    assertThat(CommandRun.of("status", "--url", url).exitCode()).isEqualTo(ExitCode.PENDING.code());
  }

  @Test
  void rollback_undoesTheLast_andRefusesAnUnknownTarget() throws Exception {
    migrate();
    String head = query("select max(version::int)::text from flyway_schema_history");

    CommandRun one = CommandRun.of("rollback", "--url", url);
    one.assertExitCode(ExitCode.OK);
    assertThat(one.out()).startsWith("Rolled back 1 migration: " + head + "\n");

    CommandRun toOne = CommandRun.of("rollback", "--to", "1", "--json", "--url", url);
    toOne.assertExitCode(ExitCode.OK);
    assertThat(JSON.readTree(toOne.out()).get("currentVersion").asText()).isEqualTo("1");

    CommandRun unknown = CommandRun.of("rollback", "--to", "999", "--url", url);
    unknown.assertExitCode(ExitCode.ROLLBACK_REFUSED);
    assertThat(unknown.err()).isEqualTo("carriers: rollback refused: target version 999 is not applied to this"
        + " database (current version 1)\n");
    CommandRun verbose = CommandRun.of("rollback", "--to", "999", "--verbose", "--url", url);
    assertThat(verbose.err()).contains("UnknownTargetVersionException", "\tat ");

    CommandRun tooMany = CommandRun.of("rollback", "--steps", "5", "--url", url);
    assertThat(tooMany.exitCode()).isEqualTo(ExitCode.ROLLBACK_REFUSED.code());
    CommandRun both = CommandRun.of("rollback", "--steps", "1", "--to", "1", "--url", url);
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(query("select count(*) from flyway_schema_history")).isEqualTo("1");

    assertThat(CommandRun.of("migrate", "--progress", "--url", url).err())
        .contains("Applying version 2: add carrier status enum ...");
  }

  @Test
  void baseline_adoptsACompatibleOldSchema_andRefusesADriftedOne() throws Exception {
    execute(legacy("init-drifted.sql"));
    CommandRun drifted = CommandRun.of("baseline", "--url", url);
    drifted.assertExitCode(ExitCode.BASELINE_REFUSED);
    assertThat(drifted.err()).contains("does not match version 1",
        "column carriers.name: character varying(100) not null, expected character varying(255) not null");
    assertThat(drifted.err().lines()).hasSize(1);

    execute("drop table carriers");
    execute(legacy("init-compatible.sql"));
    CommandRun adopted = CommandRun.of("baseline", "--url", url);
    adopted.assertExitCode(ExitCode.OK);
    assertThat(adopted.out()).contains("Baseline recorded at version 1");
    CommandRun migrated = CommandRun.of("migrate", "--json", "--url", url);
    migrated.assertExitCode(ExitCode.OK);
    assertThat(JSON.readTree(migrated.out()).get("applied").get(0).asText()).isEqualTo("2");
  }

  @Test
  void reset_dropsMigratesAndSeeds_orSkipsTheSeed() throws Exception {
    migrate();
    execute("insert into carriers (name, mc_number) values ('Not in any dataset', '99999999')");

    CommandRun seeded = CommandRun.of("reset", "--url", url);
    seeded.assertExitCode(ExitCode.OK);
    assertThat(seeded.out()).contains("dropped everything", "seeded development");
    assertThat(query("select count(*) > 0 from carriers")).isEqualTo("t");
    assertThat(query("select count(*) from carriers where mc_number = '99999999'")).isEqualTo("0");

    execute("create table stray (id int)");
    CommandRun skipped = CommandRun.of("reset", "--skip-seed", "--json", "--url", url);
    skipped.assertExitCode(ExitCode.OK);
    assertThat(JSON.readTree(skipped.out()).get("seeded").asBoolean()).isFalse();
    assertThat(JSON.readTree(skipped.out()).get("currentVersion").asText()).isEqualTo(KnownMigrations.LATEST);
    assertThat(query("select count(*) from carriers")).isEqualTo("0");
    assertThat(query("select to_regclass('stray') is null")).isEqualTo("t");
    assertThat(CommandRun.of("status", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());

    // Each reset is one entry around the entries of its clean and migrate; the trail survives the drop.
    JsonNode trail = JSON.readTree(CommandRun.of("audit", "--json", "--limit", "7", "--url", url).out()).get("entries");
    assertThat(trail).extracting(entry -> entry.get("outcome").asText() + " " + entry.get("command").asText()
        + " " + entry.get("arguments").asText()).containsExactly("SUCCEEDED migrate ", "SUCCEEDED clean ",
            "SUCCEEDED reset skip-seed", "SUCCEEDED migrate ", "SUCCEEDED clean ", "SUCCEEDED reset seed",
            "SUCCEEDED migrate ");
    assertThat(trail.get(2).get("toVersion").asText()).isEqualTo(KnownMigrations.LATEST);
  }

  @Test
  void reset_refusesAProductionDatabase_unlessForcedAndConfirmed_andKeepsItMarked() throws Exception {
    migrate();
    execute("insert into carriers (name) values ('Acme')");
    execute("update database_role set production = true");

    CommandRun refused = CommandRun.of("reset", "--skip-seed", "--url", url);
    refused.assertExitCode(ExitCode.RESET_REFUSED);
    assertThat(refused.err()).isEqualTo("carriers: reset refused: the database is marked production;"
        + " force it (and confirm) to reset anyway\n");
    JsonNode refusal = JSON.readTree(CommandRun.of("audit", "--json", "--limit", "1", "--url", url).out())
        .get("entries").get(0);
    assertThat(refusal.get("command").asText() + " " + refusal.get("arguments").asText() + " "
        + refusal.get("outcome").asText()).isEqualTo("reset skip-seed REFUSED");
    assertThat(refusal.get("error").asText()).contains("marked production");
    CommandRun unconfirmed = CommandRun.of("reset", "--skip-seed", "--force", "--url", url);
    assertThat(unconfirmed.exitCode()).isEqualTo(ExitCode.RESET_REFUSED.code());
    assertThat(unconfirmed.err()).contains("--confirm " + database.name());
    CommandRun wrong = CommandRun.of("reset", "--skip-seed", "--force", "--confirm", "other", "--url", url);
    assertThat(wrong.exitCode()).isEqualTo(ExitCode.RESET_REFUSED.code());
    assertThat(query("select count(*) from carriers")).isEqualTo("1");

    CommandRun forced = CommandRun.of("reset", "--force", "--confirm", database.name(), "--url", url);
    forced.assertExitCode(ExitCode.OK);
    assertThat(query("select count(*) from carriers where name = 'Acme'")).isEqualTo("0");
    assertThat(query("select production from database_role")).as("still marked production").isEqualTo("t");
    CommandRun forcedSkip = CommandRun.of("reset", "--skip-seed", "--force", "--confirm", database.name(),
        "--url", url);
    forcedSkip.assertExitCode(ExitCode.OK);
    assertThat(query("select production from database_role")).isEqualTo("t");
  }

  @Test
  void audit_listsEveryAttempt() throws Exception {
    assertThat(CommandRun.of("audit", "--url", url).out()).isEqualTo("No schema change recorded yet.\n");
    migrate();
    CommandRun.of("rollback", "--to", "999", "--url", url);

    CommandRun audit = CommandRun.of("audit", "--url", url);
    audit.assertExitCode(ExitCode.OK);
    assertThat(audit.out().lines()).hasSize(2);
    assertThat(audit.out().lines().findFirst().orElseThrow()).contains("rollback to=999 REFUSED",
        "target version 999 is not applied");
    JsonNode json = JSON.readTree(CommandRun.of("audit", "--json", "--limit", "1", "--url", url).out());
    assertThat(json.get("entries")).hasSize(1);
    assertThat(json.get("entries").get(0).get("outcome").asText()).isEqualTo("REFUSED");
    assertThat(CommandRun.of("audit", "--limit", "0", "--url", url).exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void everyCommand_hasHelp() {
    for (String command : new String[] {"migrate", "status", "validate", "dry-run", "rollback", "baseline",
        "reset", "audit"}) {
      CommandRun help = CommandRun.of(command, "--help");
      help.assertExitCode(ExitCode.OK);
      assertThat(help.out()).startsWith("Usage: carriers " + command).contains("Exit codes:", "--url");
    }
  }

  private void migrate() {
    CommandRun run = CommandRun.of("migrate", "--url", url);
    run.assertExitCode(ExitCode.OK);
  }

  private static String legacy(String name) throws Exception {
    try (InputStream in = LifecycleCommandsIT.class.getResourceAsStream("/legacy/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
