package dev.carriers.benchmarks;

import java.util.Arrays;

/** Percentiles of a sample of durations in nanoseconds. Not thread-safe. */
final class Stats {

  private final long[] sorted;

  Stats(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  /** Returns the given percentile (0 to 100) in milliseconds, nearest-rank. */
  double percentileMillis(double percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
  }

  double p50() {
    return percentileMillis(50);
  }

  double p99() {
    return percentileMillis(99);
  }
}
