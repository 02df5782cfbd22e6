package dev.carriers.seed;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Plain-JDBC look-ups for the seed tests (their databases come from {@code @CarriersDatabase}). */
final class Databases {

  private Databases() {
  }

  /** A carrier as stored. */
  record Stored(long id, String name, String mcNumber, CarrierStatus status) {
    SeedRow asRow(String key) {
      return new SeedRow(key, name, mcNumber, status);
    }
  }

  static List<Stored> carriers(DataSource dataSource) {
    List<Stored> rows = new ArrayList<>();
    query(dataSource, "select id, name, mc_number, status::text from carriers order by id", r -> rows.add(
        new Stored(r.getLong(1), r.getString(2), r.getString(3), CarrierStatus.valueOf(r.getString(4)))));
    return rows;
  }

  /** Carrier content by seed key, for one environment. */
  static Map<String, SeedRow> seeded(DataSource dataSource, Environment environment) {
    Map<String, SeedRow> rows = new HashMap<>();
    query(dataSource, "select t.seed_key, c.name, c.mc_number, c.status::text from seeded_carrier_keys t"
        + " join carriers c on c.id = t.carrier_id where t.environment = '" + environment.id() + "'",
        r -> rows.put(r.getString(1), new SeedRow(r.getString(1), r.getString(2), r.getString(3),
            CarrierStatus.valueOf(r.getString(4)))));
    return rows;
  }

  /** Each carrier's id and xmin: a row rewritten by any statement gets a new xmin. */
  static Map<Long, Long> versions(DataSource dataSource) {
    Map<Long, Long> versions = new HashMap<>();
    query(dataSource, "select id, xmin::text::bigint from carriers", r -> versions.put(r.getLong(1), r.getLong(2)));
    return versions;
  }

  static long count(DataSource dataSource, String table) {
    long[] count = new long[1];
    query(dataSource, "select count(*) from " + table, r -> count[0] = r.getLong(1));
    return count[0];
  }

  static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  interface RowHandler {
    void handle(ResultSet row) throws SQLException;
  }

  static void query(DataSource dataSource, String sql, RowHandler handler) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        handler.handle(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
