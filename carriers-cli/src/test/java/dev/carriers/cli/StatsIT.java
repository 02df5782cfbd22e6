package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code carriers stats}: its exit codes (0, 40, 41, 42) on conditions each test creates in its own
 * database, its text and JSON, and its usage errors. The checks themselves are tested in
 * carriers-dao's {@code DatabaseStatsIT}; the tests here pick checks whose outcome only the test's
 * database decides, since connections, wraparound and replication are the shared server's.
 */
class StatsIT extends OnEmptyDatabase {

  private static final String LOCAL_CHECKS = "unused_indexes,duplicate_indexes,invalid_indexes,sequential_scans,"
      + "long_running_queries,idle_in_transaction,blocking_locks,autovacuum";

  @Test
  void aHealthyDatabase_exitsZero_andShowsEveryCheck() {
    assertThat(CommandRun.of("migrate", "--url", url).exitCode()).isZero();

    CommandRun run = CommandRun.of("stats", "--check", LOCAL_CHECKS, "--url", TestUrls.jdbcWithPassword(database));

    run.assertExitCode(ExitCode.OK);
    assertThat(run.out()).startsWith("Database stats of jdbc:postgresql://").contains("(PostgreSQL 15")
        .contains("OK          unused_indexes            every index was scanned")
        .contains("OK          blocking_locks            no session waits for a lock")
        .endsWith("8 checks: 8 OK, 0 WARN, 0 CRITICAL, 0 ERROR, 0 UNAVAILABLE; exit 0\n")
        .doesNotContain(TestUrls.PASSWORD).doesNotContain(TestUrls.ENCODED_PASSWORD);
  }

  @Test
  void anUnusedIndex_exits40_withTheIndexAndTheFix() throws Exception {
    execute("create table t (a int)");
    execute("create index t_a_idx on t (a)");

    CommandRun run = CommandRun.of("stats", "--check", "unused_indexes", "--floor", "unused_indexes=0", "--url", url);

    run.assertExitCode(ExitCode.STATS_WARN);
    assertThat(run.out()).contains("WARN        unused_indexes            1 unused indexes; worst: public.t_a_idx:")
        .contains("- public.t_a_idx: 0 scans, 8.0 kB, on t")
        .contains("fix: DROP INDEX CONCURRENTLY");
  }

  @Test
  void anIdleTransactionPastTheCriticalThreshold_exits41_asJson() throws Exception {
    try (Connection idle = database.dataSource().getConnection(); Statement statement = idle.createStatement()) {
      idle.setAutoCommit(false);
      statement.execute("select 1");
      Thread.sleep(1_200);

      CommandRun run = CommandRun.of("stats", "--json", "--check", "idle_in_transaction,unused_indexes",
          "--warn", "idle_in_transaction=0.5", "--critical", "idle_in_transaction=1", "--url", url);

      run.assertExitCode(ExitCode.STATS_CRITICAL);
      JsonNode document = new ObjectMapper().readTree(run.out());
      assertThat(document.get("database").asText()).startsWith("jdbc:postgresql://");
      assertThat(document.get("status").asText()).isEqualTo("CRITICAL");
      assertThat(document.get("exitCode").asInt()).isEqualTo(41);
      // In the library's order of checks, not the order given.
      JsonNode idleCheck = document.get("checks").get(1);
      assertThat(idleCheck.get("check").asText()).isEqualTo("idle_in_transaction");
      assertThat(idleCheck.get("unit").asText()).isEqualTo("seconds");
      assertThat(idleCheck.get("warn").asDouble()).isEqualTo(0.5);
      assertThat(idleCheck.get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
      assertThat(idleCheck.get("fix").asText()).contains("pg_terminate_backend");
      JsonNode finding = idleCheck.get("findings").get(0);
      assertThat(finding.get("status").asText()).isEqualTo("CRITICAL");
      assertThat(finding.get("attributes").get("database").asText()).isEqualTo(database.name());
      assertThat(document.get("checks").get(0).get("critical").isNull()).as("never critical").isTrue();
      idle.rollback();
    }
  }

  @Test
  void aCheckThatCannotRun_exits42() throws Exception {
    execute("create table t (a int)");
    execute("create index t_a_idx on t (a)");
    try (Connection ddl = database.dataSource().getConnection(); Statement statement = ddl.createStatement()) {
      ddl.setAutoCommit(false);
      statement.execute("drop index t_a_idx");

      CommandRun run = CommandRun.of("stats", "--check", "unused_indexes,blocking_locks", "--url", url);

      run.assertExitCode(ExitCode.STATS_CHECK_FAILED);
      assertThat(run.out()).contains("ERROR       unused_indexes            could not run: ERROR: canceling statement"
          + " due to lock timeout").contains("fix: it waited 1000 ms for a lock");
      ddl.rollback();
    }
  }

  @Test
  void withoutPgStatStatements_saysExactlyWhatToRun_andRaisesNoAlert() {
    CommandRun run = CommandRun.of("stats", "--check", "top_statements", "--url", url);

    run.assertExitCode(ExitCode.OK);
    assertThat(run.out()).contains("UNAVAILABLE top_statements")
        .contains("fix: in database " + database.name() + ", as a superuser: CREATE EXTENSION IF NOT EXISTS"
            + " pg_stat_statements;");
  }

  @Test
  void badOptions_areUsageErrors() {
    CommandRun.of("stats", "--check", "cache", "--url", url).assertExitCode(ExitCode.USAGE);
    assertThat(CommandRun.of("stats", "--check", "cache", "--url", url).err())
        .contains("unknown check \"cache\"; known: cache_hit_ratio");
    assertThat(CommandRun.of("stats", "--warn", "cache_hit_ratio=0.9", "--critical", "cache_hit_ratio=0.99",
        "--url", url).assertExitCode(ExitCode.USAGE).err()).contains("makes no sense");
    CommandRun.of("stats", "--warn", "connections=lots", "--url", url).assertExitCode(ExitCode.USAGE);
  }

  @Test
  void anUnreachableServer_exits6() {
    CommandRun.of("stats", "--url", "postgresql://postgres@127.0.0.1:1/nowhere?connect_timeout=1")
        .assertExitCode(ExitCode.DATABASE_UNREACHABLE);
  }
}
