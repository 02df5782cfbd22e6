package dev.carriers.seed;

import dev.carriers.SettingCheck;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What a {@link CarriersSeeder} seeds where: the database, the dataset (an environment's bundled one
 * or one's own), whether to force it into a database marked as production, and who the seed history
 * names. Start one with {@link CarriersSeeder#configure()}; {@link #load()} builds the seeder.
 *
 * <pre>{@code
 * CarriersSeeder seeder = CarriersSeeder.configure()
 *     .dataSource(dataSource)
 *     .environment(Environment.DEVELOPMENT)
 *     .appliedBy("deploy-job")
 *     .load();
 * }</pre>
 *
 * <p>Immutable: each setter checks its value at once and returns a changed copy, so a configuration
 * may be shared between threads.
 */
public final class SeederConfiguration {

  // Not final so that a setter can change its own copy; no setter changes this object.
  private DataSource dataSource;
  private Environment environment = Environment.TESTING;
  private Dataset dataset;
  private boolean force;
  private String appliedBy = System.getProperty("user.name", "unknown");

  /** The defaults: no data source, the testing environment, not forced, applied by this JVM's user. */
  SeederConfiguration() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy:
  // every field of other, then the change, on an object nobody else has seen yet.
  private SeederConfiguration(SeederConfiguration other, Consumer<SeederConfiguration> change) {
    this.dataSource = other.dataSource;
    this.environment = other.environment;
    this.dataset = other.dataset;
    this.force = other.force;
    this.appliedBy = other.appliedBy;
    change.accept(this);
  }

  /**
   * Sets the database.
   *
   * @param dataSource a data source of a migrated carriers database
   * @return a copy with the data source
   */
  public SeederConfiguration dataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new SeederConfiguration(this, copy -> copy.dataSource = dataSource);
  }

  /**
   * Seeds the dataset bundled for an environment (and forgets any {@link #dataset} set before).
   *
   * @param environment the environment
   * @return a copy with the environment
   */
  public SeederConfiguration environment(Environment environment) {
    Objects.requireNonNull(environment, "environment");
    return new SeederConfiguration(this, copy -> {
      copy.environment = environment;
      copy.dataset = null;
    });
  }

  /**
   * Seeds a dataset of one's own (read with {@link Dataset#read}) instead of a bundled one; its
   * environment becomes the configured one.
   *
   * @param dataset the dataset
   * @return a copy with the dataset
   */
  public SeederConfiguration dataset(Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    return new SeederConfiguration(this, copy -> {
      copy.dataset = dataset;
      copy.environment = dataset.environment();
    });
  }

  /**
   * Allows loading the development or testing dataset into a database marked as production.
   *
   * @param force true to allow
   * @return a copy with the setting
   */
  public SeederConfiguration force(boolean force) {
    return new SeederConfiguration(this, copy -> copy.force = force);
  }

  /**
   * Sets who the seed history says applied the run. Default: the {@code user.name} of this JVM
   * (the database user is recorded too).
   *
   * @param appliedBy a person or job, not blank
   * @return a copy with the name
   * @throws IllegalArgumentException if the name is blank
   */
  public SeederConfiguration appliedBy(String appliedBy) {
    String name = SettingCheck.notBlank("applied-by", appliedBy, "name a person or job").strip();
    return new SeederConfiguration(this, copy -> copy.appliedBy = name);
  }

  /** Returns the environment. */
  public Environment environment() {
    return environment;
  }

  /** Returns whether runs are forced into production databases. */
  public boolean force() {
    return force;
  }

  /**
   * Builds the seeder.
   *
   * @return the seeder
   * @throws IllegalStateException if no data source was set
   */
  public CarriersSeeder load() {
    if (dataSource == null) {
      throw new IllegalStateException("CarriersSeeder has no data source: call dataSource(...) before load()");
    }
    return new CarriersSeeder(this);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The dataset a run seeds: the one set, else the environment's bundled one (read on first use). */
  Dataset datasetToSeed() {
    return dataset != null ? dataset : Dataset.bundled(environment);
  }

  String appliedBy() {
    return appliedBy;
  }
}
