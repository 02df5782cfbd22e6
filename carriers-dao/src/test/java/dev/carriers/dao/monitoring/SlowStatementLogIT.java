package dev.carriers.dao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.dao.Carriers;
import dev.carriers.dao.CarrierUpdate;
import dev.carriers.dao.NewCarrier;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The slow-statement log, on statements the DAO itself sends and the server really makes slow: a
 * trigger that calls {@code pg_sleep}, and a lock another connection holds. The test's slf4j-simple
 * logs to standard error, which the test captures.
 */
@CarriersDatabase
class SlowStatementLogIT {

  private static final String NAME = "Sleepy Haulers";

  /** Runs work while capturing standard error, where slf4j-simple writes. */
  private static String stderrOf(Runnable work) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }

  private static void execute(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long slowCount(SimpleMeterRegistry registry, String operation) {
    return (long) registry.find(DaoMetrics.SLOW_STATEMENTS).tag("operation", operation).counter().count();
  }

  @Test
  void aStatementPastTheThreshold_isLoggedOnceAtWarn_withoutItsValues(TestDatabase database) throws SQLException {
    execute(database, "create or replace function sleepy() returns trigger language plpgsql as"
        + " $$ begin perform pg_sleep(0.3); return new; end $$");
    execute(database, "create trigger sleepy before insert or update on carriers for each row execute function sleepy()");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Carriers carriers = Carriers.configure().dataSource(database.dataSource()).meterRegistry(registry).load()) {
      CarrierRecord[] created = new CarrierRecord[1];
      String log = stderrOf(() -> created[0] = carriers.carriers().create(NewCarrier.of(NAME, "987654")));

      assertThat(log.lines().filter(line -> line.contains("slow statement"))).singleElement()
          .satisfies(line -> assertThat(line)
              .contains("WARN " + "dev.carriers.dao.slow")
              .containsPattern("slow statement: create carrier took [0-9]{3,} ms, 1 row \\(threshold 250 ms\\):"
                  + " insert into carriers \\(name, mc_number\\) values \\(\\?, \\?\\) returning")
              .doesNotContain(NAME).doesNotContain("987654"));
      assertThat(slowCount(registry, "create")).isEqualTo(1);

      // A fast statement is not logged.
      assertThat(stderrOf(() -> carriers.carriers().findById(created[0].getId()))).doesNotContain("slow statement");
      assertThat(slowCount(registry, "find_by_id")).isZero();
    } finally {
      execute(database, "drop trigger sleepy on carriers");
      execute(database, "drop function sleepy()");
    }
  }

  @Test
  void valuesAreLogged_onlyWhenOptedIn_andTheThresholdIsConfigurable(TestDatabase database) throws SQLException {
    execute(database, "create or replace function sleepy() returns trigger language plpgsql as"
        + " $$ begin perform pg_sleep(0.12); return new; end $$");
    execute(database, "create trigger sleepy before update on carriers for each row execute function sleepy()");
    try (Carriers carriers = Carriers.configure().dataSource(database.dataSource())
        .slowStatementThreshold(Duration.ofMillis(100)).slowStatementValues(true).load()) {
      CarrierRecord acme = carriers.carriers().create(NewCarrier.of("Acme", null));
      String log = stderrOf(() -> carriers.carriers().update(acme, CarrierUpdate.create().name(NAME)));
      assertThat(log).containsPattern("slow statement: update carrier took [0-9]{3,} ms, 1 row \\(threshold 100 ms\\):"
          + " update carriers set name = \\?")
          .contains("values [1=" + NAME + ", 2=" + acme.getId() + ", 3=" + acme.getVersion() + "]");
    } finally {
      execute(database, "drop trigger sleepy on carriers");
      execute(database, "drop function sleepy()");
    }
  }

  @Test
  void aReadWaitingForALock_isSlowToo_andTheLogCanBeTurnedOff(TestDatabase database) throws Exception {
    try (Carriers carriers = Carriers.configure().dataSource(database.dataSource()).load();
        Carriers quiet = Carriers.configure().dataSource(database.dataSource()).slowStatementLog(false).load()) {
      long id = carriers.carriers().create(NewCarrier.of("Locked Freight", null)).getId();
      Supplier<String> findWhileLocked = () -> stderrOf(() -> {
        try {
          holdLock(database, () -> carriers.carriers().findById(id));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(findWhileLocked.get()).containsPattern("slow statement: find carrier took [0-9]{3,} ms, 1 row"
          + " \\(threshold 250 ms\\): select .* from carriers where carriers.id = \\?");

      String off = stderrOf(() -> {
        try {
          holdLock(database, () -> quiet.carriers().findById(id));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(off).doesNotContain("slow statement");
    }
  }

  /** Holds an exclusive lock on carriers for 400 ms while the work runs on another thread and waits for it. */
  private static void holdLock(TestDatabase database, Runnable work) throws Exception {
    try (Connection holder = database.dataSource().getConnection(); Statement statement = holder.createStatement()) {
      holder.setAutoCommit(false);
      statement.execute("lock table carriers in access exclusive mode");
      CountDownLatch done = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try {
          work.run();
        } finally {
          done.countDown();
        }
      });
      reader.start();
      Thread.sleep(400);
      holder.rollback();
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
