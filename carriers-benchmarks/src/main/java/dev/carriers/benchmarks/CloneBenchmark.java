package dev.carriers.benchmarks;

import dev.carriers.testing.TestDatabase;
import dev.carriers.testing.TestDatabaseFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * How long a test class waits for its database.
 *
 * <p>Measures, in one run on the same server: the raw {@code CREATE DATABASE ... TEMPLATE} (no
 * prefetch), and {@link TestDatabaseFactory#create()} with the default prefetch while each "test
 * class" does a little work (a connection, 50 inserts, a count) and then drops its database, as the
 * JUnit extension does.
 */
final class CloneBenchmark {

  private CloneBenchmark() {
  }

  static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    String location = args.length > 1 ? args[1] : "classpath:db/bench";

    TestDatabaseFactory raw = TestDatabaseFactory.configure().locations(location).prefetch(0).load();
    TestDatabaseFactory prefetched = TestDatabaseFactory.configure().locations(location).load();
    raw.template();
    prefetched.template();
    // Warm up both paths.
    for (int i = 0; i < 3; i++) {
      raw.create().close();
    }

    long[] rawNanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      TestDatabase database = raw.create();
      rawNanos[i] = System.nanoTime() - start;
      database.close();
    }

    long[] acquireNanos = new long[rounds];
    long[] workNanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      TestDatabase database = prefetched.create();
      acquireNanos[i] = System.nanoTime() - start;
      long work = System.nanoTime();
      try (Connection connection = database.dataSource().getConnection();
          PreparedStatement insert = connection.prepareStatement("insert into items(name) values (?)")) {
        for (int row = 0; row < 50; row++) {
          insert.setString(1, "item " + row);
          insert.executeUpdate();
        }
        connection.createStatement().executeQuery("select count(*) from items").close();
      }
      workNanos[i] = System.nanoTime() - work;
      database.close();
    }

    Stats rawStats = new Stats(rawNanos);
    Stats acquire = new Stats(acquireNanos);
    Stats work = new Stats(workNanos);
    System.out.printf("clone benchmark, %d rounds each, template from %s%n", rounds, location);
    System.out.printf("| path | p50 ms | p90 ms | max ms |%n|---|---|---|---|%n");
    System.out.printf("| CREATE DATABASE ... TEMPLATE (prefetch 0) | %.1f | %.1f | %.1f |%n",
        rawStats.p50(), rawStats.percentileMillis(90), rawStats.percentileMillis(100));
    System.out.printf("| TestDatabaseFactory.create() (prefetch 2) | %.1f | %.1f | %.1f |%n",
        acquire.p50(), acquire.percentileMillis(90), acquire.percentileMillis(100));
    System.out.printf("| work per test class (50 inserts + count) | %.1f | %.1f | %.1f |%n",
        work.p50(), work.percentileMillis(90), work.percentileMillis(100));
  }
}
