package dev.carriers.seed;

import static dev.carriers.seed.Databases.count;
import static dev.carriers.seed.Databases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.testing.CarriersDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CarriersSeederIT {

  /** A fresh migrated database per test. */
  @CarriersDatabase private DataSource dataSource;

  private SeederConfiguration seeder() {
    return CarriersSeeder.configure().dataSource(dataSource).appliedBy("seed-it");
  }

  private static SeedRow row(String key, String name, String mc, CarrierStatus status) {
    return new SeedRow(key, name, mc, status);
  }

  private static Dataset dev(int version, SeedRow... rows) {
    return Dataset.of(Environment.DEVELOPMENT, version, List.of(rows));
  }

  private static Dataset prod(int version, SeedRow... rows) {
    return Dataset.of(Environment.PRODUCTION, version, List.of(rows));
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void eachBundledDataset_loadsIntoAFreshDatabase_exactly_andIsRecorded(Environment environment) {
    Dataset dataset = Dataset.bundled(environment);

    SeedReport report = seeder().environment(environment).load().seed();

    assertThat(report.inserted()).isEqualTo(dataset.size());
    assertThat(report.updated() + report.unchanged() + report.deleted() + report.kept()).isZero();
    assertThat(report.alreadyApplied()).isFalse();
    assertThat(report.version()).isEqualTo(dataset.version());
    assertThat(report.checksum()).isEqualTo(dataset.checksum());
    Map<String, SeedRow> stored = Databases.seeded(dataSource, environment);
    assertThat(stored.values()).containsExactlyInAnyOrderElementsOf(dataset.rows());
    assertThat(count(dataSource, "carriers")).isEqualTo(dataset.size());
    // What the database holds passes the same validation again.
    List<SeedRow> reread = new ArrayList<>(stored.values());
    assertThat(Dataset.of(environment, 1, reread).size()).isEqualTo(dataset.size());
    Databases.query(dataSource, "select environment, version, checksum, applied_by, database_user, rows_inserted,"
        + " rows_updated, rows_unchanged, applied_at is not null from seed_history", r -> {
          assertThat(r.getString(1)).isEqualTo(environment.id());
          assertThat(r.getInt(2)).isEqualTo(dataset.version());
          assertThat(r.getString(3)).isEqualTo(dataset.checksum());
          assertThat(r.getString(4)).isEqualTo("seed-it");
          assertThat(r.getString(5)).isEqualTo("postgres");
          assertThat(r.getInt(6)).isEqualTo(dataset.size());
          assertThat(r.getInt(7) + r.getInt(8)).isZero();
          assertThat(r.getBoolean(9)).isTrue();
        });
  }

  @Test
  void seedingTwice_changesNoRow_andSaysSo() {
    CarriersSeeder seeder = seeder().environment(Environment.TESTING).load();
    seeder.seed();
    Map<Long, Long> before = Databases.versions(dataSource);

    SeedReport again = seeder.seed();

    assertThat(again.changed()).isZero();
    assertThat(again.unchanged()).isEqualTo(Dataset.bundled(Environment.TESTING).size());
    assertThat(again.alreadyApplied()).isTrue();
    assertThat(again.summary()).contains("already applied: 0 rows changed");
    assertThat(Databases.versions(dataSource)).isEqualTo(before);
    assertThat(count(dataSource, "seed_history")).isEqualTo(2);
  }

  @Test
  void changedContentUnderTheSameVersion_isRefusedAsDrift_andChangesNothing() {
    seeder().dataset(dev(1, row("a", "Alpha", "1", CarrierStatus.ACTIVE))).load().seed();
    Dataset drifted = dev(1, row("a", "Alpha Renamed", "1", CarrierStatus.ACTIVE));

    assertThatThrownBy(() -> seeder().dataset(drifted).load().seed())
        .isInstanceOfSatisfying(SeedDriftException.class, e -> assertThat(e.datasetChecksum())
            .isEqualTo(drifted.checksum()))
        .hasMessageContaining("version 1 was applied with checksum");
    assertThat(Databases.carriers(dataSource)).extracting(Databases.Stored::name).containsExactly("Alpha");
    assertThat(count(dataSource, "seed_history")).isEqualTo(1);
  }

  @Test
  void anOlderVersion_isRefused() {
    seeder().dataset(dev(2, row("a", "Alpha", "1", CarrierStatus.ACTIVE))).load().seed();
    assertThatThrownBy(() -> seeder().dataset(dev(1, row("a", "Alpha", "1", CarrierStatus.ACTIVE))).load().seed())
        .isInstanceOf(SeedVersionException.class)
        .hasMessageContaining("version 1 is older than version 2");
  }

  @Test
  void aNewVersion_appliesOnlyItsDifference() {
    seeder().dataset(dev(1,
        row("a", "Alpha", "1", CarrierStatus.ACTIVE),
        row("b", "Bravo", "2", CarrierStatus.ACTIVE),
        row("c", "Charlie", null, CarrierStatus.ACTIVE),
        row("d", "Delta", null, CarrierStatus.INACTIVE),
        row("e", "Echo", "5", CarrierStatus.ACTIVE))).load().seed();
    Map<Long, Long> before = Databases.versions(dataSource);
    Map<String, Long> ids = new java.util.HashMap<>();
    Databases.query(dataSource, "select seed_key, carrier_id from seeded_carrier_keys", r -> ids.put(r.getString(1), r.getLong(2)));

    SeedReport report = seeder().dataset(dev(2,
        row("a", "Alpha", "1", CarrierStatus.ACTIVE),
        row("b", "Bravo Renamed", "2", CarrierStatus.OUT_OF_SERVICE),
        row("c", "Charlie", "3", CarrierStatus.ACTIVE),          // gains an MC number
        row("e", "Echo", "5", CarrierStatus.ACTIVE),
        row("f", "Foxtrot", null, CarrierStatus.ACTIVE))).load().seed();   // d dropped, f new

    assertThat(report).extracting(SeedReport::inserted, SeedReport::updated, SeedReport::unchanged,
        SeedReport::deleted, SeedReport::kept).containsExactly(1, 2, 2, 1, 0);
    Map<Long, Long> after = Databases.versions(dataSource);
    assertThat(after.get(ids.get("a"))).isEqualTo(before.get(ids.get("a")));
    assertThat(after.get(ids.get("e"))).isEqualTo(before.get(ids.get("e")));
    assertThat(after).doesNotContainKey(ids.get("d"));
    assertThat(Databases.seeded(dataSource, Environment.DEVELOPMENT).values()).containsExactlyInAnyOrder(
        row("a", "Alpha", "1", CarrierStatus.ACTIVE),
        row("b", "Bravo Renamed", "2", CarrierStatus.OUT_OF_SERVICE),
        row("c", "Charlie", "3", CarrierStatus.ACTIVE),
        row("e", "Echo", "5", CarrierStatus.ACTIVE),
        row("f", "Foxtrot", null, CarrierStatus.ACTIVE));
    // The same carrier rows: updated in place, not replaced.
    assertThat(Databases.seeded(dataSource, Environment.DEVELOPMENT)).containsKey("b");
    Databases.query(dataSource, "select carrier_id from seeded_carrier_keys where seed_key = 'b'",
        r -> assertThat(r.getLong(1)).isEqualTo(ids.get("b")));
  }

  @Test
  void anMcNumberMovedFromADroppedRowToANewOne_isFreeInTime() {
    seeder().dataset(dev(1, row("old", "Old Name Co", "42", CarrierStatus.ACTIVE))).load().seed();
    SeedReport report = seeder().dataset(dev(2, row("new", "New Name Co", "42", CarrierStatus.ACTIVE))).load().seed();
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(Databases.carriers(dataSource)).extracting(Databases.Stored::name).containsExactly("New Name Co");
  }

  @Test
  void production_neverDeletes_neverOverwritesAUsersChange_norBringsBackAUsersDelete() {
    seeder().dataset(prod(1,
        row("keep", "Keep Me", "10", CarrierStatus.ACTIVE),
        row("edited", "Edit Me", "11", CarrierStatus.ACTIVE),
        row("deleted", "Delete Me", "12", CarrierStatus.ACTIVE),
        row("dropped", "Dropped In V2", "13", CarrierStatus.ACTIVE),
        row("changed", "Changed In V2", "14", CarrierStatus.ACTIVE))).load().seed();
    execute(dataSource, "update carriers set name = 'Edited By A User' where mc_number = '11'");
    execute(dataSource, "delete from carriers where mc_number = '12'");

    SeedReport report = seeder().dataset(prod(2,
        row("keep", "Keep Me", "10", CarrierStatus.ACTIVE),
        row("edited", "Edit Me Upstream", "11", CarrierStatus.INACTIVE),
        row("deleted", "Delete Me", "12", CarrierStatus.ACTIVE),
        row("changed", "Changed In V2 (new name)", "14", CarrierStatus.ACTIVE))).load().seed();

    assertThat(report).extracting(SeedReport::inserted, SeedReport::updated, SeedReport::unchanged,
        SeedReport::deleted, SeedReport::kept).containsExactly(0, 1, 1, 0, 3);
    assertThat(Databases.carriers(dataSource)).extracting(Databases.Stored::name).containsExactlyInAnyOrder(
        "Keep Me", "Edited By A User", "Dropped In V2", "Changed In V2 (new name)");
    Databases.query(dataSource, "select rows_kept, rows_deleted from seed_history where version = 2", r -> {
      assertThat(r.getInt(1)).isEqualTo(3);
      assertThat(r.getInt(2)).isZero();
    });
  }

  @Test
  void aNewRowWhoseMcNumberAUserAlreadyHas_leavesTheUsersRowAlone() {
    execute(dataSource, "insert into carriers (name, mc_number) values ('User Entered', '77')");
    SeedReport report = seeder().dataset(dev(1,
        row("a", "Seeded Alpha", "77", CarrierStatus.ACTIVE),
        row("b", "Seeded Bravo", "78", CarrierStatus.ACTIVE))).load().seed();
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.kept()).isEqualTo(1);
    assertThat(Databases.carriers(dataSource)).extracting(Databases.Stored::name)
        .containsExactly("User Entered", "Seeded Bravo");
  }

  @Test
  void aProductionDatabase_refusesDevelopmentAndTesting_unlessForced() {
    CarriersSeeder plain = seeder().environment(Environment.TESTING).load();
    assertThat(plain.isProductionDatabase()).isFalse();
    plain.markProductionDatabase(true);
    assertThat(plain.isProductionDatabase()).isTrue();

    assertThatThrownBy(plain::seed).isInstanceOf(ProductionDatabaseException.class)
        .hasMessageContaining("marked as production");
    assertThatThrownBy(() -> seeder().environment(Environment.DEVELOPMENT).load().seed())
        .isInstanceOf(ProductionDatabaseException.class);
    assertThat(count(dataSource, "carriers")).isZero();
    assertThat(count(dataSource, "seed_history")).isZero();

    assertThat(seeder().environment(Environment.PRODUCTION).load().seed().inserted()).isPositive();
    SeedReport forced = seeder().environment(Environment.TESTING).force(true).load().seed();
    assertThat(forced.forced()).isTrue();
    assertThat(forced.inserted()).isEqualTo(Dataset.bundled(Environment.TESTING).size());
    Databases.query(dataSource, "select forced from seed_history where environment = 'testing'",
        r -> assertThat(r.getBoolean(1)).isTrue());
  }

  @Test
  void aDatasetWithOneBadRow_loadsNothing_andNamesTheRow() {
    String csv = "key,name,mc_number,status\na,Fine,1,ACTIVE\nb,Also Fine,2,ACTIVE\nc,Bad,MC-X1,ACTIVE\n";
    assertThatThrownBy(() -> seeder().dataset(Dataset.read(Environment.DEVELOPMENT, 1, "one-bad.csv",
        new java.io.StringReader(csv))).load().seed())
        .isInstanceOfSatisfying(SeedValidationException.class, e -> assertThat(e.errors())
            .containsExactly(new SeedRowError("one-bad.csv", 4, "mc_number",
                "must be an MC number of 1 to 8 digits, such as MC-123456 or 123456")));
    assertThat(count(dataSource, "carriers")).isZero();
  }

  @Test
  void aConstraintFailureMidRun_rollsBackEverythingTheRunDid() {
    seeder().dataset(dev(1,
        row("a", "Alpha", "1", CarrierStatus.ACTIVE),
        row("b", "Bravo", "2", CarrierStatus.ACTIVE))).load().seed();
    execute(dataSource, "insert into carriers (name, mc_number) values ('User Entered', '99')");
    List<Databases.Stored> before = Databases.carriers(dataSource);

    // v2 deletes a, inserts c, and then moves b onto the MC number a user's carrier holds.
    Dataset clash = dev(2, row("b", "Bravo", "99", CarrierStatus.ACTIVE), row("c", "Charlie", "3", CarrierStatus.ACTIVE));
    assertThatThrownBy(() -> seeder().dataset(clash).load().seed())
        .isInstanceOfSatisfying(SeedFailedException.class, e -> {
          assertThat(e.isConstraintViolation()).isTrue();
          assertThat(e.sqlState()).isEqualTo("23505");
        })
        .hasMessageContaining("carriers_mc_number_key")
        .hasMessageContaining("nothing was written");

    assertThat(Databases.carriers(dataSource)).isEqualTo(before);
    assertThat(count(dataSource, "seed_history")).isEqualTo(1);
    assertThat(count(dataSource, "seeded_carrier_keys")).isEqualTo(2);
    assertThat(count(dataSource, "seed_batches")).as("v1's bulk-load batch, not yet expanded").isEqualTo(1);
  }

  @Test
  void aKilledConnectionMidLoad_leavesTheDatabaseAsItWas() throws Exception {
    try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      // Lets the run read the history and COPY every carrier, then makes it wait to record itself.
      statement.execute("lock table seed_history in share mode");
      CompletableFuture<SeedReport> run = CompletableFuture.supplyAsync(
          () -> seeder().environment(Environment.DEVELOPMENT).load().seed());

      int pid = waitForBlockedBackend(statement, run);
      try (ResultSet uncommitted = statement.executeQuery("select count(*) from carriers")) {
        uncommitted.next();
        assertThat(uncommitted.getLong(1)).isZero();
      }
      statement.execute("select pg_terminate_backend(" + pid + ")");
      blocker.rollback();

      assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(SeedFailedException.class, e -> assertThat(e.isConnectionLost()).isTrue());
    }
    assertThat(count(dataSource, "carriers")).isZero();
    assertThat(count(dataSource, "seeded_carrier_keys")).isZero();
    assertThat(count(dataSource, "seed_history")).isZero();
    // And the next run loads everything.
    assertThat(seeder().environment(Environment.DEVELOPMENT).load().seed().inserted())
        .isEqualTo(Dataset.bundled(Environment.DEVELOPMENT).size());
  }

  private static int waitForBlockedBackend(Statement statement, CompletableFuture<?> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      assertThat(run).as("the run should block on seed_history").isNotDone();
      // Inside a transaction, pg_stat_activity is a snapshot taken at first use: drop it each time.
      statement.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rows = statement.executeQuery("select pid from pg_stat_activity"
          + " where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'"
          + " and query like 'insert into seed_history%'")) {
        if (rows.next()) {
          return rows.getInt(1);
        }
      }
      Thread.sleep(20);
    }
    StringBuilder activity = new StringBuilder();
    try (ResultSet rows = statement.executeQuery("select pid, state, wait_event_type, wait_event, left(query, 80)"
        + " from pg_stat_activity where datname = current_database()")) {
      while (rows.next()) {
        activity.append(rows.getInt(1)).append(' ').append(rows.getString(2)).append(' ').append(rows.getString(3))
            .append(' ').append(rows.getString(4)).append(' ').append(rows.getString(5)).append('\n');
      }
    }
    throw new AssertionError("the seed run never reached the seed_history insert:\n" + activity);
  }

  @Test
  void twoRunsAtOnce_takeTurns_andTheSecondChangesNothing() throws Exception {
    CarriersSeeder seeder = seeder().environment(Environment.DEVELOPMENT).load();
    // Two threads of our own: the common pool may have a single worker on a small machine.
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<SeedReport> reports;
    try {
      var first = threads.submit(seeder::seed);
      var second = threads.submit(seeder::seed);
      reports = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }

    int size = Dataset.bundled(Environment.DEVELOPMENT).size();
    assertThat(reports).extracting(SeedReport::inserted).containsExactlyInAnyOrder(size, 0);
    assertThat(reports).extracting(SeedReport::unchanged).containsExactlyInAnyOrder(0, size);
    assertThat(count(dataSource, "carriers")).isEqualTo(size);
  }

  @Test
  void configuration_rejectsBadValuesAtOnce() {
    assertThatThrownBy(() -> CarriersSeeder.configure().load()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no data source");
    assertThatThrownBy(() -> CarriersSeeder.configure().appliedBy(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dev(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 0");
  }

  @Test
  void anUnmigratedDatabase_failsWithATypedError(@CarriersDatabase(migrate = false) DataSource empty) {
    assertThatThrownBy(() -> CarriersSeeder.configure().dataSource(empty).load().seed())
        .isInstanceOfSatisfying(SeedFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("42P01"))
        .hasMessageContaining("migrate the database first");
  }

  @Test
  void aDatabaseWithoutTheMarkerTable_isNotProduction(@CarriersDatabase(migrate = false) DataSource empty) {
    assertThat(CarriersSeeder.configure().dataSource(empty).load().isProductionDatabase()).isFalse();
  }
}
