package dev.carriers.dao.internal;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DAO's instruments: its {@link DaoMeters} and the slow-statement log. Every statement the DAO
 * sends is timed here; one that runs at least the threshold is logged once, at WARN, on the logger
 * {@value #SLOW_STATEMENT_LOGGER}, with its operation, SQL (with {@code ?} placeholders), duration
 * and row count, and counted when metered. Bound values are left out (carrier names are business
 * data) unless the configuration opts in; then they are bound a second time, onto a recorder,
 * only for a statement that was slow.
 *
 * <p>Immutable and thread-safe.
 */
public final class Instruments {

  /** The logger slow statements go to. */
  public static final String SLOW_STATEMENT_LOGGER = "dev.carriers.dao.slow";

  private static final Logger SLOW = LoggerFactory.getLogger(SLOW_STATEMENT_LOGGER);

  /** The longest SQL a slow-statement line shows. */
  static final int MAX_SQL = 1000;

  private final DaoMeters meters;
  private final long slowNanos;
  private final long slowMillis;
  private final boolean logValues;

  /**
   * Creates the instruments.
   *
   * @param meters where metrics go ({@link DaoMeters#NONE} for none)
   * @param slowThreshold the duration from which a statement is logged as slow, or null for no log
   * @param logValues whether a slow statement's log line shows its bound values
   */
  public Instruments(DaoMeters meters, java.time.Duration slowThreshold, boolean logValues) {
    this.meters = meters;
    this.slowNanos = slowThreshold == null ? Long.MAX_VALUE : slowThreshold.toNanos();
    this.slowMillis = slowThreshold == null ? 0 : slowThreshold.toMillis();
    this.logValues = logValues;
  }

  /** Returns the meters. */
  public DaoMeters meters() {
    return meters;
  }

  /**
   * Tells a statement that ended, successfully or not: logs and counts it if it was slow.
   *
   * @param operation the call that sent it
   * @param sql the SQL, with {@code ?} placeholders
   * @param startNanos {@link System#nanoTime()} before it was sent
   * @param rows the rows it returned or changed, or -1 when it failed
   * @param binder how its parameters were bound, to show them when the configuration asks for it;
   *     null when not known
   */
  public void statementEnded(Operation operation, String sql, long startNanos, long rows, StatementBinder binder) {
    long nanos = System.nanoTime() - startNanos;
    if (nanos >= slowNanos) {
      slow(operation, sql, nanos, rows, binder == null ? null : () -> boundValues(binder));
    }
  }

  /**
   * Tells a statement that jOOQ rendered and ran (a multi-row insert) that ended: logs and counts it
   * if it was slow, rendering its SQL only then.
   *
   * @param operation the call that sent it
   * @param query the statement
   * @param startNanos {@link System#nanoTime()} before it was sent
   * @param rows the rows it returned or changed, or -1 when it failed
   */
  public void statementEnded(Operation operation, org.jooq.Query query, long startNanos, long rows) {
    long nanos = System.nanoTime() - startNanos;
    if (nanos >= slowNanos) {
      slow(operation, query.getSQL(), nanos, rows, () -> query.getBindValues().toString());
    }
  }

  private void slow(Operation operation, String sql, long nanos, long rows, Supplier<String> values) {
    meters.slowStatement(operation);
    if (!SLOW.isWarnEnabled()) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    String outcome = rows < 0 ? "failed after " + millis + " ms" : "took " + millis + " ms, " + rows
        + (rows == 1 ? " row" : " rows");
    // A multi-row insert renders a thousand VALUES groups: its start says enough.
    String shown = sql.length() <= MAX_SQL ? sql : sql.substring(0, MAX_SQL) + "... (" + sql.length() + " characters)";
    SLOW.warn("slow statement: {} {} (threshold {} ms): {}{}", operation.description(), outcome, slowMillis,
        shown, logValues && values != null ? "; values " + values.get() : "");
  }

  /** The values a binder binds, by parameter index, recorded on a stand-in statement. */
  private static String boundValues(StatementBinder binder) {
    Map<Integer, Object> values = new TreeMap<>();
    PreparedStatement recorder = (PreparedStatement) Proxy.newProxyInstance(Instruments.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("set") && args != null && args.length >= 2
              && args[0] instanceof Integer index) {
            values.put(index, method.getName().equals("setNull") ? null : args[1]);
          }
          return null;
        });
    try {
      binder.bind(recorder);
    } catch (SQLException | RuntimeException e) {
      return "(not recorded: " + e.getMessage() + ")";
    }
    return values.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
