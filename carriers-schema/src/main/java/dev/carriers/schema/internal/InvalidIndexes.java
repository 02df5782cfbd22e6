package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.lifecycle.InvalidIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds the invalid indexes of a database ({@code pg_index.indisvalid = false}) outside the system
 * schemas.
 *
 * <p>Stateless; thread-safe.
 */
public final class InvalidIndexes {

  private static final String QUERY = """
      select n.nspname, c.relname, t.relname, pg_get_indexdef(i.indexrelid)
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
       where not i.indisvalid
         and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_toast%'
       order by n.nspname, c.relname""";

  private InvalidIndexes() {
  }

  /**
   * Lists the invalid indexes on a connection of its own.
   *
   * @param dataSource the database
   * @return them, by schema and name; empty when all are valid
   * @throws MigrationException if the database cannot be read
   */
  public static List<InvalidIndex> list(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return list(connection);
    } catch (SQLException e) {
      throw new MigrationException("invalid-index check failed: " + e.getMessage(), e);
    }
  }

  /**
   * Lists the invalid indexes on a connection the caller holds (the stats checks' own, with its
   * timeouts).
   *
   * @param connection the connection
   * @return them, by schema and name; empty when all are valid
   * @throws SQLException if the catalog cannot be read
   */
  public static List<InvalidIndex> list(Connection connection) throws SQLException {
    List<InvalidIndex> found = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(QUERY);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        found.add(new InvalidIndex(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return found;
  }
}
