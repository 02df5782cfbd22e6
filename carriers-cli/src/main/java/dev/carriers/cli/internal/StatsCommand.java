package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.dao.stats.CheckResult;
import dev.carriers.dao.stats.CheckStatus;
import dev.carriers.dao.stats.DatabaseStats;
import dev.carriers.dao.stats.Finding;
import dev.carriers.dao.stats.StatsCheck;
import dev.carriers.dao.stats.StatsConfiguration;
import dev.carriers.dao.stats.StatsReport;
import dev.carriers.dao.stats.Threshold;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers stats}: the database's health checks ({@link DatabaseStats}, PgHero's and
 * pg-extras' checks) as a table or JSON, with an exit code for cron and CI: 0 all OK, 40 a WARN,
 * 41 a CRITICAL, 42 a check that could not run. A thin caller: the checks, thresholds and fixes
 * are the library's.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Checks the database's health as PgHero does: cache hit ratio, unused, duplicate and invalid"
        + " indexes, table and index bloat, sequential scans, long-running queries, idle transactions, blocking"
        + " locks, connections, transaction ID wraparound, autovacuum lag, replication lag and the top statements"
        + " of pg_stat_statements; each with a status and a fix. Exits 0 when all are OK, 40 on a WARN, 41 on a"
        + " CRITICAL, 42 when a check could not run (and none is CRITICAL).")
public final class StatsCommand extends DatabaseCommand {

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Option(names = "--check", paramLabel = "NAME", split = ",",
      description = "Run only these checks (repeatable or comma-separated), such as unused_indexes.")
  private List<String> checks = new ArrayList<>();

  @Option(names = "--warn", paramLabel = "NAME=VALUE", description = "A check's warning threshold, in its unit"
      + " (ratio 0-1, count, seconds, milliseconds or bytes; see docs/operations.md).")
  private Map<String, Double> warn = new LinkedHashMap<>();

  @Option(names = "--critical", paramLabel = "NAME=VALUE", description = "A check's critical threshold, in its unit.")
  private Map<String, Double> critical = new LinkedHashMap<>();

  @Option(names = "--floor", paramLabel = "NAME=VALUE",
      description = "What a check leaves out below (bytes of an index, live rows of a table, calls of a statement).")
  private Map<String, Double> floor = new LinkedHashMap<>();

  @Option(names = "--all-databases",
      description = "Look at the sessions of every database on the server, not only this one's.")
  private boolean allDatabases;

  @Option(names = "--statement-timeout", paramLabel = "DURATION", converter = GuardOptions.DurationConverter.class,
      description = "How long each check's query may run (default 10s).")
  private Duration statementTimeout;

  @Option(names = "--top", paramLabel = "N", description = "How many statements top_statements lists (default 10).")
  private Integer top;

  /** Creates the command; picocli calls this. */
  public StatsCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    StatsConfiguration configuration = configuration();
    TargetDatabase.check(url, TargetDatabase.CREATE_IT);
    StatsReport report = configuration.dataSource(url.unpooledDataSource()).load().run();
    ExitCode exitCode = exitCodeOf(report.status());
    print(json, document(url, document -> {
      document.put("status", report.status().name());
      document.put("exitCode", exitCode.code());
      document.put("serverVersion", report.serverVersion());
      document.put("standby", report.standby());
      document.put("checkedAt", report.checkedAt().toString());
      document.put("checks", Json.objects(report.results(), StatsCommand::putResult));
    }), out -> printText(out, url, report, exitCode));
    return exitCode;
  }

  /** The options as the library's configuration; a bad name or value is a usage error. */
  private StatsConfiguration configuration() {
    try {
      StatsConfiguration configuration = DatabaseStats.configure().allDatabases(allDatabases);
      if (!checks.isEmpty()) {
        StatsCheck first = StatsCheck.ofKey(checks.get(0));
        StatsCheck[] more = checks.stream().skip(1).map(StatsCheck::ofKey).toArray(StatsCheck[]::new);
        configuration = configuration.checks(first, more);
      }
      for (String key : union(warn, critical, floor)) {
        StatsCheck check = StatsCheck.ofKey(key);
        Threshold defaults = check.defaults();
        configuration = configuration.threshold(check, new Threshold(warn.getOrDefault(key, defaults.warn()),
            critical.getOrDefault(key, defaults.critical()), floor.getOrDefault(key, defaults.floor())));
      }
      if (statementTimeout != null) {
        configuration = configuration.statementTimeout(statementTimeout);
      }
      return top == null ? configuration : configuration.topStatements(top);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
    }
  }

  @SafeVarargs
  private static List<String> union(Map<String, Double>... maps) {
    List<String> keys = new ArrayList<>();
    for (Map<String, Double> map : maps) {
      map.keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
    }
    return keys;
  }

  /** The exit code of a report's status. */
  static ExitCode exitCodeOf(CheckStatus status) {
    switch (status) {
      case CRITICAL:
        return ExitCode.STATS_CRITICAL;
      case ERROR:
        return ExitCode.STATS_CHECK_FAILED;
      case WARN:
        return ExitCode.STATS_WARN;
      default:
        return ExitCode.OK;
    }
  }

  private static void putResult(CheckResult result, Map<String, Object> object) {
    object.put("check", result.check().key());
    object.put("status", result.status().name());
    object.put("value", result.value());
    object.put("unit", result.check().unit().name().toLowerCase(Locale.ROOT));
    object.put("warn", finite(result.threshold().warn()));
    object.put("critical", finite(result.threshold().critical()));
    object.put("floor", result.threshold().floor());
    object.put("summary", result.summary());
    object.put("fix", result.fix());
    object.put("findings", Json.objects(result.findings(), (finding, fields) -> {
      fields.put("subject", finding.subject());
      fields.put("status", finding.status().name());
      fields.put("value", finding.value());
      fields.put("detail", finding.detail());
      fields.put("attributes", finding.attributes());
    }));
  }

  /** JSON has no infinity: a threshold that is never reached is null. */
  private static Double finite(double value) {
    return Double.isInfinite(value) ? null : value;
  }

  private static void printText(PrintWriter out, DatabaseUrl url, StatsReport report, ExitCode exitCode) {
    out.println("Database stats of " + url.jdbcUrl() + " (PostgreSQL " + report.serverVersion() + ", "
        + (report.standby() ? "standby" : "primary") + ")");
    Map<CheckStatus, Integer> counts = new LinkedHashMap<>();
    for (CheckResult result : report.results()) {
      counts.merge(result.status(), 1, Integer::sum);
      out.println(String.format(Locale.ROOT, "%-11s %-25s %s", result.status(), result.check().key(),
          result.summary()));
      boolean problem = result.status() != CheckStatus.OK;
      if (problem || result.check().listing()) {
        for (Finding finding : result.findings()) {
          out.println(String.format(Locale.ROOT, "%-11s %-25s - %s: %s", "", "", finding.subject(),
              finding.detail()));
        }
      }
      if (problem && !result.fix().isEmpty()) {
        out.println(String.format(Locale.ROOT, "%-11s %-25s fix: %s", "", "", result.fix()));
      }
    }
    out.println(String.format(Locale.ROOT, "%d checks: %d OK, %d WARN, %d CRITICAL, %d ERROR, %d UNAVAILABLE; exit %d",
        report.results().size(), counts.getOrDefault(CheckStatus.OK, 0), counts.getOrDefault(CheckStatus.WARN, 0),
        counts.getOrDefault(CheckStatus.CRITICAL, 0), counts.getOrDefault(CheckStatus.ERROR, 0),
        counts.getOrDefault(CheckStatus.UNAVAILABLE, 0), exitCode.code()));
  }
}
