package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.testing.TestDatabase;
import dev.carriers.testing.TestDatabaseFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reset drops, migrates and seeds; it refuses production unless forced, and keeps the audit trail. */
class ResetIT {

  private TestDatabase database;
  private CarriersMigrations migrations;
  private String head;

  @BeforeEach
  void createDatabaseWithRows() throws Exception {
    database = TestDatabaseFactory.configure().load().createEmpty();
    migrations = CarriersMigrations.configure().dataSource(database.dataSource()).cleanEnabled(true).load();
    head = migrations.migrate().targetVersion();
    Fixtures.execute(database, "insert into carriers (name, mc_number) values ('Acme', '1'), ('Blue', '2')");
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void reset_skipSeed_dropsEverythingAndMigrates_keepingTheAuditTrail() throws Exception {
    Fixtures.execute(database, "create table stray (id int)");

    ResetResult result = migrations.reset(ResetOptions.defaults().skipSeed(true));

    assertThat(result.seeded()).isFalse();
    assertThat(result.migrate().targetVersion()).isEqualTo(head);
    assertThat(Fixtures.query(database, "select count(*) from carriers")).containsExactly("0");
    assertThat(Fixtures.query(database, "select to_regclass('stray') is null")).containsExactly("t");
    assertThat(migrations.info().isUpToDate()).isTrue();
    assertThat(migrations.auditTrail(10)).extracting(entry -> entry.outcome() + " " + entry.command())
        .containsExactly("SUCCEEDED reset", "SUCCEEDED migrate");
  }

  @Test
  void reset_runsTheSeeder() throws Exception {
    ResetResult result = migrations.reset(ResetOptions.defaults().seeder(dataSource -> {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("insert into carriers (name) values ('Seeded')");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }));
    assertThat(result.seeded()).isTrue();
    assertThat(Fixtures.query(database, "select name from carriers")).containsExactly("Seeded");
  }

  @Test
  void reset_isRefusedOnProduction_unlessForced() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    ResetOptions production = ResetOptions.defaults().skipSeed(true).productionCheck(dataSource -> {
      checks.incrementAndGet();
      return true;
    });

    assertThatThrownBy(() -> migrations.reset(production))
        .isInstanceOf(ResetRefusedException.class).hasMessageContaining("marked production");
    assertThat(checks).hasValue(1);
    assertThat(Fixtures.query(database, "select count(*) from carriers")).containsExactly("2");
    assertThat(migrations.auditTrail(1).get(0).outcome()).isEqualTo(AuditOutcome.REFUSED);

    migrations.reset(production.forced(true));
    assertThat(Fixtures.query(database, "select count(*) from carriers")).containsExactly("0");
    assertThat(checks).as("asked when forced too").hasValue(2);
  }

  @Test
  void reset_isRefused_withoutASeeder_orWithCleanDisabled() throws Exception {
    assertThatThrownBy(() -> migrations.reset(ResetOptions.defaults()))
        .isInstanceOf(ResetRefusedException.class).hasMessageContaining("no seeder");
    CarriersMigrations cleanDisabled = CarriersMigrations.configure().dataSource(database.dataSource()).load();
    assertThatThrownBy(() -> cleanDisabled.reset(ResetOptions.defaults().skipSeed(true)))
        .isInstanceOf(ResetRefusedException.class).hasMessageContaining("cleanEnabled");
    assertThat(Fixtures.query(database, "select count(*) from carriers")).containsExactly("2");
  }
}
