package dev.carriers.schema.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Sets {@code lock_timeout} and {@code statement_timeout} on every connection Flyway opens (its
 * {@code afterConnect} event, which replaces the deprecated {@code initSql}), so on the one that
 * applies the migrations, and, through {@link #wrap(DataSource)}, on every connection that rollback,
 * dry-run and baseline open: none of them may queue traffic behind a lock it waits for.
 * Session-level: a script's own {@code set local} still wins inside it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionSettings implements Callback {

  private final String sql;

  /**
   * Creates the callback.
   *
   * @param lockTimeout the {@code lock_timeout}
   * @param statementTimeout the {@code statement_timeout}; zero for none
   */
  public SessionSettings(Duration lockTimeout, Duration statementTimeout) {
    this.sql = "set lock_timeout = '" + lockTimeout.toMillis() + "ms'; set statement_timeout = '"
        + statementTimeout.toMillis() + "ms'";
  }

  /**
   * Returns a data source whose connections come with these settings applied.
   *
   * @param dataSource the database
   * @return a view of it that sets the timeouts on each new connection
   */
  public DataSource wrap(DataSource dataSource) {
    return new TimedDataSource(dataSource, sql);
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_CONNECT;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new FlywayException("setting the migration session's timeouts failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String getCallbackName() {
    return "carriers-session-settings";
  }

  /** A data source that runs the settings on each connection it hands out. */
  private static final class TimedDataSource implements DataSource {

    private final DataSource delegate;
    private final String sql;

    TimedDataSource(DataSource delegate, String sql) {
      this.delegate = delegate;
      this.sql = sql;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return applied(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return applied(delegate.getConnection(user, password));
    }

    private Connection applied(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return type.isInstance(this) || delegate.isWrapperFor(type);
    }
  }
}
