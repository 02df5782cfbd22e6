package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.internal.SchemaLock;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback's refusals change nothing; its failures roll back; it serializes with migrate. */
class RollbackIT {

  @CarriersDatabase(migrate = false) private TestDatabase database;
  private CarriersMigrations migrations;

  @BeforeEach
  void migrateTheDatabase() {
    migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    migrations.migrate();
  }

  @Test
  void rollbackTo_undoesEverythingAbove_andMigrateAppliesItAgain() throws Exception {
    String head = migrations.info().currentVersion();

    RollbackResult result = migrations.rollbackTo("1");

    assertThat(result.initialVersion()).isEqualTo(head);
    assertThat(result.currentVersion()).isEqualTo("1");
    assertThat(result.rolledBackVersions()).first().isEqualTo(head);
    assertThat(result.rolledBackVersions()).last().isEqualTo("2");
    assertThat(migrations.info().currentVersion()).isEqualTo("1");
    assertThat(Fixtures.query(database, "select count(*) from flyway_schema_history")).containsExactly("1");
    assertThat(migrations.migrate().appliedVersions()).first().isEqualTo("2");
    assertThat(migrations.info().isUpToDate()).isTrue();
  }

  @Test
  void rollbackTo_zero_undoesEverything() throws Exception {
    RollbackResult result = migrations.rollbackTo("0");
    assertThat(result.currentVersion()).isNull();
    assertThat(Fixtures.query(database, "select to_regclass('carriers') is null")).containsExactly("t");
    assertThat(Fixtures.query(database, "select count(*) from flyway_schema_history")).containsExactly("0");
  }

  @Test
  void rollbackTo_currentVersion_isANoOp() throws Exception {
    String dump = Fixtures.schemaDump(database);
    RollbackResult result = migrations.rollbackTo(migrations.info().currentVersion());
    assertThat(result.rolledBackVersions()).isEmpty();
    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
  }

  @Test
  void refusals_changeNothing() throws Exception {
    String dump = Fixtures.schemaDump(database);
    List<String> history = Fixtures.history(database);

    assertThatThrownBy(() -> migrations.rollbackTo("999"))
        .isInstanceOf(UnknownTargetVersionException.class)
        .hasMessageContaining("target version 999 is not applied");
    assertThatThrownBy(() -> migrations.rollbackTo("two"))
        .isInstanceOf(UnknownTargetVersionException.class).hasMessageContaining("is not a version");
    assertThatThrownBy(() -> migrations.rollback(99))
        .isInstanceOf(UnknownTargetVersionException.class).hasMessageContaining("99 steps asked");
    assertThatThrownBy(() -> migrations.rollback(0))
        .isInstanceOf(UnknownTargetVersionException.class).hasMessageContaining("makes no sense");

    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
    assertThat(Fixtures.history(database)).isEqualTo(history);
  }

  @Test
  void refused_whenAReverseScriptIsMissing_beforeUndoingAnything(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Files.delete(dir.resolve("rollback/V2__add_carrier_status_enum.sql"));
    CarriersMigrations fromDir = Fixtures.fromDirectory(database, dir).load();
    String dump = Fixtures.schemaDump(database);

    assertThatThrownBy(() -> fromDir.rollbackTo("1"))
        .isInstanceOf(MissingReverseScriptException.class)
        .hasMessageContaining("V2__add_carrier_status_enum.sql")
        .satisfies(e -> assertThat(((MissingReverseScriptException) e).scripts())
            .containsExactly("V2__add_carrier_status_enum.sql"));
    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
    assertThatThrownBy(fromDir::validate).hasMessageContaining("V2__add_carrier_status_enum.sql: no reverse script");
  }

  @Test
  void refused_whenTheDatabaseHasMigrationsThisBuildDoesNotKnow(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Fixtures.addMigration(dir, "V900__create_notes.sql", "create table notes (id int);", "drop table notes;");
    Fixtures.fromDirectory(database, dir).load().migrate();
    String dump = Fixtures.schemaDump(database);

    assertThatThrownBy(() -> migrations.rollback(1))
        .isInstanceOf(UnknownAppliedMigrationException.class)
        .hasMessageContaining("does not know: version 900")
        .satisfies(e -> assertThat(((UnknownAppliedMigrationException) e).versions()).containsExactly("900"));
    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
  }

  @Test
  void refused_whenAnAppliedScriptWasEdited(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Path head = Files.list(dir.resolve("migration")).sorted().reduce((a, b) -> b).orElseThrow();
    CarriersMigrations fromDir = Fixtures.fromDirectory(database, dir).load();
    Path v2 = dir.resolve("migration/V2__add_carrier_status_enum.sql");
    Files.writeString(v2, Files.readString(v2) + "\n-- edited\n");
    assertThat(head).exists();

    assertThatThrownBy(() -> fromDir.rollbackTo("1"))
        .isInstanceOf(RollbackRefusedException.class).hasMessageContaining("checksum mismatch");
  }

  @Test
  void failingReverseScript_rollsBackItsOwnTransaction_keepsEarlierUndone(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Fixtures.addMigration(dir, "V900__create_notes.sql", "create table notes (id int);", "drop table notes;");
    Fixtures.addMigration(dir, "V901__add_notes_text.sql", "alter table notes add column text text;",
        "alter table notes drop column text;\nselect 1 / 0;");
    CarriersMigrations fromDir = Fixtures.fromDirectory(database, dir).load();
    fromDir.migrate();

    assertThatThrownBy(() -> fromDir.rollback(2))
        .isInstanceOf(RollbackFailedException.class)
        .hasMessageContaining("rollback of version 901 failed")
        .hasMessageContaining("division by zero")
        .satisfies(e -> assertThat(((RollbackFailedException) e).failedVersion()).isEqualTo("901"));
    assertThat(Fixtures.query(database, "select count(*) from information_schema.columns"
        + " where table_name = 'notes' and column_name = 'text'")).containsExactly("1");
    assertThat(fromDir.info().currentVersion()).isEqualTo("901");
  }

  @Test
  void reverseScriptWithConcurrently_runsOutsideATransaction(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Fixtures.addMigration(dir, "V900__index_carriers_name.sql",
        "create index concurrently carriers_name_idx on carriers (name);",
        "drop index concurrently if exists carriers_name_idx;");
    CarriersMigrations fromDir = Fixtures.fromDirectory(database, dir).load();
    fromDir.migrate();
    assertThat(Fixtures.query(database, "select to_regclass('carriers_name_idx') is not null")).containsExactly("t");

    assertThat(fromDir.rollback(1).rolledBackVersions()).containsExactly("900");

    assertThat(Fixtures.query(database, "select to_regclass('carriers_name_idx') is null")).containsExactly("t");
    assertThat(fromDir.migrate().appliedVersions()).containsExactly("900");
  }

  @Test
  void rollbackAndMigrate_takeTheSameLock() throws Exception {
    migrations.rollbackTo("1");
    try (Connection holder = database.dataSource().getConnection();
        Statement statement = holder.createStatement()) {
      statement.execute("select pg_advisory_lock(" + SchemaLock.key("public", "flyway_schema_history") + ")");
      CompletableFuture<?> migrate = CompletableFuture.runAsync(migrations::migrate);
      Thread.sleep(2500);
      assertThat(migrate).as("migrate waits for the schema lock").isNotDone();
      assertThat(Fixtures.query(database, "select count(*) from flyway_schema_history")).containsExactly("1");

      CarriersMigrations impatient = CarriersMigrations.configure().dataSource(database.dataSource())
          .lockWait(Duration.ofSeconds(1)).load();
      assertThatThrownBy(() -> impatient.rollback(1)).isInstanceOf(SchemaLockTimeoutException.class)
          .hasMessageContaining("rollback refused: another migrate");

      statement.execute("select pg_advisory_unlock_all()");
      migrate.get(60, TimeUnit.SECONDS);
    }
    assertThat(migrations.info().isUpToDate()).isTrue();
  }
}
