package dev.carriers.schema.monitoring;

/**
 * Told the outcome of each migration that {@link dev.carriers.schema.CarriersMigrations#migrate()}
 * runs: for alerting, dashboards or a deployment log. Register it with
 * {@link dev.carriers.schema.MigrationsConfiguration#listener(MigrationListener)}.
 *
 * <pre>{@code
 * CarriersMigrations migrations = CarriersMigrations.configure()
 *     .dataSource(dataSource)
 *     .listener(new MigrationListener() {
 *       public void onFailure(MigrationEvent event) {
 *         pager.alert("migration " + event.version() + " failed: " + event.error());
 *       }
 *     })
 *     .load();
 * }</pre>
 *
 * <p>Events are delivered on the thread that called {@code migrate}, after the migration committed
 * (successes) or after it was rolled back (failures), in the order the migrations ran. A listener that
 * throws is logged and ignored: it never fails a migration. Implementations used from several
 * {@code migrate} calls at once must be thread-safe.
 */
public interface MigrationListener {

  /**
   * Called once per migration applied.
   *
   * @param event the migration, its duration and attempt
   */
  default void onSuccess(MigrationEvent event) {
  }

  /**
   * Called when a migration attempt fails: once with {@link MigrationOutcome#RETRYING} for each
   * lock timeout that will be retried, and once with {@link MigrationOutcome#FAILED} when
   * {@code migrate} gives up and throws.
   *
   * @param event the migration (if one was running), the error and its SQLState
   */
  default void onFailure(MigrationEvent event) {
  }
}
