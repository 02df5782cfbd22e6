package dev.carriers.dao;

import static dev.carriers.schema.jooq.Tables.CARRIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Optimistic locking, transactions, savepoints and retry against real concurrent transactions. */
@CarriersDatabase
class ConcurrencyIT {

  private static Carriers carriers;
  private static ExecutorService threads;

  @BeforeAll
  static void connect(TestDatabase database) {
    carriers = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(8).load();
    threads = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void close() {
    threads.shutdownNow();
    carriers.close();
  }

  @BeforeEach
  void empty() {
    carriers.dsl().deleteFrom(CARRIERS).execute();
  }

  @Test
  void concurrentUpdatersOfTheSameVersion_exactlyOneWins() throws Exception {
    CarrierRecord read = carriers.carriers().create(NewCarrier.of("Contested", null));
    int updaters = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < updaters; i++) {
      String name = "Writer " + i;
      outcomes.add(threads.submit(() -> {
        start.await();
        try {
          carriers.carriers().update(read, CarrierUpdate.create().name(name));
          return "won";
        } catch (StaleCarrierException e) {
          return "stale";
        }
      }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> outcome : outcomes) {
      results.add(outcome.get(30, TimeUnit.SECONDS));
    }
    assertThat(results).containsOnlyOnce("won").filteredOn("stale"::equals).hasSize(updaters - 1);
    CarrierRecord stored = carriers.carriers().getById(read.getId());
    assertThat(stored.getVersion()).isEqualTo(1);
    assertThat(stored.getName()).startsWith("Writer ");
  }

  @Test
  void inTransaction_failingMidway_leavesNothingBehind() {
    assertThatThrownBy(() -> carriers.useTransaction(tx -> {
      tx.carriers().create(NewCarrier.of("First", "1"));
      tx.carriers().create(NewCarrier.of("Second", "2"));
      tx.carriers().create(NewCarrier.of("Third", "1"));
    })).isInstanceOf(DuplicateMcNumberException.class)
        .hasMessage("create carrier: mcNumber 1 is already taken by another carrier");
    assertThat(carriers.carriers().count()).isZero();

    assertThatThrownBy(() -> carriers.useTransaction(tx -> {
      tx.carriers().create(NewCarrier.of("First", "1"));
      throw new IllegalStateException("business rule broken");
    })).isInstanceOf(IllegalStateException.class).hasMessage("business rule broken");
    assertThat(carriers.carriers().count()).isZero();
  }

  @Test
  void nestedTransactions_areSavepoints() {
    long kept = carriers.inTransaction(tx -> {
      CarrierRecord outer = tx.carriers().create(NewCarrier.of("Outer", "1"));
      assertThatThrownBy(() -> tx.useTransaction(inner -> {
        inner.carriers().create(NewCarrier.of("Inner", "2"));
        inner.carriers().create(NewCarrier.of("Inner duplicate", "1"));
      })).isInstanceOf(DuplicateMcNumberException.class);
      // The savepoint undid the inner work only; the outer transaction goes on.
      tx.useTransaction(inner -> inner.carriers().create(NewCarrier.of("Inner kept", "3")));
      return outer.getId();
    });
    assertThat(carriers.carriers().getById(kept).getName()).isEqualTo("Outer");
    assertThat(carriers.dsl().select(CARRIERS.NAME).from(CARRIERS).orderBy(CARRIERS.ID).fetch(CARRIERS.NAME))
        .containsExactly("Outer", "Inner kept");

    assertThatThrownBy(() -> carriers.useTransaction(tx -> {
      tx.carriers().create(NewCarrier.of("Outer 2", "10"));
      tx.useTransaction(inner -> inner.carriers().create(NewCarrier.of("Inner 2", "11")));
      throw new IllegalStateException("outer fails after the savepoint was released");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(carriers.carriers().count()).isEqualTo(2);
  }

  /**
   * Write skew under SERIALIZABLE: each transaction reads the active carriers, then inserts one.
   * Run concurrently, PostgreSQL aborts one with 40001.
   */
  private List<Future<Integer>> writeSkew(TransactionOptions options, AtomicInteger attempts) {
    CountDownLatch bothRead = new CountDownLatch(2);
    List<Future<Integer>> results = new ArrayList<>();
    for (String name : List.of("Left", "Right")) {
      results.add(threads.submit(() -> carriers.inTransaction(options, tx -> {
        int attempt = attempts.incrementAndGet();
        int active = tx.dsl().fetchCount(CARRIERS);
        if (bothRead.getCount() > 0) {
          bothRead.countDown();
          try {
            if (!bothRead.await(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the other transaction never read");
            }
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        tx.carriers().create(NewCarrier.of(name + " after " + active, null));
        return attempt;
      })));
    }
    return results;
  }

  @Test
  void serializationFailure_withoutRetry_isARetryableConflict_andTheLoserWritesNothing() throws Exception {
    TransactionOptions serializable = TransactionOptions.defaults().isolation(TransactionOptions.Isolation.SERIALIZABLE);
    List<Future<Integer>> results = writeSkew(serializable, new AtomicInteger());
    int won = 0;
    List<Throwable> failures = new ArrayList<>();
    for (Future<Integer> result : results) {
      try {
        result.get(30, TimeUnit.SECONDS);
        won++;
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    assertThat(won).isEqualTo(1);
    assertThat(failures).singleElement().isInstanceOfSatisfying(TransactionConflictException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("40001");
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.attempts()).isEqualTo(1);
      // PostgreSQL detects the conflict at the loser's insert or at its commit, depending on timing.
      assertThat(e.getMessage()).matches("(create carrier|transaction) failed: serialization failure \\(SQLState 40001\\).*");
    });
    assertThat(carriers.carriers().count()).isEqualTo(1);
  }

  @Test
  void serializationFailure_withRetry_runsTheLoserAgain_andBothCommit() throws Exception {
    TransactionOptions retrying = TransactionOptions.defaults()
        .isolation(TransactionOptions.Isolation.SERIALIZABLE)
        .retry(3, Duration.ofMillis(5), Duration.ofMillis(50));
    AtomicInteger attempts = new AtomicInteger();
    List<Future<Integer>> results = writeSkew(retrying, attempts);
    List<Integer> lastAttempt = new ArrayList<>();
    for (Future<Integer> result : results) {
      lastAttempt.add(result.get(30, TimeUnit.SECONDS));
    }
    // Two first attempts and one retry: the retry saw the winner's row.
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(carriers.dsl().select(CARRIERS.NAME).from(CARRIERS).fetch(CARRIERS.NAME))
        .hasSize(2).anyMatch(name -> name.endsWith("after 1"));
  }

  @Test
  void deadlock_isARetryableConflict() throws Exception {
    CarrierRecord a = carriers.carriers().create(NewCarrier.of("A", null));
    CarrierRecord b = carriers.carriers().create(NewCarrier.of("B", null));
    CountDownLatch bothLocked = new CountDownLatch(2);
    List<Future<String>> results = new ArrayList<>();
    for (long[] order : List.of(new long[] {a.getId(), b.getId()}, new long[] {b.getId(), a.getId()})) {
      results.add(threads.submit(() -> {
        try {
          carriers.useTransaction(tx -> {
            tx.dsl().update(CARRIERS).set(CARRIERS.NAME, "locked").where(CARRIERS.ID.eq(order[0])).execute();
            bothLocked.countDown();
            try {
              bothLocked.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            tx.dsl().update(CARRIERS).set(CARRIERS.NAME, "both").where(CARRIERS.ID.eq(order[1])).execute();
          });
          return "committed";
        } catch (TransactionConflictException e) {
          return e.sqlState();
        }
      }));
    }
    List<String> outcomes = new ArrayList<>();
    for (Future<String> result : results) {
      outcomes.add(result.get(30, TimeUnit.SECONDS));
    }
    assertThat(outcomes).containsExactlyInAnyOrder("committed", "40P01");
    // The winner's work only: its first row "locked", its second (the loser's first, whose update
    // was rolled back) "both"; each row updated once, by the winner.
    assertThat(carriers.dsl().select(CARRIERS.NAME).from(CARRIERS).fetch(CARRIERS.NAME))
        .containsExactlyInAnyOrder("locked", "both");
    assertThat(carriers.dsl().select(CARRIERS.VERSION).from(CARRIERS).fetch(CARRIERS.VERSION)).containsOnly(1L);
  }
}
