package dev.carriers.testing;

import dev.carriers.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What the kit's tests look up on the server, outside the kit. */
final class Catalog {

  private Catalog() {
  }

  /** Tells whether a database of that name exists on the server. */
  static boolean exists(PostgresServer server, String database) throws SQLException {
    try (Connection admin = server.connect(server.maintenanceDatabase());
        PreparedStatement statement = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
      statement.setString(1, database);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Returns the number of tables in a database's public schema. */
  static int tables(DataSource dataSource) throws SQLException {
    return Integer.parseInt(scalar(dataSource,
        "select count(*) from information_schema.tables where table_schema = 'public'"));
  }

  /** Returns the first column of the first row of a query, as text. */
  static String scalar(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
