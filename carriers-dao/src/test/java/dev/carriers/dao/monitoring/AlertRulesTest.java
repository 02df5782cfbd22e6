package dev.carriers.dao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.PoolStats;
import dev.carriers.dao.DatabaseUnavailableException;
import dev.carriers.dao.internal.DaoMeters;
import dev.carriers.dao.internal.MicrometerDaoMeters;
import dev.carriers.dao.internal.Operation;
import dev.carriers.schema.monitoring.MicrometerMigrationListener;
import dev.carriers.schema.monitoring.MigrationEvent;
import dev.carriers.schema.monitoring.MigrationOutcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules shipped in deploy/prometheus: each metric a rule reads is one the code
 * really registers, as a Prometheus scrape of the real meters names it; and promtool, where it is
 * installed (Debian package prometheus), checks the rules and runs their unit tests.
 */
class AlertRulesTest {

  private static final Path RULES_DIR = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();
  private static final Path RULES = RULES_DIR.resolve("carriers-rules.yml");
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  /** The gauge the backup job (issue 10) emits; not registered by this code base's libraries. */
  private static final String BACKUP_AGE = "carriers_backup_newest_verified_age_seconds";

  private static final Pattern METRIC = Pattern.compile("\\b((?:carriers|hikaricp)_[a-z_]+)\\b");

  private static List<JsonNode> rules() throws IOException {
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
    List<JsonNode> rules = new ArrayList<>();
    document.get("groups").forEach(group -> group.get("rules").forEach(rules::add));
    return rules;
  }

  /** Every metric a scrape shows after the code recorded each kind of event once. */
  private static Set<String> scrapedNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DaoMeters meters = MicrometerDaoMeters.create(registry);
    meters.operation(Operation.FIND_BY_ID, 1_000, null);
    meters.operation(Operation.CREATE, 1_000, new DatabaseUnavailableException("down", null));
    meters.transaction("default", 1_000, null);
    meters.retry("serializable");
    meters.slowStatement(Operation.LIST);
    HikariConfig pool = new HikariConfig();
    meters.instrumentPool(pool);
    try (var tracker = pool.getMetricsTrackerFactory().create("carriers", new PoolStats(0) {
      @Override
      protected void update() {
      }
    })) {
      tracker.recordConnectionAcquiredNanos(TimeUnit.MILLISECONDS.toNanos(3));
      tracker.recordConnectionTimeout();
      new MicrometerMigrationListener(registry).onFailure(new MigrationEvent("10", "add x", "V10__add_x.sql",
          MigrationOutcome.FAILED, Duration.ofMillis(5), 1, Instant.now(), "failed", "42P01"));
      return registry.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void everyMetricARuleReads_isOneTheCodeRegisters() throws IOException {
    Set<String> scraped = scrapedNames();
    Set<String> read = new TreeSet<>();
    for (JsonNode rule : rules()) {
      Matcher matcher = METRIC.matcher(rule.get("expr").asText());
      while (matcher.find()) {
        read.add(matcher.group(1));
      }
    }
    assertThat(read).contains("carriers_dao_seconds_count", "carriers_dao_slow_statements_total",
        "hikaricp_connections_pending", "hikaricp_connections_timeout_total",
        "hikaricp_connections_acquire_seconds_sum", "carriers_migration_seconds_count", BACKUP_AGE);
    read.remove(BACKUP_AGE);
    assertThat(scraped).containsAll(read);
  }

  @Test
  void theRulesCoverWhatTheIssueAsks_withASeverityAndASummaryEach() throws IOException {
    List<JsonNode> rules = rules();
    assertThat(rules).extracting(rule -> rule.get("alert").asText()).contains("CarriersPoolSaturated",
        "CarriersDaoErrorRate", "CarriersSlowStatements", "CarriersMigrationFailed", "CarriersBackupTooOld",
        "CarriersBackupAgeMissing");
    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.get("labels").get("severity").asText()).isIn("warning", "critical");
      assertThat(rule.get("annotations").get("summary").asText()).isNotBlank();
    });
    JsonNode backup = rules.stream().filter(rule -> rule.get("alert").asText().equals("CarriersBackupTooOld"))
        .findFirst().orElseThrow();
    assertThat(backup.get("expr").asText()).contains(BACKUP_AGE + ") > 26 * 3600");
  }

  @Test
  void promtool_checksTheRules_andRunsTheirUnitTests() throws Exception {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus):"
        + " the rules were only parsed");
    assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS: 8 rules found");
    assertThat(promtool("test", "rules", RULES_DIR.resolve("carriers-rules.test.yml").toString())).contains("SUCCESS");
  }

  private static String promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool did not finish in 60 s: " + command);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }
}
