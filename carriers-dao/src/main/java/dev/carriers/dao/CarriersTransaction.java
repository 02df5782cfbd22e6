package dev.carriers.dao;

import dev.carriers.dao.internal.DaoMeters;
import dev.carriers.dao.internal.ErrorTranslator;
import dev.carriers.dao.internal.Instruments;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

/**
 * An open transaction, handed to a {@link TransactionCallback}: its DAO and {@code DSLContext}
 * run on the transaction's connection. Valid only inside the callback.
 *
 * <pre>{@code
 * carriers.inTransaction(tx -> {
 *   CarrierRecord a = tx.carriers().create(NewCarrier.of("A", null));
 *   tx.useTransaction(inner -> inner.carriers().delete(a.getId()));   // a savepoint
 *   return a;
 * });
 * }</pre>
 *
 * <p>Not thread-safe: a transaction is one connection; use it from the callback's thread only.
 */
public final class CarriersTransaction {

  private final DSLContext dsl;
  private final Instruments instruments;
  private final CarrierDao carriers;

  CarriersTransaction(DSLContext dsl, Instruments instruments) {
    this.dsl = dsl;
    this.instruments = instruments;
    this.carriers = new CarrierDao(dsl, instruments);
  }

  /** Returns the carriers DAO bound to this transaction. */
  public CarrierDao carriers() {
    return carriers;
  }

  /**
   * Returns jOOQ bound to this transaction, for queries the DAO does not offer. Failures of such
   * queries are translated into typed exceptions when they leave the transaction.
   *
   * @return the transaction's context
   */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Runs work in a nested transaction: a savepoint. If the work throws, the database goes back to
   * the savepoint and the exception propagates (and, unless caught, rolls back the outer
   * transaction too).
   *
   * @param <T> the result type
   * @param callback the work
   * @return its result
   */
  public <T> T inTransaction(TransactionCallback<T> callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      return dsl.transactionResult(configuration -> callback.run(new CarriersTransaction(configuration.dsl(),
          instruments)));
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate("nested transaction", e);
    }
  }

  /**
   * Runs work without a result in a nested transaction (a savepoint); see {@link #inTransaction}.
   *
   * @param work the work
   */
  public void useTransaction(TransactionWork work) {
    Objects.requireNonNull(work, "work");
    inTransaction(tx -> {
      work.run(tx);
      return null;
    });
  }

  /**
   * Runs a top-level transaction with the given options, retrying as they say; when metered, times
   * it (all attempts) and counts its retries.
   */
  static <T> T run(DSLContext root, Instruments instruments, TransactionOptions options,
      TransactionCallback<T> callback) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(callback, "callback");
    DaoMeters meters = instruments.meters();
    if (!meters.enabled()) {
      return attempts(root, instruments, options, callback);
    }
    String isolation = options.isolation().name().toLowerCase(Locale.ROOT);
    long start = System.nanoTime();
    try {
      T result = attempts(root, instruments, options, callback);
      meters.transaction(isolation, System.nanoTime() - start, null);
      return result;
    } catch (RuntimeException e) {
      meters.transaction(isolation, System.nanoTime() - start, e);
      throw e;
    }
  }

  private static <T> T attempts(DSLContext root, Instruments instruments, TransactionOptions options,
      TransactionCallback<T> callback) {
    for (int attempt = 1; ; attempt++) {
      try {
        return root.transactionResult(configuration -> {
          DSLContext tx = configuration.dsl();
          String isolation = options.isolation().sql();
          if (isolation != null) {
            // Must be the transaction's first statement; it lasts for this transaction only, so
            // the pooled connection goes back unchanged.
            tx.execute(isolation);
          }
          return callback.run(new CarriersTransaction(tx, instruments));
        });
      } catch (RuntimeException e) {
        RuntimeException translated = ErrorTranslator.translate("transaction", e);
        if (!(translated instanceof TransactionConflictException conflict)) {
          throw translated;
        }
        if (attempt >= options.maxAttempts()) {
          if (options.maxAttempts() == 1) {
            throw conflict;
          }
          throw new TransactionConflictException("transaction failed after " + attempt + " attempts: "
              + conflict.getMessage(), conflict.sqlState(), attempt, conflict);
        }
        instruments.meters().retry(options.isolation().name().toLowerCase(Locale.ROOT));
        backOff(options, attempt + 1, conflict);
      }
    }
  }

  private static void backOff(TransactionOptions options, int nextAttempt, TransactionConflictException conflict) {
    long bound = options.backoffBoundNanos(nextAttempt);
    if (bound <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      conflict.addSuppressed(interrupted);
      throw conflict;
    }
  }
}
