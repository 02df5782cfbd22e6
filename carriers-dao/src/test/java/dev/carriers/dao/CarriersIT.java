package dev.carriers.dao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.DatabaseUrl;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The entry point against a real server: pooling from a URL, unavailability, health. */
@CarriersDatabase
class CarriersIT {

  private static final String PASSWORD = "s3cret-Pa55word";

  /** A libpq URL to the test database, with a password (the local server trusts, so any will do). */
  private static String libpqUrl(TestDatabase database) {
    DatabaseUrl jdbc = DatabaseUrl.parse(database.jdbcUrlWithCredentials());
    String hostPort = jdbc.jdbcUrl().substring("jdbc:postgresql://".length(), jdbc.jdbcUrl().lastIndexOf('/'));
    return "postgresql://" + jdbc.user() + ":" + PASSWORD + "@" + hostPort + "/" + jdbc.database()
        + "?sslmode=disable&application_name=carriers-it";
  }

  private static String unreachableUrl() {
    return "postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/nowhere?connect_timeout=1";
  }

  @Test
  void fromALibpqUrl_ownsAPool_carriesParametersOver_andClosesIt(TestDatabase database) {
    Carriers carriers = Carriers.configure().databaseUrl(libpqUrl(database)).maxPoolSize(2).load();
    try {
      assertThat(carriers.carriers().count()).isZero();
      assertThat(carriers.dsl().fetchValue("select current_setting('application_name')")).isEqualTo("carriers-it");
      assertThat(carriers.toString()).contains("password=***").doesNotContain(PASSWORD);
    } finally {
      carriers.close();
    }
    assertThatThrownBy(() -> carriers.carriers().count()).isInstanceOf(dev.carriers.CarriersException.class)
        .hasMessageStartingWith("count carriers failed");
  }

  @Test
  void withAGivenDataSource_closeLeavesItOpen(TestDatabase database) throws Exception {
    try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
      pool.setJdbcUrl(database.jdbcUrlWithCredentials());
      Carriers.configure().dataSource(pool).load().close();
      assertThat(pool.isClosed()).isFalse();
      try (var connection = pool.getConnection()) {
        assertThat(connection.isValid(1)).isTrue();
      }
    }
  }

  @Test
  void unreachableDatabase_isUnavailable_withoutThePassword() {
    try (Carriers carriers = Carriers.configure().databaseUrl(unreachableUrl())
        .connectionTimeout(Duration.ofMillis(500)).load()) {
      assertThatThrownBy(() -> carriers.carriers().count())
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageStartingWith("count carriers failed: no database connection available")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
      assertThatThrownBy(() -> carriers.carriers().create(NewCarrier.of("A", null)))
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageStartingWith("create carrier failed:");
    }
  }

  @Test
  void exhaustedPool_timesOutAsUnavailable(TestDatabase database) throws Exception {
    try (Carriers carriers = Carriers.configure().databaseUrl(libpqUrl(database)).maxPoolSize(1)
        .connectionTimeout(Duration.ofMillis(300)).load()) {
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder = new Thread(() -> carriers.useTransaction(tx -> {
        tx.carriers().count();
        holding.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      holder.start();
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      try {
        assertThat(carriers.health().pool()).satisfies(pool -> {
          assertThat(pool.active()).isEqualTo(1);
          assertThat(pool.max()).isEqualTo(1);
        });
        assertThatThrownBy(() -> carriers.carriers().findById(1))
            .isInstanceOf(DatabaseUnavailableException.class)
            .hasMessageContaining("find carrier failed: no database connection available")
            .hasMessageContaining("request timed out after");
      } finally {
        release.countDown();
        holder.join();
      }
      assertThat(carriers.carriers().count()).isZero();
    }
  }

  @Test
  void health_whenUp_reportsRoundTripPoolAndSchema_andCachesTheSchema(TestDatabase database) {
    try (Carriers carriers = Carriers.configure().databaseUrl(libpqUrl(database)).maxPoolSize(2).load()) {
      CarriersHealth first = carriers.health();
      assertThat(first.reachable()).isTrue();
      assertThat(first.isHealthy()).isTrue();
      assertThat(first.problem()).isNull();
      assertThat(first.roundTrip()).isPositive().isLessThan(Duration.ofSeconds(5));
      assertThat(first.pool().max()).isEqualTo(2);
      assertThat(first.pool().active()).isZero();
      assertThat(first.pool().total()).isPositive();
      assertThat(first.pool().waiting()).isZero();
      assertThat(first.schema().appliedVersion()).isNotNull()
          .isEqualTo(dev.carriers.schema.CarriersMigrations.configure().dataSource(database.dataSource()).load()
              .info().currentVersion());
      assertThat(Integer.parseInt(first.schema().appliedVersion())).isGreaterThanOrEqualTo(7);
      assertThat(first.schema().migrationsPending()).isFalse();
      assertThat(first.schema().pendingVersions()).isEmpty();

      CarriersHealth second = carriers.health();
      assertThat(second.schema()).isSameAs(first.schema());
    }
  }

  @Test
  void health_whenUnreachable_saysSo_quickly_withoutThePassword() {
    try (Carriers carriers = Carriers.configure().databaseUrl(unreachableUrl())
        .connectionTimeout(Duration.ofMillis(500)).load()) {
      long start = System.nanoTime();
      CarriersHealth health = carriers.health();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(health.reachable()).isFalse();
      assertThat(health.isHealthy()).isFalse();
      assertThat(health.roundTrip()).isNull();
      assertThat(health.schema()).isNull();
      assertThat(health.problem()).startsWith("health check failed: no database connection available")
          .doesNotContain(PASSWORD);
      assertThat(health.pool().active()).isZero();
    }
  }
}
