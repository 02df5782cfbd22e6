package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationsConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time check: every migration of this build has a reverse script of the same name. No
 * database; fails the build naming the migrations that lack one.
 */
class ReverseScriptsTest {

  @Test
  void everyMigrationOfThisBuild_hasAReverseScript() {
    assertThat(Fixtures.migrations()).as("migrations found on the class path").isNotEmpty();
    assertThat(CarriersMigrations.configure().missingReverseScripts())
        .as("migrations under db/migration without a reverse script of the same name under db/rollback")
        .isEmpty();
  }

  @Test
  void everyReverseScriptOfThisBuild_matchesAMigration() {
    assertThat(CarriersMigrations.configure().orphanReverseScripts())
        .as("reverse scripts under db/rollback whose name matches no migration").isEmpty();
  }

  @Test
  void missingReverseScripts_namesEachMigrationWithoutOne(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    Files.writeString(dir.resolve("migration/V900__add_things.sql"), "create table things (id int);");
    Files.createDirectories(dir.resolve("migration/sub"));
    Files.writeString(dir.resolve("migration/sub/V901__add_more_things.sql"), "create table more (id int);");
    Files.writeString(dir.resolve("rollback/V902__typo.sql"), "select 1;");

    MigrationsConfiguration configuration = CarriersMigrations.configure()
        .locations("filesystem:" + dir.resolve("migration"))
        .rollbackLocations("filesystem:" + dir.resolve("rollback"));

    assertThat(configuration.missingReverseScripts())
        .containsExactly("V900__add_things.sql", "V901__add_more_things.sql");
    assertThat(configuration.orphanReverseScripts()).containsExactly("V902__typo.sql");
  }
}
