package dev.carriers.dao.stats;

import static dev.carriers.dao.stats.StatsFixtures.check;
import static dev.carriers.dao.stats.StatsFixtures.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The replication checks against the machine's real streaming standby (127.0.0.1:5433, set up by
 * scripts/prerequisites.sh): from the primary, and on the standby itself. To make a lag that
 * cannot be missed, one test pauses the standby's replay for about a second while it writes WAL;
 * replay is resumed in a finally block and again after each test, so the shared standby is left as
 * it was found even when an assertion fails.
 */
class ReplicationStatsIT {

  private static final String STANDBY_HOST = "127.0.0.1";
  private static final int STANDBY_PORT = 5433;

  private static PGSimpleDataSource standby(String database) {
    PGSimpleDataSource standby = new PGSimpleDataSource();
    standby.setServerNames(new String[] {STANDBY_HOST});
    standby.setPortNumbers(new int[] {STANDBY_PORT});
    standby.setDatabaseName(database);
    standby.setUser("postgres");
    standby.setConnectTimeout(2);
    standby.setSocketTimeout(20);
    return standby;
  }

  /** Whether the standby answers and is in recovery; the test is skipped, saying why, when not. */
  private static void assumeStandby(TestDatabase database) {
    boolean standbyHere;
    try (Connection connection = standby("postgres").getConnection(); Statement statement = connection.createStatement();
        var rows = statement.executeQuery("select pg_is_in_recovery()")) {
      rows.next();
      standbyHere = rows.getBoolean(1);
    } catch (SQLException e) {
      standbyHere = false;
    }
    assumeTrue(standbyHere && database.jdbcUrl().contains("127.0.0.1:5432"),
        "needs the primary at 127.0.0.1:5432 with its streaming standby at 127.0.0.1:5433 (scripts/prerequisites.sh)");
  }

  private static void setReplay(String function) throws SQLException {
    try (Connection connection = standby("postgres").getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("select " + function + "()");
    }
  }

  @AfterEach
  void resumeReplay() throws SQLException {
    try {
      setReplay("pg_wal_replay_resume");
    } catch (SQLException e) {
      // No standby here: nothing was paused.
    }
  }

  @Test
  void fromThePrimary_theStreamingStandbyIsSeen(@CarriersDatabase TestDatabase database) {
    assumeStandby(database);
    StatsReport report = DatabaseStats.configure().dataSource(database.dataSource())
        .checks(StatsCheck.REPLICATION_LAG, StatsCheck.REPLICATION_LAG_BYTES).load().run();
    assertThat(report.standby()).isFalse();
    CheckResult lag = report.result(StatsCheck.REPLICATION_LAG);
    assertThat(lag.summary()).startsWith("1 standbys").contains("streaming");
    assertThat(lag.status()).isIn(CheckStatus.OK, CheckStatus.WARN);
    assertThat(report.result(StatsCheck.REPLICATION_LAG_BYTES).value()).isNotNull();
  }

  @Test
  void aStandbyThatStoppedReplaying_lagsInBytesFromThePrimary_andInSecondsOnItself(
      @CarriersDatabase TestDatabase database) throws Exception {
    assumeStandby(database);
    execute(database.dataSource(), "create table wal (pad text)");
    try {
      setReplay("pg_wal_replay_pause");
      // About 2 MB of WAL the standby receives and does not replay.
      execute(database.dataSource(), "insert into wal select repeat('w', 200) from generate_series(1, 8000)");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      CheckResult bytes = check(database.dataSource(), StatsCheck.REPLICATION_LAG_BYTES,
          new Threshold(256 << 10, 1L << 40, 0));
      while (bytes.status() == CheckStatus.OK && System.nanoTime() < deadline) {
        Thread.sleep(50);
        bytes = check(database.dataSource(), StatsCheck.REPLICATION_LAG_BYTES, new Threshold(256 << 10, 1L << 40, 0));
      }
      assertThat(bytes.status()).isEqualTo(CheckStatus.WARN);
      assertThat(bytes.value()).isGreaterThanOrEqualTo(256 << 10);
      assertThat(bytes.findings().get(0).detail()).contains("of WAL not yet replayed", "streaming");

      Thread.sleep(600);
      StatsReport onStandby = DatabaseStats.configure().dataSource(standby(database.name()))
          .checks(StatsCheck.REPLICATION_LAG, StatsCheck.REPLICATION_LAG_BYTES)
          .threshold(StatsCheck.REPLICATION_LAG, new Threshold(0.5, 1e9, 0)).load().run();
      assertThat(onStandby.standby()).isTrue();
      CheckResult seconds = onStandby.result(StatsCheck.REPLICATION_LAG);
      assertThat(seconds.status()).isEqualTo(CheckStatus.WARN);
      assertThat(seconds.findings().get(0).subject()).isEqualTo("this standby");
      assertThat(seconds.findings().get(0).detail()).contains("replay paused");
    } finally {
      setReplay("pg_wal_replay_resume");
    }
  }
}
