package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code carriers smoke-test} and the invalid-index line of {@code status}. */
class SmokeTestIT extends OnEmptyDatabase {

  @Test
  void smokeTest_afterMigrate_passesEveryCheck_andLeavesNoRowBehind() throws Exception {
    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    execute("insert into carriers (name, mc_number) values ('Acme Freight', '99999999')");

    CommandRun run = CommandRun.of("smoke-test", "--url", url);

    run.assertExitCode(ExitCode.OK);
    assertThat(run.out())
        .containsPattern("ok    health  reachable, round trip [0-9.]+ ms")
        .contains("ok    status  schema version " + KnownMigrations.LATEST + ", up to date")
        .contains("ok    indexes every index valid")
        .containsPattern("ok    canary  created, read and deleted carrier #[0-9]+ \\(status ACTIVE\\)"
            + " in a transaction, rolled back")
        .endsWith("Smoke test passed.\n");
    // The canary took the free MC number below the one in use, and was rolled back.
    assertThat(query("select string_agg(name, ',') from carriers")).isEqualTo("Acme Freight");
    assertThat(query("select count(*) from carriers_audit.schema_changes where command = 'smoke-test'"))
        .isEqualTo("0");
  }

  @Test
  void smokeTest_withPendingMigrations_failsTheStatusCheck() throws Exception {
    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(CommandRun.of("rollback", "--steps", "1", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());

    CommandRun run = CommandRun.of("smoke-test", "--json", "--url", url);

    run.assertExitCode(ExitCode.SMOKE_TEST_FAILED);
    JsonNode document = new ObjectMapper().readTree(run.out());
    assertThat(document.get("passed").asBoolean()).isFalse();
    JsonNode status = document.get("checks").get(1);
    assertThat(status.get("check").asText()).isEqualTo("status");
    assertThat(status.get("passed").asBoolean()).isFalse();
    assertThat(status.get("detail").asText()).isEqualTo("schema version " + KnownMigrations.VERSIONS.get(KnownMigrations.COUNT - 2) + ": 1 pending ("
        + KnownMigrations.LATEST + "); run 'carriers status'");
    assertThat(document.get("checks").get(0).get("passed").asBoolean()).isTrue();
    assertThat(document.get("checks").get(3).get("passed").asBoolean()).as("the canary still works").isTrue();
  }

  @Test
  void smokeTest_onAnEmptyDatabase_failsStatusAndCanary() {
    CommandRun run = CommandRun.of("smoke-test", "--url", url);

    run.assertExitCode(ExitCode.SMOKE_TEST_FAILED);
    assertThat(run.out()).contains("ok    health")
        .contains("FAIL  status  schema version none: " + KnownMigrations.COUNT + " pending (" + KnownMigrations.LIST + ")")
        .contains("FAIL  canary  create/read/delete failed:")
        .endsWith("Smoke test FAILED: status, canary\n");
  }

  @Test
  void anInvalidIndex_failsSmokeTestAndStatus_withTheFix() throws Exception {
    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    execute("insert into carriers (name, mc_number) values ('Twin', '1'), ('Twin', '2')");
    try {
      execute("create unique index concurrently carriers_name_twin_idx on carriers (name)");
    } catch (java.sql.SQLException expected) {
      assertThat(expected.getSQLState()).isEqualTo("23505");
    }

    CommandRun smoke = CommandRun.of("smoke-test", "--url", url);
    smoke.assertExitCode(ExitCode.SMOKE_TEST_FAILED);
    assertThat(smoke.out()).contains("FAIL  indexes invalid index \"public\".\"carriers_name_twin_idx\"")
        .contains("DROP INDEX CONCURRENTLY \"public\".\"carriers_name_twin_idx\"");

    CommandRun status = CommandRun.of("status", "--url", url);
    status.assertExitCode(ExitCode.INVALID_INDEX);
    assertThat(status.out()).contains("Invalid index \"public\".\"carriers_name_twin_idx\" on carriers:"
        + " DROP INDEX CONCURRENTLY");

    CommandRun validate = CommandRun.of("validate", "--url", url);
    validate.assertExitCode(ExitCode.VALIDATION_FAILED);
    assertThat(validate.err()).contains("invalid index \"public\".\"carriers_name_twin_idx\"");

    execute("drop index concurrently carriers_name_twin_idx");
    assertThat(CommandRun.of("smoke-test", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
  }
}
