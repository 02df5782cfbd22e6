package dev.carriers.schema.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Sets {@code lock_timeout} and {@code statement_timeout} on every connection Flyway opens (its
 * {@code afterConnect} event, which replaces the deprecated {@code initSql}), so on the one that
 * applies the migrations. Session-level: a script's own {@code set local} still wins inside it.
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
}
