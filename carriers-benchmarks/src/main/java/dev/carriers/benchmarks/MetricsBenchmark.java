package dev.carriers.benchmarks;

import dev.carriers.dao.CarrierDao;
import dev.carriers.dao.Carriers;
import dev.carriers.dao.NewCarrier;
import dev.carriers.testing.TestDatabase;
import dev.carriers.testing.TestDatabaseFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The price of monitoring: the DAO with metrics (a Micrometer registry, so the DAO timers and
 * HikariCP's tracker) and the slow-statement log on, against the DAO with both off, in one run on
 * one server, each with a HikariCP pool of its own (2 connections) on the same database of 100,000
 * carriers. Each iteration times one call of each, back to back, alternating which goes first.
 *
 * <p>Usage: {@code MetricsBenchmark [iterations] [warmup]}; run through
 * {@code ./mvnw -B -q verify -DskipTests -Pbench -Dbench=metrics -pl carriers-benchmarks -am}.
 */
final class MetricsBenchmark {

  private static final int ROWS = 100_000;

  private MetricsBenchmark() {
  }

  static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    TestDatabaseFactory factory = TestDatabaseFactory.configure().locations("classpath:db/migration").prefetch(0).load();
    try (TestDatabase database = factory.create()) {
      DaoBenchmark.load(database.dataSource());
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (Carriers on = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(2)
              .poolName("metered").meterRegistry(registry).load();
          Carriers off = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(2)
              .poolName("plain").slowStatementLog(false).load()) {
        run(on.carriers(), off.carriers(), iterations, warmup);
        System.out.printf(Locale.ROOT, "(the metered side recorded %d DAO calls)%n", registry
            .find("carriers.dao").timers().stream().mapToLong(timer -> timer.count()).sum());
      }
    }
  }

  private static void run(CarrierDao on, CarrierDao off, int iterations, int warmup) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    int[] ids = new int[iterations + warmup];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 1 + random.nextInt(ROWS);
    }
    List<String[]> table = new ArrayList<>();
    table.add(DaoBenchmark.measure("find by id", iterations, warmup, i -> on.findById(ids[i]).orElseThrow(),
        i -> off.findById(ids[i]).orElseThrow()));
    table.add(DaoBenchmark.measure("create", iterations, warmup, i -> on.create(NewCarrier.of("Metered " + i, null)),
        i -> off.create(NewCarrier.of("Plain " + i, null))));
    System.out.println();
    System.out.printf(Locale.ROOT, "DAO with metrics and slow-statement log on vs off, %,d carriers, %,d iterations"
        + " after %,d warm-up%n", ROWS, iterations, warmup);
    System.out.println("| operation | on p50 ms | off p50 ms | p50 ratio | on p99 ms | off p99 ms | p99 ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (String[] row : table) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
  }
}
