package dev.carriers.dao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.dao.CarrierNotFoundException;
import dev.carriers.dao.Carriers;
import dev.carriers.dao.CarriersHealth;
import dev.carriers.dao.CarrierQuery;
import dev.carriers.dao.DuplicateMcNumberException;
import dev.carriers.dao.NewCarrier;
import dev.carriers.dao.TransactionConflictException;
import dev.carriers.dao.TransactionOptions;
import dev.carriers.dao.validation.CarrierValidationException;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The DAO's, the transactions' and the pool's meters on a registry of the test's, against the real server. */
class DaoMetricsIT {

  private static Timer operation(SimpleMeterRegistry registry, String operation, String outcome) {
    return registry.find(DaoMetrics.OPERATION_TIMER).tag("operation", operation).tag("outcome", outcome).timer();
  }

  @Test
  void everyCall_isTimedByOperationAndOutcome_onTheGivenRegistryOnly(@CarriersDatabase TestDatabase database) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Carriers carriers = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(2)
        .meterRegistry(registry).load()) {
      // Registered up front: every operation's success timer exists before its first call.
      assertThat(operation(registry, "find_by_id", "success")).isNotNull();
      assertThat(operation(registry, "list", "success").count()).isZero();

      CarrierRecord acme = carriers.carriers().create(NewCarrier.of("Acme", "123456"));
      assertThatThrownBy(() -> carriers.carriers().create(NewCarrier.of("Other", "123456")))
          .isInstanceOf(DuplicateMcNumberException.class);
      assertThatThrownBy(() -> carriers.carriers().create(NewCarrier.of(" ", null)))
          .isInstanceOf(CarrierValidationException.class);
      carriers.carriers().findById(acme.getId());
      carriers.carriers().findById(acme.getId());
      assertThatThrownBy(() -> carriers.carriers().getById(acme.getId() + 1000))
          .isInstanceOf(CarrierNotFoundException.class);
      carriers.carriers().findByMcNumber("MC-123456");
      carriers.carriers().list(CarrierQuery.all());
      carriers.carriers().count();
      assertThat(carriers.carriers().delete(acme.getId())).isTrue();

      assertThat(operation(registry, "create", "success").count()).isEqualTo(1);
      assertThat(operation(registry, "create", "duplicate").count()).isEqualTo(1);
      assertThat(operation(registry, "create", "invalid_input").count()).isEqualTo(1);
      assertThat(operation(registry, "find_by_id", "success").count()).isEqualTo(2);
      assertThat(operation(registry, "find_by_id", "success").totalTime(TimeUnit.NANOSECONDS)).isPositive();
      assertThat(operation(registry, "get_by_id", "not_found").count()).isEqualTo(1);
      assertThat(operation(registry, "find_by_mc_number", "success").count()).isEqualTo(1);
      assertThat(operation(registry, "list", "success").count()).isEqualTo(1);
      assertThat(operation(registry, "count", "success").count()).isEqualTo(1);
      assertThat(operation(registry, "delete", "success").count()).isEqualTo(1);

      // HikariCP's own tracker: the pool's gauges, acquire timer and timeout counter.
      for (String gauge : new String[] {"active", "idle", "pending", "max", "min"}) {
        assertThat(registry.find("hikaricp.connections." + gauge).tag("pool", "carriers").gauge()).as(gauge)
            .isNotNull();
      }
      assertThat(registry.find("hikaricp.connections.acquire").tag("pool", "carriers").timer().count()).isPositive();
      assertThat(registry.find("hikaricp.connections.timeout").tag("pool", "carriers").counter()).isNotNull();
      CarriersHealth.Pool pool = carriers.health().pool();
      assertThat(pool.acquireTimeP95()).isNotNull().isLessThan(Duration.ofSeconds(5));
    }
    assertThat(Metrics.globalRegistry.getMeters()).extracting(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith("carriers.") || name.startsWith("hikaricp."));
  }

  @Test
  void transactions_areTimed_andRetriesCounted(@CarriersDatabase TestDatabase database) throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Carriers carriers = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(3)
        .meterRegistry(registry).load()) {
      carriers.useTransaction(tx -> tx.carriers().create(NewCarrier.of("A", null)));
      assertThatThrownBy(() -> carriers.useTransaction(tx -> {
        tx.carriers().create(NewCarrier.of("B", null));
        throw new IllegalStateException("the caller's own failure");
      })).isInstanceOf(IllegalStateException.class);

      // Two serializable transactions that read what the other writes: one fails with 40001 and runs again.
      TransactionOptions serializable = TransactionOptions.defaults()
          .isolation(TransactionOptions.Isolation.SERIALIZABLE).retry(5, Duration.ofMillis(1), Duration.ofMillis(20));
      CyclicBarrier bothRead = new CyclicBarrier(2);
      AtomicInteger attempts = new AtomicInteger();
      Runnable conflicting = () -> carriers.useTransaction(serializable, tx -> {
        long seen = tx.carriers().count();
        if (attempts.incrementAndGet() <= 2) {
          try {
            bothRead.await(5, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        tx.carriers().create(NewCarrier.of("seen " + seen, null));
      });
      Thread other = new Thread(conflicting);
      other.start();
      conflicting.run();
      other.join(TimeUnit.SECONDS.toMillis(20));

      assertThat(registry.find(DaoMetrics.TRANSACTION_TIMER).tag("isolation", "default").tag("outcome", "success")
          .timer().count()).isEqualTo(1);
      assertThat(registry.find(DaoMetrics.TRANSACTION_TIMER).tag("outcome", "rolled_back").timer().count())
          .isEqualTo(1);
      assertThat(registry.find(DaoMetrics.TRANSACTION_TIMER).tag("isolation", "serializable")
          .tag("outcome", "success").timer().count()).isEqualTo(2);
      assertThat(registry.find(DaoMetrics.TRANSACTION_RETRIES).tag("isolation", "serializable").counter().count())
          .isGreaterThanOrEqualTo(1);
      // The DAO calls inside the transactions are timed too.
      assertThat(registry.find(DaoMetrics.OPERATION_TIMER).tag("operation", "create").tag("outcome", "success")
          .timer().count()).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void conflictPastTheLastAttempt_isTimedAsATransactionConflict(@CarriersDatabase TestDatabase database)
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Carriers carriers = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(3)
        .meterRegistry(registry).load()) {
      TransactionOptions once = TransactionOptions.defaults().isolation(TransactionOptions.Isolation.SERIALIZABLE);
      CyclicBarrier bothRead = new CyclicBarrier(2);
      CountDownLatch done = new CountDownLatch(2);
      AtomicInteger conflicts = new AtomicInteger();
      Runnable conflicting = () -> {
        try {
          carriers.useTransaction(once, tx -> {
            long seen = tx.carriers().count();
            try {
              bothRead.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            tx.carriers().create(NewCarrier.of("seen " + seen, null));
          });
        } catch (TransactionConflictException e) {
          conflicts.incrementAndGet();
        } finally {
          done.countDown();
        }
      };
      new Thread(conflicting).start();
      new Thread(conflicting).start();
      assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(conflicts).hasValue(1);
      Meter conflict = registry.find(DaoMetrics.TRANSACTION_TIMER).tag("outcome", "transaction_conflict").timer();
      assertThat(conflict).isNotNull();
      assertThat(((Timer) conflict).count()).isEqualTo(1);
      assertThat(carriers.carriers().count()).isEqualTo(1);
    }
  }
}
