package dev.carriers.schema.internal;

import dev.carriers.schema.monitoring.MigrationEvent;
import dev.carriers.schema.monitoring.MigrationListener;
import dev.carriers.schema.monitoring.MigrationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers migration events: logs each one (logger {@code dev.carriers.schema.migrations}: INFO on
 * success, WARN on a retry, ERROR on failure), then tells every listener, catching what a listener
 * throws. Adds a Micrometer listener on the global registry when Micrometer is on the class path.
 *
 * <p>Immutable and thread-safe if the listeners are.
 */
public final class MigrationEvents {

  private static final Logger LOG = LoggerFactory.getLogger("dev.carriers.schema.migrations");

  private final List<MigrationListener> listeners;

  /**
   * Creates the dispatcher.
   *
   * @param listeners the configured listeners
   * @param globalMetrics whether to add a Micrometer listener on the global registry when Micrometer
   *     is on the class path
   */
  public MigrationEvents(List<MigrationListener> listeners, boolean globalMetrics) {
    List<MigrationListener> all = new ArrayList<>(listeners);
    if (globalMetrics && micrometerPresent()) {
      all.add(GlobalMetrics.listener());
    }
    this.listeners = List.copyOf(all);
  }

  private static boolean micrometerPresent() {
    try {
      Class.forName("io.micrometer.core.instrument.Metrics", false, MigrationEvents.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Kept apart so that Micrometer's classes load only when present. */
  private static final class GlobalMetrics {
    static MigrationListener listener() {
      return new dev.carriers.schema.monitoring.MicrometerMigrationListener(
          io.micrometer.core.instrument.Metrics.globalRegistry);
    }
  }

  /**
   * Reports the migrations a run applied.
   *
   * @param run the run
   * @param attempt the attempt number, from 1
   */
  public void succeeded(MigrationTiming.Run run, int attempt) {
    for (MigrationTiming.Timed timed : run.succeeded()) {
      MigrationEvent event = new MigrationEvent(timed.version(), timed.description(), timed.script(),
          MigrationOutcome.SUCCEEDED, timed.duration(), attempt, Instant.now(), null, null);
      LOG.info("Migration {} ({}) succeeded in {} ms", timed.version(), timed.description(),
          timed.duration().toMillis());
      for (MigrationListener listener : listeners) {
        try {
          listener.onSuccess(event);
        } catch (RuntimeException e) {
          LOG.warn("Migration listener {} failed on a success event; ignored", listener, e);
        }
      }
    }
  }

  /**
   * Reports a failed attempt: the migrations applied before it, then the failure.
   *
   * @param run the run
   * @param attempt the attempt number, from 1
   * @param outcome {@link MigrationOutcome#RETRYING} or {@link MigrationOutcome#FAILED}
   * @param error the message
   * @param sqlState the SQLState, or null
   */
  public void failed(MigrationTiming.Run run, int attempt, MigrationOutcome outcome, String error, String sqlState) {
    succeeded(run, attempt);
    MigrationTiming.Timed timed = run.failed();
    MigrationEvent event = timed == null
        ? new MigrationEvent(null, null, null, outcome, Duration.ZERO, attempt, Instant.now(), error, sqlState)
        : new MigrationEvent(timed.version(), timed.description(), timed.script(), outcome, timed.duration(),
            attempt, Instant.now(), error, sqlState);
    if (outcome == MigrationOutcome.RETRYING) {
      LOG.warn("Migration {} ({}) attempt {} gave up after {} ms (SQLState {}); retrying: {}", event.version(),
          event.description(), attempt, event.duration().toMillis(), sqlState, error);
    } else {
      LOG.error("Migration {} ({}) failed after {} ms on attempt {} (SQLState {}): {}", event.version(),
          event.description(), event.duration().toMillis(), attempt, sqlState, error);
    }
    for (MigrationListener listener : listeners) {
      try {
        listener.onFailure(event);
      } catch (RuntimeException e) {
        LOG.warn("Migration listener {} failed on a failure event; ignored", listener, e);
      }
    }
  }
}
