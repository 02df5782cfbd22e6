package dev.carriers.testing.internal;

import dev.carriers.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Names a template by what is in it: a SHA-256 of every migration Flyway resolves at the locations
 * (version, description, type and Flyway's own checksum of the script) and of the initializer's id.
 */
public final class TemplateKey {

  /** A schema that never exists, so that Flyway reads no history while listing the migrations. */
  private static final String PROBE_SCHEMA = "carriers_template_probe_absent";

  private TemplateKey() {
  }

  /**
   * Computes the checksum of a migration set.
   *
   * @param server where Flyway may connect to list the migrations (nothing is written)
   * @param locations the Flyway locations
   * @param initializerId the initializer's id, or null
   * @return 16 hex digits
   */
  public static String checksum(PostgresServer server, List<String> locations, String initializerId) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (!locations.isEmpty()) {
      MigrationInfo[] migrations = Flyway.configure()
          .dataSource(server.dataSource(server.maintenanceDatabase()))
          .schemas(PROBE_SCHEMA)
          .createSchemas(false)
          .locations(locations.toArray(String[]::new))
          .load()
          .info()
          .all();
      for (MigrationInfo migration : migrations) {
        update(digest, String.valueOf(migration.getVersion()));
        update(digest, migration.getDescription());
        update(digest, String.valueOf(migration.getType()));
        update(digest, String.valueOf(migration.getChecksum()));
      }
    }
    update(digest, String.valueOf(initializerId));
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static void update(MessageDigest digest, String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
