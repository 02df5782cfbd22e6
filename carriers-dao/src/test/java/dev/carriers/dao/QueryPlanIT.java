package dev.carriers.dao;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.dao.internal.Cursor;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.CarriersDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans PostgreSQL chooses for the exact statements the DAO sends, on 100,000 carriers: the
 * name filter uses the trigram index, and a deep keyset page reads the primary key index from the
 * cursor on, no more rows than a first page (no Seq Scan, no Sort of everything).
 */
@CarriersDatabase
class QueryPlanIT {

  private static final int ROWS = 100_000;

  private static DataSource raw;
  private static final List<Captured> captured = new ArrayList<>();
  private static Carriers carriers;

  /** A statement the DAO prepared, with the values it bound. */
  private record Captured(String sql, Map<Integer, Object> bindings) {
  }

  @BeforeAll
  static void load(DataSource dataSource) throws SQLException {
    raw = dataSource;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("insert into carriers(name, mc_number, status)"
          + " select case when g % 2000 = 0 then 'Bluebonnet Logistics ' || g else 'Carrier ' || md5(g::text) end,"
          + " case when g % 3 = 0 then null else g::text end,"
          + " (array['ACTIVE','INACTIVE','OUT_OF_SERVICE'])[1 + g % 3]::carrier_status"
          + " from generate_series(1, " + ROWS + ") g");
      statement.execute("analyze carriers");
    }
    carriers = Carriers.configure().dataSource(recording(dataSource)).load();
  }

  @AfterAll
  static void close() {
    carriers.close();
  }

  @Test
  void nameFilter_usesTheTrigramIndex() throws SQLException {
    CarrierQuery query = CarrierQuery.all().nameContains("bluebonnet").pageSize(100);
    Page<CarrierRecord> page = carriers.carriers().list(query);
    assertThat(page.items()).hasSize(ROWS / 2000).allMatch(c -> c.getName().startsWith("Bluebonnet"));

    String plan = explainLast("select");
    System.out.println("[QueryPlanIT] name contains 'bluebonnet', first page of 100:\n" + plan);
    assertThat(plan).contains("carriers_name_trgm_idx").doesNotContain("Seq Scan");
  }

  @Test
  void deepKeysetPage_readsOnlyOnePageFromThePrimaryKey() throws SQLException {
    CarrierQuery query = CarrierQuery.all().pageSize(100);
    long deep = ROWS - 5_000;
    String cursor = Cursor.encode(deep, Cursor.fingerprint(query.filterDescription()));
    Page<CarrierRecord> page = carriers.carriers().list(query.after(cursor));
    assertThat(page.items()).hasSize(100);
    assertThat(page.items().get(0).getId()).isEqualTo(deep + 1);

    String plan = explainLast("select");
    System.out.println("[QueryPlanIT] keyset page of 100 after id " + deep + ":\n" + plan);
    assertThat(plan).contains("Index Scan using carriers_pkey").doesNotContain("Seq Scan").doesNotContain("Sort");
    // 101 rows read (a page and one to know a next page exists), as deep as it is.
    assertThat(plan).containsPattern("Index Scan using carriers_pkey.*\\n?.*actual rows=101 ");
  }

  /** EXPLAIN ANALYZE of the last statement the DAO sent that contains a word. */
  private static String explainLast(String word) throws SQLException {
    Captured last = null;
    synchronized (captured) {
      for (Captured statement : captured) {
        if (statement.sql().contains(word)) {
          last = statement;
        }
      }
    }
    assertThat(last).as("a captured statement with " + word).isNotNull();
    try (Connection connection = raw.getConnection();
        PreparedStatement explain = connection.prepareStatement(
            "explain (analyze, costs off, timing off, summary off) " + last.sql())) {
      for (Map.Entry<Integer, Object> binding : last.bindings().entrySet()) {
        explain.setObject(binding.getKey(), binding.getValue());
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  /** A data source that records the SQL and bound values of every statement prepared on it. */
  private static DataSource recording(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(QueryPlanIT.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection connection ? recordingConnection(connection) : result;
        });
  }

  private static Connection recordingConnection(Connection target) {
    return (Connection) Proxy.newProxyInstance(QueryPlanIT.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
            Captured capture = new Captured((String) args[0], new TreeMap<>());
            synchronized (captured) {
              captured.add(capture);
            }
            return recordingStatement(statement, capture);
          }
          return result;
        });
  }

  private static PreparedStatement recordingStatement(PreparedStatement target, Captured capture) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index
          && method.getParameterTypes()[0] == int.class) {
        capture.bindings().put(index, method.getName().equals("setNull") ? null : args[1]);
      }
      return invoke(target, method, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(QueryPlanIT.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
