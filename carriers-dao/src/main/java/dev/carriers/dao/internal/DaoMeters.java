package dev.carriers.dao.internal;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;

/**
 * What the DAO reports to a metrics system: each operation's duration and outcome, each top-level
 * transaction's, each retry after a conflict and each slow statement; and the pool's instruments.
 * {@link #NONE} records nothing and is what a {@code Carriers} without a meter registry uses, so
 * that no Micrometer class is ever loaded then; {@link MicrometerDaoMeters} is the one
 * implementation that touches Micrometer.
 *
 * <p>Implementations are thread-safe.
 */
public interface DaoMeters {

  /** Records nothing. */
  DaoMeters NONE = new DaoMeters() {
  };

  /**
   * Returns whether this records anything: when not, the DAO does not even read the clock for it.
   *
   * @return false for {@link #NONE}
   */
  default boolean enabled() {
    return false;
  }

  /**
   * Records one DAO call.
   *
   * @param operation the call
   * @param nanos how long it took
   * @param failure what it threw, or null when it returned
   */
  default void operation(Operation operation, long nanos, Throwable failure) {
  }

  /**
   * Records one top-level transaction, all its attempts included.
   *
   * @param isolation the isolation level's tag, such as {@code serializable}
   * @param nanos how long it took, retries and backoff included
   * @param failure what it threw, or null when it committed
   */
  default void transaction(String isolation, long nanos, Throwable failure) {
  }

  /**
   * Records that a transaction runs again after a serialization failure or deadlock.
   *
   * @param isolation the isolation level's tag
   */
  default void retry(String isolation) {
  }

  /**
   * Records a statement that ran longer than the slow-statement threshold.
   *
   * @param operation the call that sent it
   */
  default void slowStatement(Operation operation) {
  }

  /**
   * Adds the pool's instruments to the configuration of a pool about to start.
   *
   * @param pool the pool's configuration
   */
  default void instrumentPool(HikariConfig pool) {
  }

  /**
   * Returns the 95th percentile of the time to acquire a connection from the pool over the last
   * minutes, when the pool is instrumented.
   *
   * @return the percentile, or null when not measured
   */
  default Duration acquireTimeP95() {
    return null;
  }
}
