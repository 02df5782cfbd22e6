package dev.carriers.cli;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.internal.ScriptCatalog;
import java.util.List;

/**
 * The migration versions this build ships, oldest first, read from carriers-schema's jar: tests
 * derive their expectations from it, so adding a migration needs no test edits.
 */
final class KnownMigrations {

  /** Every version, oldest first, such as {@code ["1", "2", ...]}. */
  static final List<String> VERSIONS = ScriptCatalog
      .scan(CarriersMigrations.class.getClassLoader(), List.of(CarriersMigrations.DEFAULT_LOCATION))
      .scripts().stream().map(ScriptCatalog.Script::versionText).toList();

  /** The newest version. */
  static final String LATEST = VERSIONS.get(VERSIONS.size() - 1);

  /** How many migrations there are. */
  static final int COUNT = VERSIONS.size();

  /** The versions as the CLI lists them: {@code 1, 2, 3}. */
  static final String LIST = String.join(", ", VERSIONS);

  private KnownMigrations() {
  }
}
