package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationsConfiguration;
import dev.carriers.schema.MigrateResult;
import dev.carriers.schema.MigrationException;
import dev.carriers.schema.lifecycle.DryRunMigration;
import dev.carriers.schema.lifecycle.DryRunOutcome;
import dev.carriers.schema.lifecycle.DryRunReport;
import dev.carriers.schema.lifecycle.RollbackFailedException;
import dev.carriers.schema.monitoring.MicrometerMigrationListener;
import dev.carriers.schema.monitoring.MigrationEvent;
import dev.carriers.schema.monitoring.MigrationListener;
import dev.carriers.schema.monitoring.MigrationOutcome;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards of {@code migrate}: a migration blocked by another session's lock gives up after
 * {@code lock_timeout}, is retried with backoff, fails with a typed error leaving nothing applied,
 * and goes through once the blocker is gone; {@code statement_timeout} cancels a runaway statement;
 * every outcome reaches the listeners and Micrometer.
 */
class MigrationGuardsIT {

  private static final String BLOCKED_MIGRATION = "V100__add_carriers_note.sql";

  @TempDir
  Path dir;

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @BeforeEach
  void migratedDatabaseWithOnePendingAlter() throws Exception {
    Fixtures.copyScriptsAndMigrate(database, dir);
    Fixtures.execute(database, "insert into carriers (name, mc_number) values ('Acme Freight', '123456')");
    // Needs an ACCESS EXCLUSIVE lock on carriers: it waits for every open transaction that read it.
    Fixtures.addMigration(dir, BLOCKED_MIGRATION, "alter table carriers add column note text;\n",
        "alter table carriers drop column note;\n");
  }

  @Test
  void migrate_blockedByALongTransaction_failsFast_withATypedError_andAppliesNothing() throws Exception {
    String schemaBefore = Fixtures.schemaDump(database);
    List<String> historyBefore = Fixtures.history(database);
    List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CarriersMigrations migrations = guarded()
        .lockTimeout(Duration.ofMillis(300))
        .lockTimeoutRetries(2)
        .retryBackoff(Duration.ofMillis(100))
        .listener(recordingInto(events))
        .listener(new MicrometerMigrationListener(registry))
        .load();

    try (Connection blocker = database.dataSource().getConnection()) {
      holdReadLockOnCarriers(blocker);
      long started = System.nanoTime();

      assertThatThrownBy(migrations::migrate)
          .isInstanceOfSatisfying(MigrationLockTimeoutException.class, e -> {
            assertThat(e.version()).isEqualTo("100");
            assertThat(e.attempts()).isEqualTo(3);
          })
          .hasMessageContaining("migration 100 could not get a lock within its lock_timeout (configured 300 ms;")
          .hasMessageContaining("on 3 attempts")
          .hasMessageContaining("nothing of it is applied");

      // 3 attempts of ~300 ms plus 100 + 200 ms of backoff: seconds, not the blocker's lifetime.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      blocker.rollback();
    }

    assertThat(Fixtures.schemaDump(database)).isEqualTo(schemaBefore);
    assertThat(Fixtures.history(database)).isEqualTo(historyBefore);
    assertThat(events).extracting(MigrationEvent::outcome)
        .containsExactly(MigrationOutcome.RETRYING, MigrationOutcome.RETRYING, MigrationOutcome.FAILED);
    assertThat(events).extracting(MigrationEvent::attempt).containsExactly(1, 2, 3);
    assertThat(events).allSatisfy(event -> {
      assertThat(event.version()).isEqualTo("100");
      assertThat(event.sqlState()).isEqualTo("55P03");
      assertThat(event.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    });
    assertThat(registry.get(MicrometerMigrationListener.TIMER).tag("version", "100").tag("outcome", "failed")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerMigrationListener.TIMER).tag("outcome", "retrying").timer().count())
        .isEqualTo(2);

    // The blocker is gone: the same migration goes through.
    MigrateResult result = migrations.migrate();
    assertThat(result.appliedVersions()).containsExactly("100");
    assertThat(Fixtures.query(database, "select count(*) from information_schema.columns"
        + " where table_name = 'carriers' and column_name = 'note'")).containsExactly("1");
    assertThat(events.get(events.size() - 1).outcome()).isEqualTo(MigrationOutcome.SUCCEEDED);
  }

  @Test
  @Timeout(30) // without the timeouts it would wait for the blocker, which waits for it
  void rollback_blockedByALongTransaction_failsFast_andKeepsTheMigrationApplied() throws Exception {
    CarriersMigrations migrations = guarded().lockTimeout(Duration.ofMillis(300)).load();
    migrations.migrate();
    String before = Fixtures.schemaDump(database);
    try (Connection blocker = database.dataSource().getConnection()) {
      holdReadLockOnCarriers(blocker);
      long started = System.nanoTime();

      assertThatThrownBy(() -> migrations.rollback(1))
          .isInstanceOf(RollbackFailedException.class)
          .hasMessageContaining("lock timeout");

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      blocker.rollback();
    }
    assertThat(Fixtures.schemaDump(database)).isEqualTo(before);
    assertThat(migrations.info().currentVersion()).isEqualTo("100");
  }

  @Test
  @Timeout(30) // without the timeouts it would wait for the blocker, which waits for it
  void dryRun_blockedByALongTransaction_reportsTheLockTimeout_insteadOfWaiting() throws Exception {
    CarriersMigrations migrations = guarded().lockTimeout(Duration.ofMillis(300)).load();
    try (Connection blocker = database.dataSource().getConnection()) {
      holdReadLockOnCarriers(blocker);
      long started = System.nanoTime();

      DryRunReport report = migrations.dryRun();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(report.hasFailure()).isTrue();
      DryRunMigration blocked = report.migrations().get(report.migrations().size() - 1);
      assertThat(blocked.version()).isEqualTo("100");
      assertThat(blocked.outcome()).isEqualTo(DryRunOutcome.FAILED);
      assertThat(blocked.error()).contains("lock timeout");
      blocker.rollback();
    }
  }

  @Test
  void migrate_retriesALockTimeout_andSucceedsWhenTheBlockerEndsDuringTheBackoff() throws Exception {
    List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    CarriersMigrations migrations = guarded()
        .lockTimeout(Duration.ofMillis(200))
        .lockTimeoutRetries(3)
        .retryBackoff(Duration.ofMillis(600))
        .listener(recordingInto(events))
        .load();
    Connection blocker = database.dataSource().getConnection();
    holdReadLockOnCarriers(blocker);
    Thread release = new Thread(() -> {
      try {
        TimeUnit.MILLISECONDS.sleep(400);
        blocker.rollback();
        blocker.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    release.start();

    MigrateResult result = migrations.migrate();
    release.join();

    assertThat(result.appliedVersions()).containsExactly("100");
    assertThat(events).extracting(MigrationEvent::outcome)
        .containsExactly(MigrationOutcome.RETRYING, MigrationOutcome.SUCCEEDED);
    assertThat(events.get(1).attempt()).isEqualTo(2);
    assertThat(Fixtures.query(database, "select success from flyway_schema_history where version = '100'"))
        .containsExactly("t");
  }

  @Test
  void migrate_withAStatementTimeout_cancelsARunawayStatement() throws Exception {
    Files.delete(dir.resolve("migration").resolve(BLOCKED_MIGRATION));
    Files.delete(dir.resolve("rollback").resolve(BLOCKED_MIGRATION));
    Fixtures.addMigration(dir, "V100__backfill_slowly.sql", "select pg_sleep(5);\n", "select 1;\n");
    List<String> historyBefore = Fixtures.history(database);
    CarriersMigrations migrations = guarded().statementTimeout(Duration.ofSeconds(1)).load();

    assertThatThrownBy(migrations::migrate)
        .isInstanceOf(MigrationException.class)
        .isNotInstanceOf(MigrationLockTimeoutException.class)
        .hasMessageContaining("migration 100 ran longer than statement_timeout 1000 ms and was cancelled");
    assertThat(Fixtures.history(database)).isEqualTo(historyBefore);
  }

  @Test
  void migrate_tellsListenersEverySuccess_andAListenerThatThrowsDoesNotFailIt() throws Exception {
    List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CarriersMigrations migrations = guarded()
        .listener(new MigrationListener() {
          @Override
          public void onSuccess(MigrationEvent event) {
            throw new IllegalStateException("a broken listener");
          }
        })
        .listener(recordingInto(events))
        .listener(new MicrometerMigrationListener(registry))
        .load();

    migrations.migrate();

    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.version()).isEqualTo("100");
      assertThat(event.description()).isEqualTo("add carriers note");
      assertThat(event.script()).isEqualTo(BLOCKED_MIGRATION);
      assertThat(event.outcome()).isEqualTo(MigrationOutcome.SUCCEEDED);
      assertThat(event.attempt()).isEqualTo(1);
      assertThat(event.error()).isNull();
    });
    assertThat(registry.get(MicrometerMigrationListener.TIMER).tag("version", "100").tag("outcome", "succeeded")
        .timer().count()).isEqualTo(1);
  }

  @Test
  void configuration_rejectsNonsenseTimeouts() {
    MigrationsConfiguration configuration = CarriersMigrations.configure();
    assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(configuration.statementTimeout()).isZero();
    assertThat(configuration.lockTimeoutRetries()).isEqualTo(3);
    assertThatThrownBy(() -> configuration.lockTimeout(Duration.ZERO))
        .hasMessageContaining("a lock timeout of PT0S makes no sense");
    assertThatThrownBy(() -> configuration.statementTimeout(Duration.ofMillis(10)))
        .hasMessageContaining("makes no sense");
    assertThatThrownBy(() -> configuration.lockTimeoutRetries(-1)).hasMessageContaining("makes no sense");
    assertThatThrownBy(() -> configuration.retryBackoff(Duration.ofSeconds(-1))).hasMessageContaining("makes no sense");
  }

  private MigrationsConfiguration guarded() {
    return Fixtures.fromDirectory(database, dir).globalMetrics(false);
  }

  private static MigrationListener recordingInto(List<MigrationEvent> events) {
    return new MigrationListener() {
      @Override
      public void onSuccess(MigrationEvent event) {
        events.add(event);
      }

      @Override
      public void onFailure(MigrationEvent event) {
        events.add(event);
      }
    };
  }

  /** A long read transaction, as a report or a forgotten session holds: ACCESS SHARE on carriers. */
  private static void holdReadLockOnCarriers(Connection connection) throws Exception {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("select count(*) from carriers").close();
    }
  }

}
