package dev.carriers.dao.monitoring;

/**
 * The names of the meters a {@link dev.carriers.dao.Carriers} records on the registry given to
 * {@link dev.carriers.dao.CarriersConfiguration#meterRegistry}, and of their tags: API, since
 * dashboards and alert rules ({@code deploy/prometheus/carriers-rules.yml}) are written against
 * them. In Prometheus the dots become underscores and timers gain {@code _seconds_count},
 * {@code _seconds_sum} and {@code _seconds_max} ({@code carriers_dao_seconds_count}).
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>meter</th><th>type</th><th>tags</th><th>what</th></tr>
 * <tr><td>{@value #OPERATION_TIMER}</td><td>timer</td><td>{@code operation}, {@code outcome}</td>
 * <td>each {@code CarrierDao} call; {@code outcome} is {@value #SUCCESS}, the
 * {@link dev.carriers.ErrorKind} of the failure in lower case ({@code duplicate},
 * {@code database_unavailable}, ...) or {@value #UNEXPECTED}</td></tr>
 * <tr><td>{@value #TRANSACTION_TIMER}</td><td>timer</td><td>{@code isolation}, {@code outcome}</td>
 * <td>each top-level {@code inTransaction}/{@code useTransaction}, all its attempts included;
 * {@code outcome} as above, or {@value #ROLLED_BACK} when the callback threw its own exception</td></tr>
 * <tr><td>{@value #TRANSACTION_RETRIES}</td><td>counter</td><td>{@code isolation}</td>
 * <td>attempts run again after a serialization failure or deadlock</td></tr>
 * <tr><td>{@value #SLOW_STATEMENTS}</td><td>counter</td><td>{@code operation}</td>
 * <td>statements that ran at least the slow-statement threshold (each also logged)</td></tr>
 * <tr><td>{@code hikaricp.connections.*}</td><td>HikariCP's</td><td>{@code pool}</td>
 * <td>the pool, by HikariCP's own Micrometer tracker, when the {@code Carriers} owns it:
 * {@code active}, {@code idle}, {@code pending}, {@code max}, {@code acquire} (timer),
 * {@code timeout} (counter), {@code usage}, {@code creation}</td></tr>
 * </table>
 *
 * <p>Timers publish no histogram by default, as Micrometer's own binders do: turn one on for your
 * registry with a {@code MeterFilter} (Spring Boot:
 * {@code management.metrics.distribution.percentiles-histogram.carriers.dao=true}) to get
 * {@code _seconds_bucket} series for quantiles.
 */
public final class DaoMetrics {

  /** The timer of each DAO call. */
  public static final String OPERATION_TIMER = "carriers.dao";

  /** The timer of each top-level transaction. */
  public static final String TRANSACTION_TIMER = "carriers.transaction";

  /** The counter of transaction attempts run again after a conflict. */
  public static final String TRANSACTION_RETRIES = "carriers.transaction.retries";

  /** The counter of slow statements. */
  public static final String SLOW_STATEMENTS = "carriers.dao.slow.statements";

  /** The tag naming the DAO call, such as {@code find_by_id}. */
  public static final String OPERATION_TAG = "operation";

  /** The tag naming how a call or transaction ended. */
  public static final String OUTCOME_TAG = "outcome";

  /** The tag naming a transaction's isolation level, such as {@code default} or {@code serializable}. */
  public static final String ISOLATION_TAG = "isolation";

  /** The outcome of a call or transaction that succeeded. */
  public static final String SUCCESS = "success";

  /** The outcome of a call that failed with an exception the library did not type (a bug, or bad arguments). */
  public static final String UNEXPECTED = "unexpected";

  /** The outcome of a transaction rolled back because its callback threw an exception of its own. */
  public static final String ROLLED_BACK = "rolled_back";

  private DaoMetrics() {
  }
}
