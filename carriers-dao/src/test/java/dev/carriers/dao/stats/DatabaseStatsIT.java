package dev.carriers.dao.stats;

import static dev.carriers.dao.stats.StatsFixtures.check;
import static dev.carriers.dao.stats.StatsFixtures.execute;
import static dev.carriers.dao.stats.StatsFixtures.number;
import static dev.carriers.dao.stats.StatsFixtures.subjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.dao.DatabaseUnavailableException;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every stats check against the real server, on conditions each test creates in a database of its
 * own: indexes never scanned and covered by another, an invalid index, deleted rows, sequential
 * scans, a cold cache, a statement that sleeps, a transaction left idle, a lock another connection
 * waits for. The activity checks look at the test's database only, so other sessions on the shared
 * server cannot change their outcome.
 */
class DatabaseStatsIT {

  private static final Threshold ANY = new Threshold(1, Double.POSITIVE_INFINITY, 0);

  @Test
  void everyCheck_runs_onAFreshDatabase(@CarriersDatabase TestDatabase database) {
    StatsReport report = DatabaseStats.configure().dataSource(database.dataSource()).load().run();
    assertThat(report.results()).extracting(CheckResult::check).containsExactly(StatsCheck.values());
    assertThat(report.results()).allSatisfy(result -> assertThat(result.status()).as(result.check() + ": "
        + result.summary()).isNotEqualTo(CheckStatus.ERROR));
    assertThat(report.database()).isEqualTo(database.name());
    assertThat(report.serverVersion()).startsWith("15");
    assertThat(report.result(StatsCheck.INVALID_INDEXES).status()).isEqualTo(CheckStatus.OK);
    assertThat(report.result(StatsCheck.BLOCKING_LOCKS).summary()).isEqualTo("no session waits for a lock");
  }

  @Test
  void unusedAndDuplicateIndexes_areFound_butNotUniqueOnes(@CarriersDatabase(migrate = false) TestDatabase database)
      throws SQLException {
    execute(database.dataSource(),
        "create table t (id int primary key, a int, b int, c text, d int)",
        "insert into t select g, g % 100, g % 7, md5(g::text), g from generate_series(1, 20000) g",
        "create index t_a_idx on t (a)",
        "create index t_a_b_idx on t (a, b)",
        "create index t_c_idx on t (c)",
        "create unique index t_d_key on t (d)",
        "create index t_b_partial_idx on t (b) where a > 50",
        "analyze t");
    // t_a_b_idx is scanned; the others never are.
    execute(database.dataSource(), "set enable_seqscan = off", "set enable_bitmapscan = off",
        "select count(*) from t where a = 5 and b = 3");

    CheckResult unused = check(database.dataSource(), StatsCheck.UNUSED_INDEXES, ANY);
    assertThat(unused.status()).isEqualTo(CheckStatus.WARN);
    assertThat(subjects(unused)).contains("public.t_c_idx", "public.t_a_idx", "public.t_b_partial_idx")
        .doesNotContain("public.t_a_b_idx", "public.t_d_key", "public.t_pkey");
    assertThat(unused.value()).isEqualTo(3.0);
    assertThat(unused.fix()).contains("DROP INDEX CONCURRENTLY");

    CheckResult bigOnly = check(database.dataSource(), StatsCheck.UNUSED_INDEXES, new Threshold(1,
        Double.POSITIVE_INFINITY, 100L << 20));
    assertThat(bigOnly.status()).as("no index of 100 MB").isEqualTo(CheckStatus.OK);

    CheckResult duplicate = check(database.dataSource(), StatsCheck.DUPLICATE_INDEXES, ANY);
    assertThat(subjects(duplicate)).containsExactly("public.t_a_idx");
    assertThat(duplicate.findings().get(0).detail()).contains("covered by public.t_a_b_idx");
    assertThat(duplicate.status()).isEqualTo(CheckStatus.WARN);
  }

  @Test
  void anIndexLeftInvalidByAFailedConcurrentBuild_isFound(@CarriersDatabase(migrate = false) TestDatabase database)
      throws SQLException {
    execute(database.dataSource(), "create table t (v int)", "insert into t values (1), (1)");
    assertThatThrownBy(() -> execute(database.dataSource(), "create unique index concurrently t_v_key on t (v)"))
        .isInstanceOf(SQLException.class);

    CheckResult invalid = check(database.dataSource(), StatsCheck.INVALID_INDEXES, ANY);
    assertThat(invalid.status()).isEqualTo(CheckStatus.WARN);
    assertThat(subjects(invalid)).containsExactly("\"public\".\"t_v_key\"");
    assertThat(invalid.fix()).startsWith("DROP INDEX CONCURRENTLY \"public\".\"t_v_key\"");
  }

  @Test
  void deletedRows_showAsDeadTuples_andAsTableAndIndexBloatAfterVacuum(
      @CarriersDatabase(migrate = false) TestDatabase database) throws SQLException {
    execute(database.dataSource(),
        "create table b (id bigint primary key, pad text) with (autovacuum_enabled = false)",
        "insert into b select g, repeat('x', 100) || g from generate_series(1, 100000) g",
        "delete from b where id % 10 <> 0");

    CheckResult dead = check(database.dataSource(), StatsCheck.AUTOVACUUM, new Threshold(0.2, 0.5, 10_000));
    assertThat(dead.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(subjects(dead)).containsExactly("public.b");
    assertThat(dead.value()).isBetween(0.85, 0.95);
    assertThat(dead.findings().get(0).detail()).contains("90000 dead", "autovacuum disabled on it");

    execute(database.dataSource(), "vacuum analyze b");
    CheckResult vacuumed = check(database.dataSource(), StatsCheck.AUTOVACUUM, new Threshold(0.2, 0.5, 10_000));
    assertThat(vacuumed.status()).isEqualTo(CheckStatus.OK);

    Threshold oneMegabyte = new Threshold(0.5, 0.8, 1 << 20);
    CheckResult tables = check(database.dataSource(), StatsCheck.TABLE_BLOAT, oneMegabyte);
    assertThat(tables.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(subjects(tables)).containsExactly("public.b");
    assertThat(tables.value()).isGreaterThan(0.8);
    CheckResult indexes = check(database.dataSource(), StatsCheck.INDEX_BLOAT, oneMegabyte);
    assertThat(subjects(indexes)).containsExactly("public.b_pkey");
    assertThat(indexes.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(indexes.fix()).contains("REINDEX INDEX CONCURRENTLY");
  }

  @Test
  void aTableReadOverAndOverBySequentialScans_isFound(@CarriersDatabase(migrate = false) TestDatabase database)
      throws SQLException {
    execute(database.dataSource(), "create table s (id int, b int)",
        "insert into s select g, g % 1000 from generate_series(1, 20000) g");
    String[] scans = new String[120];
    java.util.Arrays.fill(scans, "select count(*) from s where b = 5");
    execute(database.dataSource(), scans);

    CheckResult result = check(database.dataSource(), StatsCheck.SEQUENTIAL_SCANS, new Threshold(100,
        Double.POSITIVE_INFINITY, 10_000));
    assertThat(result.status()).isEqualTo(CheckStatus.WARN);
    assertThat(subjects(result)).containsExactly("public.s");
    assertThat(result.value()).isGreaterThanOrEqualTo(120);
    assertThat(result.findings().get(0).attributes()).containsEntry("live_rows", 20000L);

    CheckResult bigTablesOnly = check(database.dataSource(), StatsCheck.SEQUENTIAL_SCANS, new Threshold(100,
        Double.POSITIVE_INFINITY, 1_000_000));
    assertThat(bigTablesOnly.status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void aColdTable_lowersTheCacheHitRatio(@CarriersDatabase(migrate = false) TestDatabase database)
      throws SQLException {
    execute(database.dataSource(), "create table c (id int, pad text)",
        "insert into c select g, repeat('y', 200) from generate_series(1, 20000) g",
        // The rewrite goes to disk around shared buffers: the next scan reads every block.
        "vacuum full c");
    // In a session of its own: the session above flushes what its VACUUM read when it closes.
    execute(database.dataSource(), "select pg_stat_reset()");
    execute(database.dataSource(), "select count(*) from c");

    CheckResult cold = check(database.dataSource(), StatsCheck.CACHE_HIT_RATIO, new Threshold(0.99, 0.95, 100));
    assertThat(cold.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(subjects(cold)).containsExactly("tables");
    assertThat(cold.value()).isLessThan(0.5);

    CheckResult tooLittle = check(database.dataSource(), StatsCheck.CACHE_HIT_RATIO, new Threshold(0.99, 0.95,
        1_000_000));
    assertThat(tooLittle.status()).isEqualTo(CheckStatus.OK);
    assertThat(tooLittle.summary()).startsWith("too little traffic to judge");
  }

  @Test
  void aLongRunningQuery_isFound_withItsPidAndText(@CarriersDatabase TestDatabase database) throws Exception {
    try (Connection sleeper = database.dataSource().getConnection(); Statement statement = sleeper.createStatement()) {
      long pid = number(sleeper, "select pg_backend_pid()");
      statement.execute("set statement_timeout = '20s'");
      CountDownLatch started = new CountDownLatch(1);
      Thread running = new Thread(() -> {
        started.countDown();
        try {
          statement.execute("select pg_sleep(10)");
        } catch (SQLException cancelled) {
          // Cancelled by the test below.
        }
      });
      running.start();
      try {
        started.await(5, TimeUnit.SECONDS);
        Thread.sleep(1_500);
        CheckResult result = check(database.dataSource(), StatsCheck.LONG_RUNNING_QUERIES, new Threshold(1, 600, 0));
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(subjects(result)).containsExactly("pid " + pid);
        assertThat(result.findings().get(0).detail()).contains("select pg_sleep(10)", database.name());
        assertThat(result.value()).isBetween(1.0, 30.0);
      } finally {
        statement.cancel();
        running.join(10_000);
      }
    }
  }

  @Test
  void aSessionIdleInATransaction_isFound(@CarriersDatabase TestDatabase database) throws Exception {
    try (Connection idle = database.dataSource().getConnection(); Statement statement = idle.createStatement()) {
      long pid = number(idle, "select pg_backend_pid()");
      idle.setAutoCommit(false);
      statement.execute("select count(*) from carriers");
      try {
        Thread.sleep(1_200);
        CheckResult result = check(database.dataSource(), StatsCheck.IDLE_IN_TRANSACTION, new Threshold(1, 600, 0));
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(subjects(result)).containsExactly("pid " + pid);
        assertThat(result.fix()).contains("idle_in_transaction_session_timeout");
        CheckResult critical = check(database.dataSource(), StatsCheck.IDLE_IN_TRANSACTION, new Threshold(0.1, 1, 0));
        assertThat(critical.status()).isEqualTo(CheckStatus.CRITICAL);
      } finally {
        idle.rollback();
      }
    }
  }

  @Test
  void aBlockingLock_saysWhoBlocksWhom(@CarriersDatabase TestDatabase database) throws Exception {
    execute(database.dataSource(), "insert into carriers (name) values ('Locked')");
    try (Connection blocker = database.dataSource().getConnection();
        Connection waiter = database.dataSource().getConnection();
        Statement blocking = blocker.createStatement();
        Statement waiting = waiter.createStatement()) {
      long blockerPid = number(blocker, "select pg_backend_pid()");
      long waiterPid = number(waiter, "select pg_backend_pid()");
      waiting.execute("set statement_timeout = '20s'");
      blocker.setAutoCommit(false);
      blocking.execute("update carriers set name = 'Held' where name = 'Locked'");
      Thread blocked = new Thread(() -> {
        try {
          waiting.execute("update carriers set name = 'Waited' where name = 'Locked'");
        } catch (SQLException timedOut) {
          // Only if the test never released the lock.
        }
      });
      blocked.start();
      try {
        Thread.sleep(1_300);
        CheckResult result = check(database.dataSource(), StatsCheck.BLOCKING_LOCKS, new Threshold(1, 600, 0));
        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(subjects(result)).containsExactly("pid " + waiterPid);
        assertThat(result.findings().get(0).attributes()).containsEntry("blocking_pid", (int) blockerPid)
            .containsEntry("blocking_state", "idle in transaction");
        assertThat(result.findings().get(0).detail()).contains("blocked by pid " + blockerPid,
            "update carriers set name = 'Waited'");
      } finally {
        blocker.rollback();
        blocked.join(10_000);
      }
    }
  }

  @Test
  void connectionsAndWraparound_areTheServers(@CarriersDatabase TestDatabase database) {
    CheckResult connections = check(database.dataSource(), StatsCheck.CONNECTIONS, new Threshold(0.8, 0.95, 0));
    assertThat(connections.status()).isIn(CheckStatus.OK, CheckStatus.WARN, CheckStatus.CRITICAL);
    assertThat(connections.value()).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(connections.findings().get(0).subject()).isEqualTo("server");
    assertThat(connections.findings().get(0).attributes()).containsKey("max_connections");
    CheckResult crowded = check(database.dataSource(), StatsCheck.CONNECTIONS, new Threshold(1e-6, 2, 0));
    assertThat(crowded.status()).isEqualTo(CheckStatus.WARN);

    CheckResult wraparound = check(database.dataSource(), StatsCheck.TRANSACTION_ID_WRAPAROUND, new Threshold(1, 3e9,
        0));
    assertThat(wraparound.status()).isEqualTo(CheckStatus.WARN);
    assertThat(wraparound.value()).isPositive();
    assertThat(wraparound.findings()).isNotEmpty();
    assertThat(check(database.dataSource(), StatsCheck.TRANSACTION_ID_WRAPAROUND,
        StatsCheck.TRANSACTION_ID_WRAPAROUND.defaults()).status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void aCheckThatCannotGetItsLock_isAnError_andTheOthersStillRun(@CarriersDatabase(migrate = false)
      TestDatabase database) throws Exception {
    execute(database.dataSource(), "create table t (a int)", "create index t_a_idx on t (a)");
    try (Connection ddl = database.dataSource().getConnection(); Statement statement = ddl.createStatement()) {
      ddl.setAutoCommit(false);
      statement.execute("drop index t_a_idx");
      StatsReport report = DatabaseStats.configure().dataSource(database.dataSource())
          .checks(StatsCheck.UNUSED_INDEXES, StatsCheck.CONNECTIONS).lockTimeout(Duration.ofMillis(200)).load().run();
      CheckResult unused = report.result(StatsCheck.UNUSED_INDEXES);
      assertThat(unused.status()).isEqualTo(CheckStatus.ERROR);
      assertThat(unused.summary()).startsWith("could not run: ").contains("lock timeout");
      assertThat(unused.fix()).contains("waited 200 ms for a lock");
      assertThat(report.result(StatsCheck.CONNECTIONS).status()).isNotEqualTo(CheckStatus.ERROR);
      assertThat(report.status()).isIn(CheckStatus.ERROR, CheckStatus.CRITICAL);
      ddl.rollback();
    }
  }

  @Test
  void anUnreachableServer_isUnavailable() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=1");
    assertThatThrownBy(() -> DatabaseStats.configure().dataSource(nowhere).load().run())
        .isInstanceOf(DatabaseUnavailableException.class).hasMessageStartingWith("database stats failed");
  }

  @Test
  void badSettings_areRefusedAtOnce() {
    assertThatThrownBy(() -> DatabaseStats.configure().threshold(StatsCheck.CACHE_HIT_RATIO,
        new Threshold(0.9, 0.99, 0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cache_hit_ratio critical 0.99 before warn 0.9 makes no sense");
    assertThatThrownBy(() -> DatabaseStats.configure().statementTimeout(Duration.ZERO))
        .hasMessageContaining("statementTimeout PT0S makes no sense");
    assertThatThrownBy(() -> new Threshold(1, 2, -1)).hasMessageContaining("a floor of -1.0 makes no sense");
    assertThatThrownBy(() -> DatabaseStats.configure().load()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> StatsCheck.ofKey("cache")).hasMessageContaining("unknown check \"cache\"; known: "
        + "cache_hit_ratio, unused_indexes");
  }
}
