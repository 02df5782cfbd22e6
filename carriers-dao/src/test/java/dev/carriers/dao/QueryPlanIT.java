package dev.carriers.dao;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carriers.dao.internal.Cursor;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.CarriersDatabase;
import java.io.StringReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The plans PostgreSQL chooses for every statement shape the DAO can send, on a million carriers
 * loaded with COPY and analyzed: each filter combination of list (first page and after a cursor)
 * and count, find by id and by MC number, create, update (each set of columns), delete (with and
 * without a version) and the version lookup after a stale write. The test drives the DAO itself,
 * captures each statement with its bound values, and asserts on the JSON plan tree that no node
 * reads carriers with a sequential scan. About 25 s on a
 * 2-core machine, most of it the load and the trigram index build.
 */
@CarriersDatabase
class QueryPlanIT {

  private static final int ROWS = 1_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

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
      // As in the development dataset: about 7% without an MC number, about 84/11/5% active, inactive,
      // out of service.
      long start = System.nanoTime();
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      // The trigram index is built once after the load, from its own definition (the same index),
      // rather than maintained row by row during the COPY.
      String trigram = query("select indexdef from pg_indexes where indexname = 'carriers_name_trgm_idx'", Map.of())
          .get(0);
      statement.execute("drop index carriers_name_trgm_idx");
      int chunk = 100_000;
      for (int from = 1; from <= ROWS; from += chunk) {
        StringBuilder rows = new StringBuilder(chunk * 60);
        for (int g = from; g < from + chunk; g++) {
          rows.append(g % 2000 == 0 ? "Bluebonnet Logistics " + g
              : "Carrier " + Integer.toHexString(g * 0x9E3779B1) + " Freight " + g).append('\t')
              .append(g % 14 == 0 ? "\\N" : Integer.toString(g)).append('\t')
              .append(g % 20 == 0 ? "OUT_OF_SERVICE" : g % 9 == 0 ? "INACTIVE" : "ACTIVE").append('\n');
        }
        copy.copyIn("copy carriers (name, mc_number, status) from stdin", new StringReader(rows.toString()));
      }
      long copied = System.nanoTime();
      statement.execute("set maintenance_work_mem = '256MB'");
      statement.execute(trigram);
      long indexed = System.nanoTime();
      // What autovacuum does to a loaded table: statistics, and the visibility map index-only scans use.
      statement.execute("vacuum analyze carriers");
      System.out.printf("[QueryPlanIT] %d rows: COPY %d ms, trigram index %d ms, VACUUM ANALYZE %d ms%n", ROWS,
          (copied - start) / 1_000_000, (indexed - copied) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
    carriers = Carriers.configure().dataSource(recording(dataSource)).load();
  }

  @AfterAll
  static void close() {
    carriers.close();
  }

  @Test
  void everyStatementShape_readsCarriersWithoutASequentialScan() throws Exception {
    CarrierDao dao = carriers.carriers();
    synchronized (captured) {
      captured.clear();
    }
    // Every filter combination: name contains, status, has an MC number (yes, no, either).
    for (String name : new String[] {null, "bluebonnet"}) {
      for (CarrierStatus status : new CarrierStatus[] {null, CarrierStatus.ACTIVE, CarrierStatus.OUT_OF_SERVICE}) {
        for (Boolean hasMc : new Boolean[] {null, true, false}) {
          CarrierQuery query = CarrierQuery.all().pageSize(100);
          query = name == null ? query : query.nameContains(name);
          query = status == null ? query : query.status(status);
          query = hasMc == null ? query : query.hasMcNumber(hasMc);
          dao.count(query);
          dao.list(query);
          dao.list(query.after(Cursor.encode(ROWS / 2, Cursor.fingerprint(query.filterDescription()))));
        }
      }
    }
    dao.findById(ROWS / 3);
    dao.getById(ROWS / 3 + 1);
    dao.findByMcNumber("MC-" + (ROWS / 3 + 2));
    // Writes, each rolled back so that the table stays as loaded.
    try {
      writesRolledBack();
    } catch (RolledBack expected) {
      // The writes were sent and undone.
    }

    Map<String, Captured> shapes = new LinkedHashMap<>();
    synchronized (captured) {
      for (Captured statement : captured) {
        shapes.putIfAbsent(statement.sql(), statement);
      }
    }
    // 18 counts and first pages would be 18 each with every combination; the DAO's shapes are
    // 12 per kind (3 x 2 x 2 filter sets), plus the point statements.
    assertThat(shapes.keySet().stream().filter(sql -> sql.startsWith("select count(*)"))).hasSize(12);
    assertThat(shapes.keySet().stream().filter(sql -> sql.startsWith("update carriers"))).hasSize(7);
    assertThat(shapes.keySet().stream().filter(sql -> sql.startsWith("delete from carriers"))).hasSize(2);
    assertThat(shapes.keySet().stream().filter(sql -> sql.startsWith("insert into carriers"))).hasSize(3);
    List<String> sequential = new ArrayList<>();
    for (Captured statement : shapes.values()) {
      JsonNode plan = explain(statement);
      List<String> scans = new ArrayList<>();
      collectScans(plan, scans);
      if (scans.stream().anyMatch(scan -> scan.startsWith("Seq Scan"))) {
        sequential.add(statement.sql() + "\n  " + scans);
      }
    }
    System.out.println("[QueryPlanIT] " + shapes.size() + " statement shapes explained at " + ROWS + " rows");
    assertThat(sequential).as("statements that read carriers with a sequential scan").isEmpty();
  }

  /** Sends every write shape in a transaction, and rolls it back. */
  private static void writesRolledBack() {
    carriers.useTransaction(tx -> {
      CarrierDao inTx = tx.carriers();
      CarrierRecord created = inTx.create(NewCarrier.of("Plan Test Freight", "99999999"));
      inTx.create(NewCarrier.of("Plan Test Status", null, CarrierStatus.INACTIVE));
      inTx.createAll(List.of(NewCarrier.of("Plan A", null), NewCarrier.of("Plan B", null)));
      CarrierRecord read = inTx.getById(100);
      for (CarrierUpdate change : new CarrierUpdate[] {CarrierUpdate.create().name("n"),
          CarrierUpdate.create().mcNumber("99999998"), CarrierUpdate.create().status(CarrierStatus.INACTIVE),
          CarrierUpdate.create().name("n").mcNumber("99999997"), CarrierUpdate.create().name("n").status(
              CarrierStatus.ACTIVE), CarrierUpdate.create().mcNumber(null).status(CarrierStatus.ACTIVE),
          CarrierUpdate.create().name("m").mcNumber("99999996").status(CarrierStatus.OUT_OF_SERVICE)}) {
        read = inTx.update(read, change);
      }
      try {
        inTx.update(read.getId(), read.getVersion() - 1, CarrierUpdate.create().name("stale"));
      } catch (StaleCarrierException expected) {
        // Sends the version lookup.
      }
      inTx.delete(created.getId(), created.getVersion());
      inTx.delete(101);
      throw new RolledBack();
    });

  }

  @Test
  void countsOfAllAndOfAStatus_useIndexOnlyScans() throws Exception {
    carriers.carriers().count();
    assertThat(scansOfLast("select count(*)")).singleElement().asString()
        .startsWith("Index Only Scan using carriers_status_idx");
    carriers.carriers().count(CarrierQuery.all().status(CarrierStatus.ACTIVE));
    assertThat(scansOfLast("select count(*)")).singleElement().asString()
        .startsWith("Index Only Scan using carriers_status_idx");
    carriers.carriers().count(CarrierQuery.all().hasMcNumber(true));
    assertThat(scansOfLast("select count(*)")).singleElement().asString()
        .startsWith("Index Only Scan using carriers_status_with_mc_number_idx");
  }

  @Test
  void nameFilter_usesTheTrigramIndex() throws Exception {
    CarrierQuery query = CarrierQuery.all().nameContains("bluebonnet").pageSize(100);
    Page<CarrierRecord> page = carriers.carriers().list(query);
    assertThat(page.items()).hasSize(100).allMatch(c -> c.getName().startsWith("Bluebonnet"));
    assertThat(scansOfLast("select")).contains("Bitmap Index Scan using carriers_name_trgm_idx");
    System.out.println("[QueryPlanIT] name contains 'bluebonnet', first page of 100:\n" + explainText(last("select")));
  }

  @Test
  void deepKeysetPage_readsOnlyOnePageFromThePrimaryKey() throws Exception {
    CarrierQuery query = CarrierQuery.all().pageSize(100);
    long deep = ROWS - 5_000;
    String cursor = Cursor.encode(deep, Cursor.fingerprint(query.filterDescription()));
    Page<CarrierRecord> page = carriers.carriers().list(query.after(cursor));
    assertThat(page.items()).hasSize(100);
    assertThat(page.items().get(0).getId()).isEqualTo(deep + 1);

    String plan = explainText(last("select"));
    System.out.println("[QueryPlanIT] keyset page of 100 after id " + deep + ":\n" + plan);
    assertThat(plan).contains("Index Scan using carriers_pkey").doesNotContain("Seq Scan").doesNotContain("Sort");
    // 101 rows read (a page and one to know a next page exists), as deep as it is.
    assertThat(plan).containsPattern("Index Scan using carriers_pkey.*\\n?.*actual rows=101 ");
  }

  /** Thrown to roll the writes back. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** The scans (node type and index or relation) of the plan of the last captured statement that starts so. */
  private static List<String> scansOfLast(String start) throws SQLException, java.io.IOException {
    List<String> scans = new ArrayList<>();
    collectScans(explain(last(start)), scans);
    return scans;
  }

  private static Captured last(String start) {
    Captured last = null;
    synchronized (captured) {
      for (Captured statement : captured) {
        if (statement.sql().startsWith(start)) {
          last = statement;
        }
      }
    }
    assertThat(last).as("a captured statement starting with " + start).isNotNull();
    return last;
  }

  /** Each node of a plan that reads a relation or an index, as {@code Seq Scan on carriers} or {@code Index Scan using x}. */
  private static void collectScans(JsonNode node, List<String> scans) {
    String type = node.path("Node Type").asText();
    if (node.has("Index Name")) {
      scans.add(type + " using " + node.get("Index Name").asText());
    } else if (node.has("Relation Name") && !type.equals("ModifyTable")) {
      scans.add(type + " on " + node.get("Relation Name").asText());
    }
    for (JsonNode child : node.path("Plans")) {
      collectScans(child, scans);
    }
  }

  /** The JSON plan of a statement with its bound values; a write is explained, not run. */
  private static JsonNode explain(Captured statement) throws SQLException, java.io.IOException {
    String text = query("explain (format json) " + statement.sql(), statement.bindings()).get(0);
    return JSON.readTree(text).get(0).get("Plan");
  }

  /** EXPLAIN ANALYZE of a read, as text. */
  private static String explainText(Captured statement) throws SQLException {
    return String.join("\n", query("explain (analyze, costs off, timing off, summary off) " + statement.sql(),
        statement.bindings()));
  }

  private static List<String> query(String sql, Map<Integer, Object> bindings) throws SQLException {
    try (Connection connection = raw.getConnection(); PreparedStatement explain = connection.prepareStatement(sql)) {
      for (Map.Entry<Integer, Object> binding : bindings.entrySet()) {
        explain.setObject(binding.getKey(), binding.getValue());
      }
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
      return lines;
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
