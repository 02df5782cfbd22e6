package dev.carriers.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.seed.testing.SeededDatabases;
import dev.carriers.testing.CarriersDatabaseExtension;
import dev.carriers.testing.TestDatabase;
import dev.carriers.testing.TestDatabaseFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeededDatabasesIT {

  @RegisterExtension
  static final CarriersDatabaseExtension DB = SeededDatabases.extension(Environment.TESTING);

  @Test
  void theClassDatabase_isMigratedAndSeeded(DataSource dataSource) {
    Dataset testing = Dataset.bundled(Environment.TESTING);
    assertThat(Databases.seeded(dataSource, Environment.TESTING).values())
        .containsExactlyInAnyOrderElementsOf(testing.rows());
    Databases.query(dataSource, "select version, checksum, applied_by from seed_history", r -> {
      assertThat(r.getInt(1)).isEqualTo(testing.version());
      assertThat(r.getString(2)).isEqualTo(testing.checksum());
      assertThat(r.getString(3)).isEqualTo("carriers-testing template");
    });
    // Seeding again inside a clone is a no-op: the clone carries the template's seed history.
    SeedReport again = CarriersSeeder.configure().dataSource(dataSource).environment(Environment.TESTING).load().seed();
    assertThat(again.changed()).isZero();
    assertThat(again.alreadyApplied()).isTrue();
  }

  @Test
  void clonesComeFromOneSeededTemplate_namedAfterTheDatasetChecksum() {
    Dataset testing = Dataset.bundled(Environment.TESTING);
    TestDatabaseFactory factory = TestDatabaseFactory.shared(SeededDatabases.configuration(testing));
    String template = factory.template();
    try (TestDatabase first = factory.create(); TestDatabase second = factory.create()) {
      assertThat(first.name()).isNotEqualTo(second.name());
      assertThat(Databases.count(first.dataSource(), "carriers")).isEqualTo(testing.size());
      assertThat(Databases.count(second.dataSource(), "carriers")).isEqualTo(testing.size());
      Databases.execute(first.dataSource(), "delete from carriers");
      assertThat(Databases.count(second.dataSource(), "carriers")).isEqualTo(testing.size());
    }
    assertThat(factory.template()).isEqualTo(template);
    TestDatabaseFactory other = TestDatabaseFactory.shared(SeededDatabases.configuration(testing.withVersion(99)));
    assertThat(other.configuration()).isNotEqualTo(factory.configuration());
  }
}
