package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.internal.ScriptCatalog;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry-run reports every pending migration and leaves the database provably unchanged. */
class DryRunIT {

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @Test
  void dryRun_onAnEmptyDatabase_reportsEveryMigration_andChangesNothing() throws Exception {
    String dump = Fixtures.schemaDump(database);
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();

    DryRunReport report = migrations.dryRun();

    List<ScriptCatalog.Script> scripts = Fixtures.migrations();
    assertThat(report.currentVersion()).isNull();
    assertThat(report.hasFailure()).isFalse();
    assertThat(report.migrations()).extracting(DryRunMigration::version)
        .containsExactlyElementsOf(scripts.stream().map(ScriptCatalog.Script::versionText).toList());
    assertThat(report.migrations()).extracting(DryRunMigration::sql)
        .containsExactlyElementsOf(scripts.stream().map(ScriptCatalog.Script::read).toList());
    assertThat(report.migrations()).allSatisfy(migration -> {
      assertThat(migration.outcome()).isIn(DryRunOutcome.SUCCEEDED, DryRunOutcome.NOT_TRANSACTIONAL);
      assertThat(migration.durationMillis()).isNotNegative();
    });
    DryRunMigration v1 = report.migrations().get(0);
    assertThat(v1.locks()).contains(new LockTaken("public.carriers", "AccessExclusiveLock"));
    // A lock the run already holds is listed under the migration that first took it.
    assertThat(report.migrations().subList(1, report.migrations().size()))
        .allSatisfy(later -> assertThat(later.locks()).doesNotContain(v1.locks().toArray(LockTaken[]::new)));

    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
    assertThat(Fixtures.history(database)).isEmpty();
    assertThat(Fixtures.query(database, "select count(*) from pg_namespace where nspname = 'carriers_audit'"))
        .as("a dry-run writes no audit record: it changes nothing").containsExactly("0");
  }

  @Test
  void dryRun_reportsTheLocksOfTheFirstPendingMigration() throws Exception {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    migrations.migrate();
    migrations.rollbackTo("1");
    String dump = Fixtures.schemaDump(database);

    DryRunReport report = migrations.dryRun();

    assertThat(report.currentVersion()).isEqualTo("1");
    DryRunMigration v2 = report.migrations().get(0);
    assertThat(v2.version()).isEqualTo("2");
    assertThat(v2.locks()).containsExactly(new LockTaken("public.carriers", "AccessExclusiveLock"));
    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
  }

  @Test
  void dryRun_ofLaterMigrations_onADatabaseWithRows_reportsTheirLocks(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Fixtures.addMigration(dir, "V900__add_carriers_email.sql",
        "set local lock_timeout = '5s';\nalter table carriers add column email text;", null);
    Fixtures.addMigration(dir, "V901__index_carriers_email.sql",
        "create index concurrently carriers_email_idx on carriers (email);", null);
    Fixtures.addMigration(dir, "V902__count_carriers.sql",
        "create table carrier_counts as select count(*) as n from carriers;", null);
    CarriersMigrations current = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    current.migrate();
    Fixtures.execute(database, "insert into carriers (name, mc_number) values ('Acme', '123')");
    String dump = Fixtures.schemaDump(database);
    List<String> history = Fixtures.history(database);

    DryRunReport report = Fixtures.fromDirectory(database, dir).load().dryRun();

    assertThat(report.currentVersion()).isEqualTo(current.info().currentVersion());
    assertThat(report.migrations()).extracting(DryRunMigration::version).containsExactly("900", "901", "902");
    DryRunMigration addColumn = report.migrations().get(0);
    assertThat(addColumn.outcome()).isEqualTo(DryRunOutcome.SUCCEEDED);
    assertThat(addColumn.locks()).containsExactly(new LockTaken("public.carriers", "AccessExclusiveLock"));
    DryRunMigration index = report.migrations().get(1);
    assertThat(index.outcome()).isEqualTo(DryRunOutcome.NOT_TRANSACTIONAL);
    assertThat(index.error()).contains("cannot run inside a transaction").contains("concurrently");
    assertThat(report.migrations().get(2).outcome()).isEqualTo(DryRunOutcome.SUCCEEDED);
    assertThat(report.migrations().get(2).locks()).contains(new LockTaken("public.carrier_counts", "AccessExclusiveLock"));

    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
    assertThat(Fixtures.history(database)).isEqualTo(history);
  }

  @Test
  void dryRun_reportsAFailingMigration_andSkipsTheRest(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Fixtures.addMigration(dir, "V900__create_notes.sql", "create table notes (id int);", null);
    Fixtures.addMigration(dir, "V901__break.sql", "alter table no_such_table add column x int;", null);
    Fixtures.addMigration(dir, "V902__after.sql", "create table after_break (id int);", null);
    CarriersMigrations.configure().dataSource(database.dataSource()).load().migrate();
    String dump = Fixtures.schemaDump(database);

    DryRunReport report = Fixtures.fromDirectory(database, dir).load().dryRun();

    assertThat(report.hasFailure()).isTrue();
    assertThat(report.migrations()).extracting(DryRunMigration::outcome)
        .containsExactly(DryRunOutcome.SUCCEEDED, DryRunOutcome.FAILED, DryRunOutcome.SKIPPED);
    assertThat(report.migrations().get(1).error()).contains("no_such_table");
    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
  }
}
