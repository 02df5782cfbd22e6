package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrateResult;
import dev.carriers.schema.MigrationException;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every schema-change attempt is in the audit table, a failed one too, outside its transaction. */
class AuditIT {

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @Test
  void migrateAndRollback_areRecordedWithWhoWhatWhenAndOutcome() {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    String head = migrations.migrate().targetVersion();
    migrations.rollback(1);
    assertThatThrownBy(() -> migrations.rollbackTo("999")).isInstanceOf(UnknownTargetVersionException.class);

    List<AuditEntry> trail = migrations.auditTrail(10);

    assertThat(trail).extracting(AuditEntry::command).containsExactly("rollback", "rollback", "migrate");
    AuditEntry refused = trail.get(0);
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refused.arguments()).isEqualTo("to=999");
    assertThat(refused.error()).contains("target version 999 is not applied");
    AuditEntry rollback = trail.get(1);
    assertThat(rollback.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(rollback.fromVersion()).isEqualTo(head);
    assertThat(rollback.versions()).isEqualTo(head);
    AuditEntry migrate = trail.get(2);
    assertThat(migrate.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(migrate.fromVersion()).isNull();
    assertThat(migrate.toVersion()).isEqualTo(head);
    assertThat(migrate.versions()).startsWith("1,2,");
    assertThat(migrate.databaseUser()).isEqualTo(database.server().user());
    assertThat(migrate.osUser()).isEqualTo(System.getProperty("user.name"));
    assertThat(migrate.host()).isNotBlank();
    assertThat(migrate.durationMillis()).isNotNull().isNotNegative();
    assertThat(migrate.startedAt()).isBefore(rollback.startedAt());
    assertThat(migrate.error()).isNull();
  }

  @Test
  void aMigrationFailingMidway_leavesSchemaAndHistoryUnchanged_andIsAudited(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    CarriersMigrations migrations = Fixtures.fromDirectory(database, dir).load();
    String head = migrations.migrate().targetVersion();
    Fixtures.execute(database, "insert into carriers (name) values ('Acme')");
    Fixtures.addMigration(dir, "V900__create_notes.sql",
        "create table notes (id int);\ninsert into notes values (1);\nalter table carriers add column note text;\n"
            + "select 1 / 0;\n", "drop table notes;");
    String dump = Fixtures.schemaDump(database);
    List<String> history = Fixtures.history(database);

    assertThatThrownBy(migrations::migrate).isInstanceOf(MigrationException.class)
        .hasMessageContaining("division by zero");

    assertThat(Fixtures.schemaDump(database)).isEqualTo(dump);
    assertThat(Fixtures.history(database)).isEqualTo(history);
    assertThat(Fixtures.query(database, "select name from carriers")).containsExactly("Acme");
    AuditEntry failed = migrations.auditTrail(1).get(0);
    assertThat(failed.command()).isEqualTo("migrate");
    assertThat(failed.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(failed.fromVersion()).isEqualTo(head);
    assertThat(failed.toVersion()).isEqualTo(head);
    assertThat(failed.error()).contains("V900__create_notes.sql").contains("division by zero");
  }

  @Test
  void aFailingFirstMigration_isAuditedToo(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("migration"));
    Files.createDirectories(dir.resolve("rollback"));
    Fixtures.addMigration(dir, "V1__create_things.sql", "create table things (id int);\nselect nope;",
        "drop table things;");
    CarriersMigrations migrations = Fixtures.fromDirectory(database, dir).load();

    assertThatThrownBy(migrations::migrate).isInstanceOf(MigrationException.class);

    assertThat(Fixtures.query(database, "select to_regclass('things') is null")).containsExactly("t");
    AuditEntry failed = migrations.auditTrail(5).get(0);
    assertThat(failed.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(failed.fromVersion()).isNull();
    assertThat(failed.error()).contains("nope");
  }

  @Test
  void clean_isSerializedAndAudited() throws Exception {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource())
        .cleanEnabled(true).load();
    migrations.migrate();
    Fixtures.execute(database, "insert into carriers (name, mc_number) values ('Acme', '1'), ('Blue', '2')");

    migrations.clean();

    assertThat(Fixtures.query(database, "select to_regclass('carriers') is null")).containsExactly("t");
    assertThat(migrations.auditTrail(1)).extracting(entry -> entry.outcome() + " " + entry.command())
        .containsExactly("SUCCEEDED clean");
  }

  @Test
  void audited_recordsAComposedOperationAsOneEntry_aroundTheEntriesOfItsSteps() {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource())
        .cleanEnabled(true).load();
    String head = migrations.migrate().targetVersion();

    MigrateResult again = migrations.audited("reset", "skip-seed", e -> false, () -> {
      migrations.clean();
      return migrations.migrate();
    });

    assertThat(again.targetVersion()).isEqualTo(head);
    List<AuditEntry> trail = migrations.auditTrail(10);
    assertThat(trail).extracting(entry -> entry.outcome() + " " + entry.command())
        .containsExactly("SUCCEEDED migrate", "SUCCEEDED clean", "SUCCEEDED reset", "SUCCEEDED migrate");
    AuditEntry reset = trail.get(2);
    assertThat(reset.arguments()).isEqualTo("skip-seed");
    assertThat(reset.fromVersion()).isEqualTo(head);
    assertThat(reset.toVersion()).isEqualTo(head);
  }

  @Test
  void audited_recordsRefusalsAsRefused_andOtherFailuresAsFailed() {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    IllegalStateException ownRefusal = new IllegalStateException("refused by the caller");

    assertThatThrownBy(() -> migrations.audited("reset", "", e -> e == ownRefusal, () -> {
      throw ownRefusal;
    })).isSameAs(ownRefusal);
    assertThatThrownBy(() -> migrations.audited("reset", "", e -> false, () -> {
      migrations.clean();
      return null;
    })).isInstanceOf(CleanRefusedException.class);
    assertThatThrownBy(() -> migrations.audited("reset", "", e -> false, () -> {
      throw new IllegalStateException("broke half-way");
    })).hasMessage("broke half-way");

    assertThat(migrations.auditTrail(3)).extracting(entry -> entry.outcome() + " " + entry.error())
        .containsExactly("FAILED broke half-way", "REFUSED clean is disabled: it drops every table;"
            + " enable it with cleanEnabled(true)", "REFUSED refused by the caller");
  }

  @Test
  void auditTrail_isEmptyBeforeAnyChange_andRejectsABadLimit() {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    assertThat(migrations.auditTrail(5)).isEmpty();
    assertThatThrownBy(() -> migrations.auditTrail(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
