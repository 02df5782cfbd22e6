package dev.carriers.dao.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.carriers.CarriersException;
import dev.carriers.ErrorKind;
import dev.carriers.dao.monitoring.DaoMetrics;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.TimeWindowPercentileHistogram;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The DAO's metrics on a Micrometer registry, the only class of carriers-dao that uses Micrometer:
 * it is loaded only when the application passes a registry to {@code Carriers.configure()}.
 * Meter names and tags are {@link DaoMetrics}'s. The timers of successful calls are registered up
 * front (so a dashboard shows every operation from the start); those of failures when one first
 * happens. HikariCP's own {@link MicrometerMetricsTrackerFactory} instruments the pool
 * ({@code hikaricp.connections.*}); its acquire times also feed a time-window histogram of
 * Micrometer's, registered nowhere, from which {@link #acquireTimeP95()} reads the health check's
 * percentile.
 *
 * <p>Thread-safe.
 */
public final class MicrometerDaoMeters implements DaoMeters {

  private static final ErrorKind[] KINDS = ErrorKind.values();
  private static final Operation[] OPERATIONS = Operation.values();

  private final MeterRegistry registry;
  // [operation][0] success, [operation][1] unexpected, [operation][2 + kind] a typed failure.
  private final Timer[][] operations = new Timer[OPERATIONS.length][KINDS.length + 2];
  private final Counter[] slow = new Counter[OPERATIONS.length];
  private final ConcurrentMap<String, Timer> transactions = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> retries = new ConcurrentHashMap<>();
  private final TimeWindowPercentileHistogram acquireTimes = new TimeWindowPercentileHistogram(Clock.SYSTEM,
      DistributionStatisticConfig.builder().percentiles(0.95).percentilePrecision(2)
          .expiry(Duration.ofMinutes(2)).bufferLength(2).build().merge(DistributionStatisticConfig.DEFAULT),
      false);

  private MicrometerDaoMeters(MeterRegistry registry) {
    this.registry = registry;
    for (Operation operation : OPERATIONS) {
      operations[operation.ordinal()][0] = operationTimer(operation, DaoMetrics.SUCCESS);
      slow[operation.ordinal()] = Counter.builder(DaoMetrics.SLOW_STATEMENTS)
          .description("Statements of a carriers DAO call that ran longer than the slow-statement threshold")
          .tag(DaoMetrics.OPERATION_TAG, operation.tag())
          .register(registry);
    }
  }

  /**
   * Creates the meters on a registry.
   *
   * @param registry the application's registry
   * @return the meters
   */
  public static DaoMeters create(MeterRegistry registry) {
    return new MicrometerDaoMeters(registry);
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public void operation(Operation operation, long nanos, Throwable failure) {
    Timer[] timers = operations[operation.ordinal()];
    int slot = failure == null ? 0 : failure instanceof CarriersException typed ? 2 + typed.kind().ordinal() : 1;
    Timer timer = timers[slot];
    if (timer == null) {
      // Racy on purpose: the registry returns the same timer to both threads.
      timer = operationTimer(operation, outcomeOf(failure));
      timers[slot] = timer;
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer operationTimer(Operation operation, String outcome) {
    return Timer.builder(DaoMetrics.OPERATION_TIMER)
        .description("Duration and outcome of each carriers DAO call")
        .tag(DaoMetrics.OPERATION_TAG, operation.tag())
        .tag(DaoMetrics.OUTCOME_TAG, outcome)
        .register(registry);
  }

  @Override
  public void transaction(String isolation, long nanos, Throwable failure) {
    String outcome = failure == null ? DaoMetrics.SUCCESS
        : failure instanceof CarriersException ? outcomeOf(failure) : DaoMetrics.ROLLED_BACK;
    transactions.computeIfAbsent(isolation + ' ' + outcome, key -> Timer.builder(DaoMetrics.TRANSACTION_TIMER)
        .description("Duration and outcome of each carriers transaction, its retries included")
        .tag(DaoMetrics.ISOLATION_TAG, isolation)
        .tag(DaoMetrics.OUTCOME_TAG, outcome)
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void retry(String isolation) {
    retries.computeIfAbsent(isolation, key -> Counter.builder(DaoMetrics.TRANSACTION_RETRIES)
        .description("Carriers transactions run again after a serialization failure or deadlock")
        .tag(DaoMetrics.ISOLATION_TAG, isolation)
        .register(registry)).increment();
  }

  @Override
  public void slowStatement(Operation operation) {
    slow[operation.ordinal()].increment();
  }

  @Override
  public void instrumentPool(HikariConfig pool) {
    MetricsTrackerFactory hikari = new MicrometerMetricsTrackerFactory(registry);
    pool.setMetricsTrackerFactory((poolName, stats) -> new AcquireTimeTracker(hikari.create(poolName, stats)));
  }

  @Override
  public Duration acquireTimeP95() {
    ValueAtPercentile[] percentiles = acquireTimes.takeSnapshot(0, 0, 0).percentileValues();
    return percentiles.length == 0 ? null : Duration.ofNanos((long) percentiles[0].value(TimeUnit.NANOSECONDS));
  }

  /** The outcome tag of a failure: its error kind in lower case, or {@code unexpected}. */
  static String outcomeOf(Throwable failure) {
    if (failure instanceof CarriersException typed) {
      return typed.kind().name().toLowerCase(Locale.ROOT);
    }
    return DaoMetrics.UNEXPECTED;
  }

  /** HikariCP's tracker, whose acquire times are also kept for the health check's percentile. */
  private final class AcquireTimeTracker implements IMetricsTracker {

    private final IMetricsTracker hikari;

    AcquireTimeTracker(IMetricsTracker hikari) {
      this.hikari = hikari;
    }

    @Override
    public void recordConnectionCreatedMillis(long millis) {
      hikari.recordConnectionCreatedMillis(millis);
    }

    @Override
    public void recordConnectionAcquiredNanos(long nanos) {
      hikari.recordConnectionAcquiredNanos(nanos);
      acquireTimes.recordLong(nanos);
    }

    @Override
    public void recordConnectionUsageMillis(long millis) {
      hikari.recordConnectionUsageMillis(millis);
    }

    @Override
    public void recordConnectionTimeout() {
      hikari.recordConnectionTimeout();
    }

    @Override
    public void close() {
      hikari.close();
    }
  }
}
