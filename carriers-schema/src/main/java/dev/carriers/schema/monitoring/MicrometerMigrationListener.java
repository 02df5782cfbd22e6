package dev.carriers.schema.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Records each migration as the Micrometer timer {@value #TIMER}, tagged with {@code version} and
 * {@code outcome} ({@code succeeded}, {@code retrying}, {@code failed}): its count is the number of
 * attempts, its total the time spent. Alert on {@code outcome="failed"}.
 *
 * <p>Micrometer is an optional dependency of carriers-schema: add {@code io.micrometer:micrometer-core}
 * to use this class. When it is on the class path, {@link dev.carriers.schema.CarriersMigrations}
 * registers one on Micrometer's global registry by itself; register one on your own registry with
 * {@link dev.carriers.schema.MigrationsConfiguration#listener(MigrationListener)}.
 *
 * <pre>{@code
 * CarriersMigrations.configure()
 *     .dataSource(dataSource)
 *     .listener(new MicrometerMigrationListener(meterRegistry))
 *     .load()
 *     .migrate();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MicrometerMigrationListener implements MigrationListener {

  /** The timer's name. */
  public static final String TIMER = "carriers.migration";

  private final MeterRegistry registry;

  /**
   * Creates the listener.
   *
   * @param registry where the timer goes
   */
  public MicrometerMigrationListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onSuccess(MigrationEvent event) {
    record(event);
  }

  @Override
  public void onFailure(MigrationEvent event) {
    record(event);
  }

  private void record(MigrationEvent event) {
    Timer.builder(TIMER)
        .description("Duration and outcome of each carriers schema migration attempt")
        .tag("version", event.version() == null ? "none" : event.version())
        .tag("outcome", event.outcome().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .record(event.duration());
  }
}
