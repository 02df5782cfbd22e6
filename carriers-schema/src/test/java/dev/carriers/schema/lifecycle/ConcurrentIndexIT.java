package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrateResult;
import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationValidationException;
import dev.carriers.schema.monitoring.MigrationEvent;
import dev.carriers.schema.monitoring.MigrationListener;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CREATE INDEX CONCURRENTLY} migrations: they run outside a transaction, do not deadlock with
 * the migrator's own (session-level) lock, let concurrent writes through, and an invalid index left
 * by a failed build is reported with its fix.
 */
class ConcurrentIndexIT {

  private static final String INDEX_MIGRATION = "V100__create_carriers_name_lower_index.sql";

  @TempDir
  Path dir;

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @BeforeEach
  void migratedDatabaseWithRows() throws Exception {
    Fixtures.copyScriptsAndMigrate(database, dir);
    Fixtures.execute(database, "insert into carriers (name, mc_number)"
        + " select 'Carrier ' || i, i::text from generate_series(1, 20000) i");
  }

  @Test
  void createIndexConcurrently_underConcurrentWrites_letsEveryWriteThrough_andEndsValid() throws Exception {
    addLowerNameIndexMigration();
    long started = System.nanoTime();
    BuildUnderWrites run = migrateUnderWrites(database, dir, "100");

    assertThat(run.result().appliedVersions()).containsExactly("100");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(run.writes()).isGreaterThanOrEqualTo(300);
    assertThat(run.writesWhenBuildEnded())
        .as("writes went through while the index was being built")
        .isGreaterThan(run.writesWhenBuildStarted());
    assertThat(Fixtures.query(database, "select i.indisvalid from pg_index i"
        + " where i.indexrelid = 'carriers_name_lower_idx'::regclass")).containsExactly("t");
    assertThat(run.migrations().invalidIndexes()).isEmpty();
    run.migrations().validate();
  }

  @Test
  void theTrigramNameIndex_v7_buildsConcurrentlyUnderWrites_andEndsValid(
      @CarriersDatabase(migrate = false) TestDatabase atV6) throws Exception {
    // A database at V6, with rows, as production was before V7.
    Path scripts = dir.resolve("v6");
    Files.createDirectories(scripts);
    Fixtures.copyScripts(scripts);
    Path v7 = scripts.resolve("migration").resolve("V7__create_carriers_name_trgm_index.sql");
    assertThat(Files.readString(v7)).containsIgnoringCase("create index concurrently");
    Path later = dir.resolve("later");
    Files.createDirectories(later);
    List<Path> held = new ArrayList<>();
    try (var files = Files.list(scripts.resolve("migration"))) {
      for (Path file : files.toList()) {
        if (version(file) >= 7) {
          held.add(Files.move(file, later.resolve(file.getFileName())));
        }
      }
    }
    Fixtures.fromDirectory(atV6, scripts).globalMetrics(false).load().migrate();
    Fixtures.execute(atV6, "insert into carriers (name, mc_number)"
        + " select 'Carrier ' || i, i::text from generate_series(1, 20000) i");
    for (Path file : held) {
      Files.move(file, scripts.resolve("migration").resolve(file.getFileName()));
    }

    BuildUnderWrites run = migrateUnderWrites(atV6, scripts, "7");

    assertThat(run.result().appliedVersions()).startsWith("7");
    assertThat(run.writes()).isGreaterThanOrEqualTo(300);
    assertThat(run.writesWhenBuildEnded()).as("writes went through while V7 built its index")
        .isGreaterThan(run.writesWhenBuildStarted()).isGreaterThanOrEqualTo(0);
    assertThat(Fixtures.query(atV6, "select i.indisvalid from pg_index i"
        + " where i.indexrelid = 'carriers_name_trgm_idx'::regclass")).containsExactly("t");
    assertThat(run.migrations().invalidIndexes()).isEmpty();
  }

  /** V100, a concurrent index build that succeeds: a plain index on {@code lower(name)}. */
  private void addLowerNameIndexMigration() throws IOException {
    Fixtures.addMigration(dir, INDEX_MIGRATION,
        "create index concurrently carriers_name_lower_idx on carriers (lower(name));\n",
        "drop index concurrently if exists carriers_name_lower_idx;\n");
  }

  private static int version(Path script) {
    String name = script.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  /** What a migrate under write load saw: its result, and how many writes went through when. */
  private record BuildUnderWrites(CarriersMigrations migrations, MigrateResult result, int writesWhenBuildStarted,
      int writesWhenBuildEnded, int writes) {
  }

  /**
   * Migrates from the scripts under {@code scripts} while three writers insert and update carriers,
   * noting how many writes had gone through when {@code version} started and when it succeeded;
   * rethrows any write that failed.
   */
  private static BuildUnderWrites migrateUnderWrites(TestDatabase database, Path scripts, String version)
      throws Exception {
    WriteLoad load = WriteLoad.start(database, 3);
    AtomicInteger writesWhenBuildStarted = new AtomicInteger(-1);
    AtomicInteger writesWhenBuildEnded = new AtomicInteger(-1);
    CarriersMigrations migrations = Fixtures.fromDirectory(database, scripts).globalMetrics(false)
        .progress(line -> {
          if (line.startsWith("Applying version " + version + ":")) {
            writesWhenBuildStarted.set(load.writes());
          }
        })
        .listener(new MigrationListener() {
          @Override
          public void onSuccess(MigrationEvent event) {
            if (version.equals(event.version())) {
              writesWhenBuildEnded.set(load.writes());
            }
          }
        })
        .load();
    MigrateResult result;
    try {
      result = migrations.migrate();
    } finally {
      load.stop();
    }
    return new BuildUnderWrites(migrations, result, writesWhenBuildStarted.get(), writesWhenBuildEnded.get(),
        load.writes());
  }

  /** Writers inserting and updating carriers on their own connections until stopped. */
  private static final class WriteLoad {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger writes = new AtomicInteger();
    private final ExecutorService pool;
    private final List<Future<?>> writers = new ArrayList<>();

    private WriteLoad(int threads) {
      pool = Executors.newFixedThreadPool(threads);
    }

    static WriteLoad start(TestDatabase database, int threads) {
      WriteLoad load = new WriteLoad(threads);
      for (int w = 0; w < threads; w++) {
        int writer = w;
        load.writers.add(load.pool.submit(() -> {
          int i = 0;
          try (Connection connection = database.dataSource().getConnection();
              PreparedStatement insert = connection.prepareStatement(
                  "insert into carriers (name, mc_number) values (?, ?)");
              PreparedStatement update = connection.prepareStatement(
                  "update carriers set name = name || '.' where id = ?")) {
            while (load.running.get() || i < 50) {
              insert.setString(1, "Writer " + writer + " row " + i);
              insert.setString(2, String.valueOf(1_000_000 + writer * 100_000 + i));
              insert.executeUpdate();
              update.setLong(1, 1 + (i * 7L + writer) % 20000);
              update.executeUpdate();
              load.writes.addAndGet(2);
              i++;
            }
          }
          return null;
        }));
      }
      return load;
    }

    int writes() {
      return writes.get();
    }

    /** Stops the writers and rethrows the first write that failed. */
    void stop() throws Exception {
      running.set(false);
      pool.shutdown();
      for (Future<?> writer : writers) {
        writer.get();
      }
    }
  }

  @Test
  void aConcurrentBuildBlockedByALongTransaction_timesOut_isNotRetried_andItsInvalidIndexIsReported()
      throws Exception {
    addLowerNameIndexMigration();
    CarriersMigrations migrations = Fixtures.fromDirectory(database, dir).globalMetrics(false)
        .lockTimeout(Duration.ofMillis(300)).lockTimeoutRetries(3).retryBackoff(Duration.ofMillis(10)).load();

    try (Connection blocker = database.dataSource().getConnection()) {
      // An open transaction with a snapshot: the concurrent build must wait for it to end.
      blocker.setAutoCommit(false);
      try (var statement = blocker.createStatement()) {
        statement.executeQuery("select count(*) from carriers").close();
      }
      assertThatThrownBy(migrations::migrate)
          .isInstanceOfSatisfying(MigrationLockTimeoutException.class,
              e -> assertThat(e.attempts()).as("no retry after a failed non-transactional run").isEqualTo(1))
          .hasMessageContaining("it ran outside a transaction and is recorded as failed");
      blocker.rollback();
    }

    assertThat(migrations.invalidIndexes()).extracting(InvalidIndex::name).containsExactly("carriers_name_lower_idx");
  }

  @Test
  void aFailedConcurrentBuild_leavesAnInvalidIndex_reportedByValidate_withTheFix() throws Exception {
    // Duplicate names make the unique build fail after the index was created: it stays INVALID.
    Fixtures.execute(database, "insert into carriers (name, mc_number) values ('Carrier 1', '99999999')");
    Fixtures.addMigration(dir, INDEX_MIGRATION,
        "create unique index concurrently carriers_name_unique_idx on carriers (name);\n",
        "drop index concurrently if exists carriers_name_unique_idx;\n");
    CarriersMigrations migrations = Fixtures.fromDirectory(database, dir).globalMetrics(false).load();

    assertThatThrownBy(migrations::migrate).isInstanceOf(MigrationException.class);

    assertThat(migrations.invalidIndexes()).singleElement().satisfies(index -> {
      assertThat(index.schema()).isEqualTo("public");
      assertThat(index.name()).isEqualTo("carriers_name_unique_idx");
      assertThat(index.table()).isEqualTo("carriers");
      assertThat(index.definition()).contains("CREATE UNIQUE INDEX carriers_name_unique_idx");
      assertThat(index.fix()).startsWith("DROP INDEX CONCURRENTLY \"public\".\"carriers_name_unique_idx\"");
    });
    assertThatThrownBy(migrations::validate)
        .isInstanceOfSatisfying(MigrationValidationException.class, e -> assertThat(e.problems())
            .anySatisfy(problem -> assertThat(problem)
                .startsWith("invalid index \"public\".\"carriers_name_unique_idx\" on \"public\".\"carriers\"")
                .contains("DROP INDEX CONCURRENTLY")));

    // Outside a transaction nothing was rolled back: Flyway recorded the attempt as failed.
    assertThat(Fixtures.query(database, "select success from flyway_schema_history where version = '100'"))
        .containsExactly("f");

    // The documented repair: drop the invalid index without blocking writes, remove the failed
    // history row, fix the cause, migrate again.
    Fixtures.execute(database, "drop index concurrently \"public\".\"carriers_name_unique_idx\"");
    Fixtures.execute(database, "delete from flyway_schema_history where version = '100' and not success");
    Fixtures.execute(database, "delete from carriers where mc_number = '99999999'");
    assertThat(migrations.invalidIndexes()).isEmpty();
    assertThat(migrations.migrate().appliedVersions()).containsExactly("100");
    assertThat(migrations.invalidIndexes()).isEmpty();
    migrations.validate();
  }

}
