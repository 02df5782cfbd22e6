package dev.carriers.cli.internal;

import dev.carriers.schema.lifecycle.ProductionCheck;
import dev.carriers.schema.lifecycle.Seeder;

/**
 * Where {@code carriers reset} gets its seed and its production check. Both belong to carriers-seed,
 * which this build does not include yet: until it is wired here, {@link #seeder()} and
 * {@link #productionCheck()} return null, so {@code reset} works only with {@code --skip-seed} and
 * treats no database as production.
 *
 * <p>Stateless; thread-safe.
 */
final class ResetHooks {

  private ResetHooks() {
  }

  /** Returns the seed to run after a reset, or null when this build has none. */
  static Seeder seeder() {
    return null;
  }

  /** Returns how a production database is recognised, or null when this build cannot tell. */
  static ProductionCheck productionCheck() {
    return null;
  }
}
