package dev.carriers.testing.mock;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockDataProvider;
import org.jooq.tools.jdbc.MockExecuteContext;
import org.jooq.tools.jdbc.MockResult;

/**
 * A database that answers from a script, for unit tests of code that uses the carriers DAO:
 * a {@link DataSource} whose connections (jOOQ's {@link MockConnection}) answer each statement from
 * the first rule whose pattern matches its SQL, and record every statement they receive. A
 * statement that no rule matches fails with an {@link SQLException} naming it, so a test never
 * passes on an answer nobody scripted.
 *
 * <pre>{@code
 * MockDatabase db = MockDatabase.create()
 *     .onQuery("from carriers where carriers\\.mc_number = \\?",
 *         MockDatabase.result(CARRIERS, new CarrierRecord(1L, "Acme", "123456", now, now, ACTIVE, 0L)))
 *     .onQuery("insert into carriers", MockDatabase.result(CARRIERS, created));
 * try (Carriers carriers = Carriers.configure().dataSource(db.dataSource()).load()) {
 *   new Onboarding(carriers.carriers()).register("Acme", "MC-123456");
 * }
 * assertThat(db.executed("insert into carriers")).isEmpty();
 * }</pre>
 *
 * <p>Patterns are regular expressions, matched case-insensitively anywhere in the SQL (jOOQ renders
 * lower-case keywords and {@code ?} placeholders). Rules are tried in the order they were added.
 * This tests your code's logic, not SQL: the SQL and constraints are tested against a real
 * PostgreSQL.
 *
 * <p>Thread-safe: rules may be added and statements run from any thread.
 */
public final class MockDatabase {

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<ExecutedStatement> executed = new CopyOnWriteArrayList<>();
  private final MockDataProvider provider = this::answer;

  private MockDatabase() {
  }

  /** Starts an empty script: every statement fails until a rule answers it. */
  public static MockDatabase create() {
    return new MockDatabase();
  }

  /**
   * Answers queries (including {@code insert ... returning}) that match a pattern with result
   * sets: the first match gets the first result, the next match the next, the last one repeats.
   *
   * @param sqlPattern a regular expression found in the SQL
   * @param results one or more results; see {@link #result(Table, Record...)}
   * @return this database
   */
  public MockDatabase onQuery(String sqlPattern, Result<?>... results) {
    if (results.length == 0) {
      throw new IllegalArgumentException("onQuery(\"" + sqlPattern + "\") needs at least one result");
    }
    MockResult[] answers = Arrays.stream(results)
        .map(result -> new MockResult(result.size(), result))
        .toArray(MockResult[]::new);
    return add(sqlPattern, answers);
  }

  /**
   * Answers updates and deletes that match a pattern with a row count.
   *
   * @param sqlPattern a regular expression found in the SQL
   * @param rowCount the rows affected
   * @return this database
   */
  public MockDatabase onUpdate(String sqlPattern, int rowCount) {
    return add(sqlPattern, new MockResult(rowCount, null));
  }

  /**
   * Fails statements that match a pattern, as the database would.
   *
   * @param sqlPattern a regular expression found in the SQL
   * @param error the failure, for example an {@code SQLException} with SQLState {@code 08006}
   * @return this database
   */
  public MockDatabase onError(String sqlPattern, SQLException error) {
    return add(sqlPattern, new MockResult(Objects.requireNonNull(error, "error")));
  }

  /**
   * Fails statements that match a pattern with an SQLState and message.
   *
   * @param sqlPattern a regular expression found in the SQL
   * @param sqlState such as {@code 40001}
   * @param message the server's message
   * @return this database
   */
  public MockDatabase onError(String sqlPattern, String sqlState, String message) {
    return onError(sqlPattern, new SQLException(message, sqlState));
  }

  /**
   * Builds a result of records of a table, such as the generated {@code CARRIERS}.
   *
   * @param <R> the record type
   * @param table the table
   * @param records the rows, none for an empty result
   * @return the result
   */
  @SafeVarargs
  public static <R extends Record> Result<R> result(Table<R> table, R... records) {
    Result<R> result = DSL.using(SQLDialect.POSTGRES).newResult(table);
    for (R record : records) {
      result.add(record);
    }
    return result;
  }

  /**
   * Returns a data source whose connections answer from this script; pass it to
   * {@code Carriers.configure().dataSource(...)}.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return new ScriptedDataSource();
  }

  /** Returns every statement received so far, in order. */
  public List<ExecutedStatement> executed() {
    return List.copyOf(executed);
  }

  /**
   * Returns the statements received so far whose SQL matches a pattern.
   *
   * @param sqlPattern a regular expression found in the SQL (case-insensitive)
   * @return the matching statements, in order
   */
  public List<ExecutedStatement> executed(String sqlPattern) {
    Pattern pattern = compile(sqlPattern);
    return executed.stream().filter(statement -> pattern.matcher(statement.sql()).find()).toList();
  }

  /** Forgets the statements received so far (the rules stay). */
  public void clearExecuted() {
    executed.clear();
  }

  private MockDatabase add(String sqlPattern, MockResult... answers) {
    rules.add(new Rule(compile(sqlPattern), answers));
    return this;
  }

  private static Pattern compile(String sqlPattern) {
    Objects.requireNonNull(sqlPattern, "sqlPattern");
    return Pattern.compile(sqlPattern, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  private MockResult[] answer(MockExecuteContext context) throws SQLException {
    if (context.batch()) {
      throw new SQLFeatureNotSupportedException("MockDatabase does not script batches: " + context.sql());
    }
    String sql = context.sql();
    Object[] bindings = context.bindings() == null ? new Object[0] : context.bindings();
    executed.add(new ExecutedStatement(sql, Arrays.asList(bindings)));
    for (Rule rule : rules) {
      if (rule.pattern.matcher(sql).find()) {
        MockResult answer = rule.next();
        if (answer.exception != null) {
          throw answer.exception;
        }
        return new MockResult[] {answer};
      }
    }
    throw new SQLException("MockDatabase has no answer scripted for: " + sql);
  }

  private static final class Rule {
    private final Pattern pattern;
    private final MockResult[] answers;
    private final AtomicInteger calls = new AtomicInteger();

    Rule(Pattern pattern, MockResult[] answers) {
      this.pattern = pattern;
      this.answers = answers;
    }

    MockResult next() {
      int call = calls.getAndIncrement();
      return answers[Math.min(call, answers.length - 1)];
    }
  }

  private final class ScriptedDataSource implements DataSource {

    @Override
    public Connection getConnection() {
      return new MockConnection(provider);
    }

    @Override
    public Connection getConnection(String username, String password) {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // No logging: nothing to write.
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // Connections are immediate.
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }

    @Override
    public String toString() {
      return "MockDatabase data source (" + rules.size() + " rules)";
    }
  }

  @Override
  public String toString() {
    List<String> patterns = new ArrayList<>();
    for (Rule rule : rules) {
      patterns.add(rule.pattern.pattern());
    }
    return "MockDatabase" + patterns;
  }
}
