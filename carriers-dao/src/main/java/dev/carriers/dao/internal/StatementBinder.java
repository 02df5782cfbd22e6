package dev.carriers.dao.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a statement's parameters; may be called again, on a recorder, to log the values it binds. */
@FunctionalInterface
public interface StatementBinder {

  /**
   * Binds the parameters.
   *
   * @param statement the statement
   * @throws SQLException if binding fails
   */
  void bind(PreparedStatement statement) throws SQLException;
}
