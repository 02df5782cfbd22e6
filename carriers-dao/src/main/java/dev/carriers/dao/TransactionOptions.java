package dev.carriers.dao;

import dev.carriers.SettingCheck;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Carriers#inTransaction(TransactionOptions, TransactionCallback)} runs a transaction:
 * its isolation level and whether to run it again after a serialization failure or deadlock.
 *
 * <p><b>Retry runs the whole callback again</b>, from a new transaction: the callback must be
 * idempotent apart from its database work (no e-mails sent, no counters bumped outside the
 * transaction, no state carried over from the failed attempt), as with JDBI's
 * {@code SerializableTransactionRunner}.
 *
 * <pre>{@code
 * TransactionOptions options = TransactionOptions.defaults()
 *     .isolation(TransactionOptions.Isolation.SERIALIZABLE)
 *     .retry(5, Duration.ofMillis(20), Duration.ofSeconds(1));
 * carriers.inTransaction(options, tx -> ...);
 * }</pre>
 *
 * <p>Effectively immutable and thread-safe: a setter changes only the fresh copy it returns.
 */
public final class TransactionOptions {

  /** The isolation level of a transaction. */
  public enum Isolation {
    /** The server's default ({@code default_transaction_isolation}, normally read committed). */
    DEFAULT(null),
    /** Read committed. */
    READ_COMMITTED("set transaction isolation level read committed"),
    /** Repeatable read (snapshot isolation in PostgreSQL). */
    REPEATABLE_READ("set transaction isolation level repeatable read"),
    /** Serializable: concurrent transactions behave as if run one at a time; some fail with 40001. */
    SERIALIZABLE("set transaction isolation level serializable");

    private final String sql;

    Isolation(String sql) {
      this.sql = sql;
    }

    /** Returns the statement that sets it, or null for {@link #DEFAULT}. */
    String sql() {
      return sql;
    }
  }

  /** At most this many attempts. */
  public static final int MAX_ATTEMPTS = 20;

  private static final TransactionOptions DEFAULTS = new TransactionOptions();

  // Each setting is a field listed once, with its default; the copy constructor copies them all.
  private Isolation isolation = Isolation.DEFAULT;
  private int maxAttempts = 1;
  private Duration initialBackoff = Duration.ZERO;
  private Duration maxBackoff = Duration.ZERO;

  private TransactionOptions() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy:
  // every field of other, then the change, on an object nobody else has seen yet.
  private TransactionOptions(TransactionOptions other, Consumer<TransactionOptions> change) {
    this.isolation = other.isolation;
    this.maxAttempts = other.maxAttempts;
    this.initialBackoff = other.initialBackoff;
    this.maxBackoff = other.maxBackoff;
    change.accept(this);
  }

  /** Returns the defaults: the server's isolation level, one attempt (no retry). */
  public static TransactionOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the isolation level.
   *
   * @param isolation the level
   * @return a copy with the level
   */
  public TransactionOptions isolation(Isolation isolation) {
    Objects.requireNonNull(isolation, "isolation");
    return new TransactionOptions(this, copy -> copy.isolation = isolation);
  }

  /**
   * Runs the transaction again, up to {@code maxAttempts} times in all, when it fails with a
   * serialization failure (40001) or deadlock (40P01). Before attempt n+1 it sleeps a random time
   * up to {@code min(maxBackoff, initialBackoff * 2^(n-1))} ("full jitter"), so that conflicting
   * callers spread out. The callback must be idempotent: see the class comment.
   *
   * @param maxAttempts attempts in all, 1 (no retry) to {@value #MAX_ATTEMPTS}
   * @param initialBackoff the first backoff bound, 0 to 10 seconds
   * @param maxBackoff the largest backoff bound, at least {@code initialBackoff}, at most 60 seconds
   * @return a copy with retry
   * @throws IllegalArgumentException for values that make no sense, saying why
   */
  public TransactionOptions retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    SettingCheck.count("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS);
    SettingCheck.duration("initialBackoff", initialBackoff, Duration.ZERO, Duration.ofSeconds(10), "0 to 10 seconds");
    SettingCheck.duration("maxBackoff", maxBackoff, initialBackoff, Duration.ofSeconds(60),
        "initialBackoff (" + initialBackoff + ") to 60 seconds");
    return new TransactionOptions(this, copy -> {
      copy.maxAttempts = maxAttempts;
      copy.initialBackoff = initialBackoff;
      copy.maxBackoff = maxBackoff;
    });
  }

  /** Returns the isolation level. */
  public Isolation isolation() {
    return isolation;
  }

  /** Returns the number of attempts in all; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the first backoff bound. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Returns the largest backoff bound. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The backoff bound before the given attempt (2 or more), in nanoseconds. */
  long backoffBoundNanos(int nextAttempt) {
    long initial = initialBackoff.toNanos();
    long bound = initial << Math.min(30, nextAttempt - 2);
    if (bound < 0 || bound > maxBackoff.toNanos()) {
      bound = maxBackoff.toNanos();
    }
    return bound;
  }

  @Override
  public String toString() {
    return "TransactionOptions[isolation=" + isolation + ", maxAttempts=" + maxAttempts + ", backoff="
        + initialBackoff + ".." + maxBackoff + "]";
  }
}
