package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.internal.ScriptCatalog;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/**
 * Every migration of this build, present and future, reverses exactly: from an empty database,
 * apply up to each version, dump the schema, apply the next, roll it back, compare the dump, then
 * apply it again.
 */
class MigrationRoundTripIT {

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @Test
  void everyMigration_rollsBackToTheExactSchemaBeforeIt_andAppliesAgain() throws Exception {
    List<ScriptCatalog.Script> migrations = Fixtures.migrations();
    assertThat(migrations).isNotEmpty();
    CarriersMigrations lifecycle = CarriersMigrations.configure().dataSource(database.dataSource()).load();

    String before = Fixtures.schemaDump(database);
    List<String> historyBefore = Fixtures.history(database);
    for (ScriptCatalog.Script migration : migrations) {
      String version = migration.versionText();
      upTo(version);
      String after = Fixtures.schemaDump(database);
      assertThat(after).as("V%s changes the schema", version).isNotEqualTo(before);
      List<String> historyAfter = Fixtures.history(database);

      RollbackResult undone = lifecycle.rollback(1);

      assertThat(undone.rolledBackVersions()).containsExactly(version);
      assertThat(Fixtures.schemaDump(database)).as("schema after rolling back V%s", version).isEqualTo(before);
      assertThat(Fixtures.history(database)).as("history after rolling back V%s", version).isEqualTo(historyBefore);

      upTo(version);
      assertThat(Fixtures.schemaDump(database)).as("schema after re-applying V%s", version).isEqualTo(after);
      assertThat(Fixtures.history(database)).hasSize(historyAfter.size());
      before = after;
      historyBefore = Fixtures.history(database);
    }
  }

  @Test
  void rowsSurviveTheRollbackOfMigrationsThatDoNotConcernThem() throws Exception {
    // V3 and V4 add and validate the MC number check: rolling them back leaves every row as it was.
    upTo("4");
    Fixtures.execute(database, "insert into carriers (name, mc_number, status) values"
        + " ('Acme Freight', '123456', 'ACTIVE'), ('Blue Line', null, 'INACTIVE'), ('Coastal', '42', 'OUT_OF_SERVICE')");
    String rows = "select string_agg(id || ',' || name || ',' || coalesce(mc_number, '-') || ',' || status"
        + " || ',' || created_at || ',' || updated_at, ';' order by id) from carriers";
    String before = Fixtures.query(database, rows).get(0);

    RollbackResult undone = CarriersMigrations.configure().dataSource(database.dataSource()).load().rollbackTo("2");

    assertThat(undone.rolledBackVersions()).containsExactly("4", "3");
    assertThat(undone.currentVersion()).isEqualTo("2");
    assertThat(Fixtures.query(database, rows).get(0)).isEqualTo(before);
    upTo("4");
    assertThat(Fixtures.query(database, rows).get(0)).isEqualTo(before);
  }

  private void upTo(String version) {
    FluentConfiguration flyway = Flyway.configure().dataSource(database.dataSource())
        .locations(CarriersMigrations.DEFAULT_LOCATION).target(version);
    flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    flyway.load().migrate();
  }
}
