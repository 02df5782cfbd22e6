package dev.carriers.dao;

/**
 * Work done in a transaction. Use only the {@link CarriersTransaction} handed in: its DAO and
 * {@code DSLContext} run on the transaction's connection, while a captured outer {@link Carriers}
 * or {@code DSLContext} would run outside it.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionCallback<T> {

  /**
   * Does the work.
   *
   * @param tx the transaction
   * @return the result, returned by {@code inTransaction} after commit
   */
  T run(CarriersTransaction tx);
}
