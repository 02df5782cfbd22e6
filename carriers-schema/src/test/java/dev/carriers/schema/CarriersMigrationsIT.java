package dev.carriers.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.ErrorKind;
import dev.carriers.schema.lifecycle.CleanRefusedException;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarriersMigrationsIT {

  /** Every migration script this build has, oldest first. */
  private static final List<String> SCRIPTS = scripts();

  /** Every migration version this build has, oldest first. */
  private static final List<String> VERSIONS = SCRIPTS.stream()
      .map(script -> script.substring(1, script.indexOf("__"))).toList();

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @Test
  void migrate_appliesEveryMigrationToAnEmptyDatabase_andAgainIsANoOp() {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();

    MigrateResult first = migrations.migrate();
    assertThat(first.initialVersion()).isNull();
    assertThat(first.appliedVersions()).isEqualTo(VERSIONS).startsWith("1", "2", "3", "4");
    String latest = VERSIONS.get(VERSIONS.size() - 1);
    assertThat(first.targetVersion()).isEqualTo(latest);

    MigrateResult second = migrations.migrate();
    assertThat(second.migrationsApplied()).isZero();
    assertThat(second.initialVersion()).isEqualTo(latest);

    MigrationStatus status = migrations.info();
    assertThat(status.isUpToDate()).isTrue();
    assertThat(status.currentVersion()).isEqualTo(latest);
    assertThat(status.migrations()).extracting(MigrationEntry::state).containsOnly(MigrationState.APPLIED);
    assertThat(status.migrations()).allSatisfy(migration -> {
      assertThat(migration.installedBy()).isNotBlank();
      assertThat(migration.installedOn()).isNotNull();
      assertThat(migration.checksum()).isNotNull();
    });
    migrations.validate();
  }

  @Test
  void info_listsEveryMigrationAsPending_onAnEmptyDatabase() {
    MigrationStatus status = CarriersMigrations.configure().dataSource(database.dataSource()).load().info();
    assertThat(status.currentVersion()).isNull();
    assertThat(status.isUpToDate()).isFalse();
    assertThat(status.pending()).extracting(MigrationEntry::version).isEqualTo(VERSIONS);
    assertThat(status.pending()).extracting(MigrationEntry::description)
        .startsWith("create carriers", "add carrier status enum", "add mc number canonical check",
            "validate mc number canonical check");
  }

  @Test
  void validate_failsWhenAnAppliedMigrationWasEdited(@TempDir Path dir) throws IOException {
    copyMigrations(dir);
    CarriersMigrations migrations = CarriersMigrations.configure()
        .dataSource(database.dataSource())
        .locations("filesystem:" + dir)
        .load();
    migrations.migrate();

    Path v2 = dir.resolve("V2__add_carrier_status_enum.sql");
    Files.writeString(v2, Files.readString(v2) + "\n-- edited after it was applied\n");

    assertThatThrownBy(migrations::validate)
        .isInstanceOf(MigrationValidationException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("checksum mismatch")
        .satisfies(e -> assertThat(((MigrationValidationException) e).problems()).hasSize(1));
  }

  @Test
  void validate_failsWhenMigrationsArePending() {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    assertThatThrownBy(migrations::validate)
        .isInstanceOf(MigrationValidationException.class)
        .hasMessageContaining("not applied");
  }

  @Test
  void migrate_bringsOldMcNumbersToCanonicalForm(@TempDir Path dir) throws Exception {
    migrateUpToV2(dir);
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("insert into carriers(name, mc_number) values"
          + " ('A', 'MC-012345'), ('B', ' mc 42 '), ('C', '7'), ('D', null), ('E', 'MC#000-101')");
    }

    CarriersMigrations.configure().dataSource(database.dataSource()).load().migrate();

    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select name, mc_number from carriers order by name")) {
      StringBuilder seen = new StringBuilder();
      while (rows.next()) {
        seen.append(rows.getString(1)).append('=').append(rows.getString(2)).append(' ');
      }
      assertThat(seen.toString().trim()).isEqualTo("A=12345 B=42 C=7 D=null E=101");
    }
  }

  @Test
  void migrate_failsWithoutChange_whenOldMcNumbersCannotBeMadeCanonical(@TempDir Path dir) throws Exception {
    migrateUpToV2(dir);
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("insert into carriers(name, mc_number) values ('A', 'MC-12AB')");
    }
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();

    assertThatThrownBy(migrations::migrate)
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("carriers_mc_number_canonical");
    assertThat(migrations.info().currentVersion()).isEqualTo("3");
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select mc_number from carriers")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("MC-12AB");
    }
  }

  @Test
  void clean_isRefusedUnlessEnabled() throws Exception {
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    migrations.migrate();
    assertThatThrownBy(migrations::clean)
        .isInstanceOf(CleanRefusedException.class)
        .hasMessageContaining("clean is disabled")
        .satisfies(e -> assertThat(((MigrationException) e).kind()).isEqualTo(ErrorKind.CLEAN_REFUSED));
    assertThat(migrations.info().currentVersion()).isEqualTo(VERSIONS.get(VERSIONS.size() - 1));

    CarriersMigrations.configure().dataSource(database.dataSource()).cleanEnabled(true).load().clean();
    assertThat(migrations.info().currentVersion()).isNull();
  }

  @Test
  void configuration_rejectsBadValuesAtOnce() {
    assertThatThrownBy(() -> CarriersMigrations.configure().load())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no data source");
    assertThatThrownBy(() -> CarriersMigrations.configure().locations(new String[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> CarriersMigrations.configure().locations(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank migration location");
  }

  @Test
  void migrate_againstAnUnreachableServer_throwsMigrationException() {
    org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
    unreachable.setURL("jdbc:postgresql://127.0.0.1:1/carriers");
    unreachable.setConnectTimeout(1);
    CarriersMigrations migrations = CarriersMigrations.configure().dataSource(unreachable).load();
    assertThatThrownBy(migrations::migrate).isInstanceOf(MigrationException.class);
  }

  /** Migrates to V2 only, as a database from before the canonical MC number rule was. */
  private void migrateUpToV2(Path dir) throws IOException {
    for (String script : SCRIPTS.subList(0, 2)) {
      copy(script, dir);
    }
    CarriersMigrations.configure().dataSource(database.dataSource()).locations("filesystem:" + dir).load().migrate();
  }

  private static void copyMigrations(Path dir) throws IOException {
    for (String script : SCRIPTS) {
      copy(script, dir);
    }
  }

  private static void copy(String script, Path dir) throws IOException {
    try (InputStream in = CarriersMigrationsIT.class.getResourceAsStream("/db/migration/" + script)) {
      Files.copy(in, dir.resolve(script));
    }
  }

  private static List<String> scripts() {
    // The module's source folder: failsafe runs from the module directory, on the packaged jar.
    try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.matches("V[0-9]+__.*\\.sql"))
          .sorted(java.util.Comparator.comparingInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
