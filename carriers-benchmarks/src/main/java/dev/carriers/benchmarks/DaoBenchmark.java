package dev.carriers.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.carriers.DatabaseUrl;
import dev.carriers.dao.CarrierDao;
import dev.carriers.dao.CarrierQuery;
import dev.carriers.dao.CarrierUpdate;
import dev.carriers.dao.Carriers;
import dev.carriers.dao.NewCarrier;
import dev.carriers.dao.Page;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.TestDatabase;
import dev.carriers.testing.TestDatabaseFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The DAO against hand-written pgjdbc PreparedStatements on the same HikariCP pool, in one run on
 * one server, with 100,000 carriers loaded: find by id, find by MC number, create, update and a
 * keyset page of 100. Each iteration times one DAO call and one raw call back to back, so both
 * see the same server and JIT conditions; p50 and p99 of each, and their ratios.
 *
 * <p>Usage: {@code DaoBenchmark [iterations] [warmup]}; run through
 * {@code ./mvnw -B -q verify -DskipTests -Pbench -Dbench=dao -pl carriers-benchmarks -am}.
 */
final class DaoBenchmark {

  private static final int ROWS = 100_000;
  private static final String COLUMNS = "id, name, mc_number, created_at, updated_at, status, version";

  private DaoBenchmark() {
  }

  /** What hand-written JDBC code typically maps a row to. */
  private record Row(long id, String name, String mcNumber, OffsetDateTime createdAt, OffsetDateTime updatedAt,
      String status, long version) {
  }

  interface Op {
    void run(int i) throws Exception;
  }

  static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;

    TestDatabaseFactory factory = TestDatabaseFactory.configure().locations("classpath:db/migration").prefetch(0).load();
    try (TestDatabase database = factory.create()) {
      load(database.dataSource());
      DatabaseUrl url = DatabaseUrl.parse(database.jdbcUrlWithCredentials());
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url.jdbcUrl());
      config.setDataSourceProperties(url.connectionProperties());
      config.setMaximumPoolSize(2);
      try (HikariDataSource pool = new HikariDataSource(config);
          Carriers carriers = Carriers.configure().dataSource(pool).load()) {
        run(carriers.carriers(), pool, iterations, warmup);
      }
    }
  }

  static void load(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("insert into carriers(name, mc_number, status)"
          + " select 'Carrier ' || g, g::text, (array['ACTIVE','INACTIVE','OUT_OF_SERVICE'])[1 + g % 3]::carrier_status"
          + " from generate_series(1, " + ROWS + ") g");
      statement.execute("vacuum analyze carriers");
    }
  }

  private static void run(CarrierDao dao, DataSource pool, int iterations, int warmup) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    int total = iterations + warmup;
    int[] ids = new int[total];
    for (int i = 0; i < total; i++) {
      ids[i] = 1 + random.nextInt(ROWS);
    }
    // Updates: the DAO updates the lower half, raw JDBC the upper half, each tracking versions.
    long[] versions = new long[ROWS + 1];
    // Keyset pages: real cursors, from walking the list once.
    List<String> cursors = new ArrayList<>();
    List<Long> cursorIds = new ArrayList<>();
    CarrierQuery pageQuery = CarrierQuery.all().pageSize(100);
    Page<CarrierRecord> page = dao.list(pageQuery);
    while (page.hasNext()) {
      cursors.add(page.nextCursor().orElseThrow());
      cursorIds.add(page.items().get(page.items().size() - 1).getId());
      page = dao.list(pageQuery.after(cursors.get(cursors.size() - 1)));
    }

    List<String[]> table = new ArrayList<>();
    table.add(measure("find by id", iterations, warmup,
        i -> dao.findById(ids[i]).orElseThrow(),
        i -> rawFind(pool, "select " + COLUMNS + " from carriers where id = ?",
            statement -> statement.setLong(1, ids[i]))));
    table.add(measure("find by MC number", iterations, warmup,
        i -> dao.findByMcNumber("MC-" + ids[i]).orElseThrow(),
        i -> rawFind(pool, "select " + COLUMNS + " from carriers where mc_number = ?",
            statement -> statement.setString(1, String.valueOf(ids[i])))));
    table.add(measure("create", iterations, warmup,
        i -> dao.create(NewCarrier.of("Created by DAO " + i, null)),
        i -> rawCreate(pool, "Created by JDBC " + i)));
    table.add(measure("update", iterations, warmup,
        i -> {
          int id = 1 + (ids[i] % (ROWS / 2));
          CarrierRecord updated = dao.update(id, versions[id], CarrierUpdate.create().name("Updated by DAO " + i));
          versions[id] = updated.getVersion();
        },
        i -> {
          int id = ROWS / 2 + 1 + (ids[i] % (ROWS / 2));
          versions[id] = rawUpdate(pool, id, versions[id], "Updated by JDBC " + i);
        }));
    table.add(measure("keyset page of 100", iterations, warmup,
        i -> dao.list(pageQuery.after(cursors.get(ids[i] % cursors.size()))),
        i -> rawPage(pool, cursorIds.get(ids[i] % cursors.size()), 100)));

    System.out.println();
    System.out.printf(Locale.ROOT, "DAO vs raw pgjdbc, %,d carriers, %,d iterations after %,d warm-up, one HikariCP pool%n",
        ROWS, iterations, warmup);
    System.out.println("| operation | DAO p50 ms | raw p50 ms | p50 ratio | DAO p99 ms | raw p99 ms | p99 ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (String[] row : table) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
  }

  /**
   * Times two ways of doing the same thing, back to back in each iteration, alternating which goes
   * first: the row of a table with each one's p50 and p99 and their ratios (first over second).
   */
  static String[] measure(String name, int iterations, int warmup, Op dao, Op raw) throws Exception {
    long[] daoNanos = new long[iterations];
    long[] rawNanos = new long[iterations];
    for (int i = 0; i < warmup + iterations; i++) {
      // Alternate which goes first, so neither always runs on a connection just used.
      boolean daoFirst = (i & 1) == 0;
      long a = time(daoFirst ? dao : raw, i);
      long b = time(daoFirst ? raw : dao, i);
      if (i >= warmup) {
        daoNanos[i - warmup] = daoFirst ? a : b;
        rawNanos[i - warmup] = daoFirst ? b : a;
      }
    }
    Stats d = new Stats(daoNanos);
    Stats r = new Stats(rawNanos);
    return new String[] {name,
        String.format(Locale.ROOT, "%.3f", d.p50()), String.format(Locale.ROOT, "%.3f", r.p50()),
        String.format(Locale.ROOT, "%.2fx", d.p50() / r.p50()),
        String.format(Locale.ROOT, "%.3f", d.p99()), String.format(Locale.ROOT, "%.3f", r.p99()),
        String.format(Locale.ROOT, "%.2fx", d.p99() / r.p99())};
  }

  private static long time(Op op, int i) throws Exception {
    long start = System.nanoTime();
    op.run(i);
    return System.nanoTime() - start;
  }

  private static Row read(ResultSet rows) throws SQLException {
    return new Row(rows.getLong(1), rows.getString(2), rows.getString(3),
        rows.getObject(4, OffsetDateTime.class), rows.getObject(5, OffsetDateTime.class), rows.getString(6),
        rows.getLong(7));
  }

  /** Binds the parameters of a hand-written statement. */
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private static Row rawFind(DataSource pool, String sql, Binder binder) throws SQLException {
    try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? read(rows) : null;
      }
    }
  }

  private static Row rawCreate(DataSource pool, String name) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "insert into carriers(name, mc_number) values (?, ?) returning " + COLUMNS)) {
      statement.setString(1, name);
      statement.setString(2, null);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return read(rows);
      }
    }
  }

  private static long rawUpdate(DataSource pool, long id, long version, String name) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "update carriers set name = ? where id = ? and version = ? returning " + COLUMNS)) {
      statement.setString(1, name);
      statement.setLong(2, id);
      statement.setLong(3, version);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("stale version in the benchmark itself");
        }
        return read(rows).version();
      }
    }
  }

  private static List<Row> rawPage(DataSource pool, long afterId, int size) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "select " + COLUMNS + " from carriers where id > ? order by id limit ?")) {
      statement.setLong(1, afterId);
      statement.setInt(2, size + 1);
      List<Row> page = new ArrayList<>(size + 1);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          page.add(read(rows));
        }
      }
      return page;
    }
  }
}
