package dev.carriers.testing.mock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement a {@link MockDatabase} received.
 *
 * @param sql the SQL as the driver received it, with {@code ?} placeholders
 * @param bindings the bound values, in order (may contain nulls)
 */
public record ExecutedStatement(String sql, List<Object> bindings) {

  /**
   * Creates a record of a statement.
   *
   * @param sql the SQL
   * @param bindings the bound values, copied (nulls kept)
   */
  public ExecutedStatement {
    bindings = Collections.unmodifiableList(new ArrayList<>(bindings));
  }
}
