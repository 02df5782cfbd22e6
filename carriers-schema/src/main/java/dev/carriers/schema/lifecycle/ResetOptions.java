package dev.carriers.schema.lifecycle;

import java.util.Objects;

/**
 * How {@link dev.carriers.schema.CarriersMigrations#reset(ResetOptions)} runs: seed or not, with
 * which seeder, and how it recognises a production database. Immutable; each setter returns a copy.
 *
 * <pre>{@code
 * migrations.reset(ResetOptions.defaults()
 *     .seeder(dataSource -> mySeed.apply(dataSource))
 *     .productionCheck(dataSource -> marker.isProduction(dataSource)));
 * }</pre>
 */
public final class ResetOptions {

  private final boolean skipSeed;
  private final Seeder seeder;
  private final ProductionCheck productionCheck;
  private final boolean forced;

  private ResetOptions(boolean skipSeed, Seeder seeder, ProductionCheck productionCheck, boolean forced) {
    this.skipSeed = skipSeed;
    this.seeder = seeder;
    this.productionCheck = productionCheck;
    this.forced = forced;
  }

  /**
   * Returns the defaults: seed (a seeder must then be set), no production check, not forced.
   *
   * @return the defaults
   */
  public static ResetOptions defaults() {
    return new ResetOptions(false, null, null, false);
  }

  /**
   * Skips the seed: drop everything and migrate only.
   *
   * @param skip whether to skip seeding
   * @return a copy with the setting
   */
  public ResetOptions skipSeed(boolean skip) {
    return new ResetOptions(skip, seeder, productionCheck, forced);
  }

  /**
   * Sets the seeder run after migrating.
   *
   * @param seeder the seeder
   * @return a copy with the seeder
   */
  public ResetOptions seeder(Seeder seeder) {
    return new ResetOptions(skipSeed, Objects.requireNonNull(seeder, "seeder"), productionCheck, forced);
  }

  /**
   * Sets how a production database is recognised; without one, no database counts as production.
   *
   * @param check the check
   * @return a copy with the check
   */
  public ResetOptions productionCheck(ProductionCheck check) {
    return new ResetOptions(skipSeed, seeder, Objects.requireNonNull(check, "check"), forced);
  }

  /**
   * Resets even a production database. Only for a caller that has had the operator confirm it.
   *
   * @param forced whether to override the production refusal
   * @return a copy with the setting
   */
  public ResetOptions forced(boolean forced) {
    return new ResetOptions(skipSeed, seeder, productionCheck, forced);
  }

  /** Returns whether seeding is skipped. */
  public boolean skipsSeed() {
    return skipSeed;
  }

  /** Returns the seeder, or null. */
  public Seeder seeder() {
    return seeder;
  }

  /** Returns the production check, or null. */
  public ProductionCheck productionCheck() {
    return productionCheck;
  }

  /** Returns whether the production refusal is overridden. */
  public boolean isForced() {
    return forced;
  }
}
