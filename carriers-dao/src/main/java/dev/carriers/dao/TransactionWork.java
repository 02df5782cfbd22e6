package dev.carriers.dao;

/**
 * Work without a result done in a transaction; see {@link TransactionCallback}.
 */
@FunctionalInterface
public interface TransactionWork {

  /**
   * Does the work.
   *
   * @param tx the transaction
   */
  void run(CarriersTransaction tx);
}
