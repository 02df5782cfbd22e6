package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationsConfiguration;
import java.util.function.Consumer;

/**
 * Builds the {@link CarriersMigrations} a command works with: the migrations of this build on the
 * given database, with an optional progress listener.
 *
 * <p>Stateless; thread-safe.
 */
final class Migrations {

  private Migrations() {
  }

  static MigrationsConfiguration on(DatabaseUrl url, Consumer<String> progress) {
    MigrationsConfiguration configuration = CarriersMigrations.configure()
        .dataSource(url.unpooledDataSource());
    return progress == null ? configuration : configuration.progress(progress);
  }
}
