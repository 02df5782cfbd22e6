package dev.carriers.dao;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@link Carriers#health()} says about load: the server's connections against
 * {@code max_connections}, this database's longest open transaction, and a saturated pool.
 */
@CarriersDatabase
class HealthLoadIT {

  @Test
  void reportsConnectionUse_andTheLongestOpenTransaction(TestDatabase database) throws Exception {
    try (Carriers carriers = Carriers.configure().dataSource(database.dataSource()).load();
        Connection holder = database.dataSource().getConnection();
        Statement statement = holder.createStatement()) {
      int max;
      try (ResultSet rows = statement.executeQuery("select current_setting('max_connections')::int")) {
        rows.next();
        max = rows.getInt(1);
      }
      CarriersHealth.Server idle = carriers.health().server();
      assertThat(idle.maxConnections()).isEqualTo(max);
      assertThat(idle.connections()).isPositive().isLessThanOrEqualTo(max);
      assertThat(idle.connectionUse()).isPositive().isLessThanOrEqualTo(1.0);
      assertThat(idle.longestTransaction()).as("no other session of this database has a transaction open").isNull();

      holder.setAutoCommit(false);
      statement.execute("select count(*) from carriers");
      Thread.sleep(1_100);
      CarriersHealth.Server busy = carriers.health().server();
      assertThat(busy.longestTransaction()).isGreaterThanOrEqualTo(Duration.ofSeconds(1))
          .isLessThan(Duration.ofMinutes(1));
      holder.rollback();
    }
  }

  @Test
  void aPoolWhoseCallersQueue_isSaturated(TestDatabase database) throws Exception {
    try (Carriers carriers = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(1)
        .connectionTimeout(Duration.ofSeconds(5)).load()) {
      assertThat(carriers.health().pool().saturated()).isFalse();
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder = new Thread(() -> carriers.useTransaction(tx -> {
        tx.carriers().count();
        holding.countDown();
        await(release);
      }));
      holder.start();
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      Thread waiter = new Thread(() -> carriers.carriers().count());
      waiter.start();
      // The check itself waits for the connection too: free it a little later.
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(700);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        release.countDown();
      });
      try {
        while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
          Thread.sleep(10);
        }
        Thread.sleep(100);
        releaser.start();
        CarriersHealth health = carriers.health();
        assertThat(health.reachable()).isTrue();
        CarriersHealth.Pool pool = health.pool();
        assertThat(pool.waiting()).isEqualTo(1);
        assertThat(pool.saturated()).isTrue();
        assertThat(pool.acquireTimeP95()).as("not metered").isNull();
      } finally {
        release.countDown();
        holder.join(10_000);
        waiter.join(10_000);
      }
      assertThat(carriers.health().pool().saturated()).isFalse();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
