package dev.carriers.schema.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationEntry;
import dev.carriers.schema.MigrationStatus;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status tells an edited script apart from a pending or failed one. */
class StatusIT {

  @CarriersDatabase(migrate = false) private TestDatabase database;

  @Test
  void info_flagsAChecksumMismatch(@TempDir Path dir) throws Exception {
    Fixtures.copyScripts(dir);
    CarriersMigrations migrations = Fixtures.fromDirectory(database, dir).load();
    migrations.migrate();
    assertThat(migrations.info().checksumMismatches()).isEmpty();
    assertThat(migrations.info().isUpToDate()).isTrue();

    Path v2 = dir.resolve("migration/V2__add_carrier_status_enum.sql");
    Files.writeString(v2, Files.readString(v2) + "\n-- edited after it was applied\n");
    MigrationStatus status = migrations.info();

    assertThat(status.checksumMismatches()).extracting(MigrationEntry::version).containsExactly("2");
    MigrationEntry v2Entry = status.checksumMismatches().get(0);
    assertThat(v2Entry.scriptChecksum()).isNotEqualTo(v2Entry.checksum());
    assertThat(status.isUpToDate()).isFalse();
    assertThat(status.pending()).isEmpty();
  }
}
