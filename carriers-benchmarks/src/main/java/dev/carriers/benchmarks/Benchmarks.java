package dev.carriers.benchmarks;

import java.util.Arrays;

/**
 * Entry point: runs the benchmark named by the first argument.
 */
public final class Benchmarks {

  private Benchmarks() {
  }

  /**
   * Runs a benchmark.
   *
   * @param args the benchmark's name ({@code clone}, {@code seed}, {@code dao}, {@code metrics}) and its own arguments
   * @throws Exception when the benchmark fails
   */
  public static void main(String[] args) throws Exception {
    String name = args.length == 0 ? "clone" : args[0];
    String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
    switch (name) {
      case "clone" -> CloneBenchmark.main(rest);
      case "seed" -> SeedBenchmark.main(rest);
      case "dao" -> DaoBenchmark.main(rest);
      case "metrics" -> MetricsBenchmark.main(rest);
      default -> throw new IllegalArgumentException("unknown benchmark \"" + name + "\"; known: clone, seed, dao,"
          + " metrics");
    }
  }
}
