package dev.carriers.benchmarks;

import dev.carriers.seed.CarriersSeeder;
import dev.carriers.seed.Dataset;
import dev.carriers.seed.Environment;
import dev.carriers.seed.SeedReport;
import dev.carriers.seed.SeedRow;
import dev.carriers.seed.generate.CarrierGenerator;
import dev.carriers.testing.TestDatabase;
import dev.carriers.testing.TestDatabaseFactory;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The seed loader against {@code psql \copy}, in one run on the same server: a generated dataset
 * (1,000,000 rows by default) goes into an empty, freshly migrated database with
 * {@link CarriersSeeder}, and the same rows into another with {@code psql \copy carriers (name,
 * mc_number, status) from ... csv}. Rounds alternate between the two; each round uses fresh
 * databases cloned from a migrated template, and starts after a {@code CHECKPOINT}.
 *
 * <p>Arguments: rows (default 1000000), rounds (default 5). Prints the median and the best round of
 * each: on a shared machine the best round is the least disturbed by other work.
 */
final class SeedBenchmark {

  private SeedBenchmark() {
  }

  static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;

    long generateStart = System.nanoTime();
    List<SeedRow> generated = CarrierGenerator.generate(rows, 42, "bench-");
    long generateNanos = System.nanoTime() - generateStart;
    long validateStart = System.nanoTime();
    Dataset dataset = Dataset.of(Environment.DEVELOPMENT, 1, generated);
    long validateNanos = System.nanoTime() - validateStart;

    Path dir = Files.createTempDirectory("carriers-seed-bench");
    dataset.write(dir);
    Path psqlCsv = dir.resolve("psql.csv");
    try (BufferedWriter out = Files.newBufferedWriter(psqlCsv, StandardCharsets.UTF_8)) {
      out.write("name,mc_number,status\n");
      for (SeedRow row : dataset.rows()) {
        out.write('"' + row.name().replace("\"", "\"\"") + "\"," + (row.mcNumber() == null ? "" : row.mcNumber())
            + ',' + row.status().getLiteral() + '\n');
      }
    }
    long readStart = System.nanoTime();
    Dataset fromFiles = Dataset.read(dir);
    long readNanos = System.nanoTime() - readStart;
    if (!fromFiles.checksum().equals(dataset.checksum())) {
      throw new IllegalStateException("the dataset did not survive writing and reading");
    }

    TestDatabaseFactory factory = TestDatabaseFactory.configure().locations("classpath:db/migration").load();
    factory.template();
    long[] seedNanos = new long[rounds];
    long[] psqlNanos = new long[rounds];
    for (int round = 0; round < rounds; round++) {
      try (TestDatabase database = factory.create()) {
        checkpoint(database);
        long start = System.nanoTime();
        SeedReport report = CarriersSeeder.configure().dataSource(database.dataSource()).dataset(dataset).load().seed();
        seedNanos[round] = System.nanoTime() - start;
        expect(database, rows, report.inserted());
      }
      try (TestDatabase database = factory.create()) {
        checkpoint(database);
        long start = System.nanoTime();
        psqlCopy(database, psqlCsv);
        psqlNanos[round] = System.nanoTime() - start;
        expect(database, rows, rows);
      }
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
    }

    long seed = median(seedNanos);
    long psql = median(psqlNanos);
    long seedBest = Arrays.stream(seedNanos).min().orElseThrow();
    long psqlBest = Arrays.stream(psqlNanos).min().orElseThrow();
    System.out.printf("seed benchmark: %,d generated rows, %d rounds alternating; empty migrated database"
        + " (unique index on mc_number in place)%n", rows, rounds);
    System.out.printf("| loader | median s | median rows/s | median vs psql | best s | best rows/s | best vs psql |%n"
        + "|---|---|---|---|---|---|---|%n");
    row("psql \\copy (CSV file, name/mc_number/status)", rows, psql, psql, psqlBest, psqlBest);
    row("CarriersSeeder.seed() (validated dataset in memory)", rows, seed, psql, seedBest, psqlBest);
    row("Dataset.read + CarriersSeeder.seed() (CSV files: parse, validate, load)", rows, seed + readNanos, psql,
        seedBest + readNanos, psqlBest);
    System.out.printf("rounds, s: seed %s, psql %s; generate %.2f s, validate (Dataset.of) %.2f s, read files"
        + " (Dataset.read) %.2f s%n", Arrays.toString(secondsOf(seedNanos)), Arrays.toString(secondsOf(psqlNanos)),
        seconds(generateNanos), seconds(validateNanos), seconds(readNanos));
  }

  private static void row(String name, int rows, long median, long psqlMedian, long best, long psqlBest) {
    System.out.printf("| %s | %.2f | %,.0f | %.2fx | %.2f | %,.0f | %.2fx |%n", name, seconds(median),
        rows / seconds(median), (double) psqlMedian / median, seconds(best), rows / seconds(best),
        (double) psqlBest / best);
  }

  private static void psqlCopy(TestDatabase database, Path csv) throws Exception {
    // jdbc:postgresql://host:port/name
    String hostPort = database.jdbcUrl().substring("jdbc:postgresql://".length(),
        database.jdbcUrl().lastIndexOf('/'));
    String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
    String port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", host, "-p", port, "-d", database.name()));
    if (database.server().user() != null) {
      command.addAll(List.of("-U", database.server().user()));
    }
    command.addAll(List.of("-c", "\\copy carriers (name, mc_number, status) from '" + csv
        + "' with (format csv, header true)"));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    if (database.server().password() != null) {
      builder.environment().put("PGPASSWORD", database.server().password());
    }
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("psql \\copy failed");
    }
  }

  private static void checkpoint(TestDatabase database) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("checkpoint");
    }
  }

  private static void expect(TestDatabase database, int rows, int reported) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("select count(*) from carriers")) {
      count.next();
      if (count.getLong(1) != rows || reported != rows) {
        throw new IllegalStateException("expected " + rows + " rows, found " + count.getLong(1)
            + ", reported " + reported);
      }
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String[] secondsOf(long[] nanos) {
    return Arrays.stream(nanos).mapToObj(n -> String.format("%.2f", seconds(n))).toArray(String[]::new);
  }
}
