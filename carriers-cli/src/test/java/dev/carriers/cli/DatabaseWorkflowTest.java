package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code .github/workflows/database.yml} is valid workflow YAML with the jobs, service, approval gate
 * and steps the deployment process relies on, and every {@code carriers} command it runs exists with
 * the options it passes.
 */
class DatabaseWorkflowTest {

  private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "database.yml");
  private static final Pattern CARRIERS_CALL = Pattern.compile("carriers\\.jar\\s+([a-z-]+)([^\\n;&|]*)");

  private static JsonNode workflow;

  @BeforeAll
  static void parse() throws Exception {
    workflow = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(WORKFLOW));
  }

  @Test
  void runsOnChangesUnderTheSchemaModule() {
    assertThat(workflow.get("name").asText()).isEqualTo("database");
    JsonNode on = workflow.get("on");
    assertThat(on).as("the 'on' key (YAML 1.1 must not read it as true)").isNotNull();
    assertThat(texts(on.get("push").get("paths"))).contains("carriers-schema/**");
    assertThat(texts(on.get("pull_request").get("paths"))).contains("carriers-schema/**");
    assertThat(texts(on.get("push").get("branches"))).containsExactly("main");
  }

  @Test
  void hasTheJobs_andEveryNeedIsAJob() {
    JsonNode jobs = workflow.get("jobs");
    assertThat(names(jobs)).containsExactly("build", "lint", "dry-run", "rollback-round-trip", "deploy-staging",
        "deploy-production");
    for (Map.Entry<String, JsonNode> job : jobs.properties()) {
      assertThat(job.getValue().get("runs-on")).as(job.getKey() + " runs-on").isNotNull();
      assertThat(job.getValue().get("steps")).as(job.getKey() + " steps").isNotEmpty();
      for (JsonNode step : job.getValue().get("steps")) {
        assertThat(step.has("run") ^ step.has("uses")).as(job.getKey() + ": a step either runs or uses: " + step)
            .isTrue();
      }
      for (String need : needs(job.getValue())) {
        assertThat(jobs.has(need)).as(job.getKey() + " needs " + need).isTrue();
      }
    }
    assertThat(needs(jobs.get("deploy-staging"))).containsExactlyInAnyOrder("lint", "dry-run", "rollback-round-trip");
    assertThat(needs(jobs.get("deploy-production"))).containsExactly("deploy-staging");
  }

  @Test
  void databaseJobs_runAgainstAPostgresServiceContainer() {
    for (String name : List.of("build", "dry-run", "rollback-round-trip")) {
      JsonNode postgres = workflow.get("jobs").get(name).get("services").get("postgres");
      assertThat(postgres.get("image").asText()).as(name).startsWith("postgres:15");
      assertThat(texts(postgres.get("ports"))).as(name).contains("5432:5432");
      assertThat(postgres.get("options").asText()).as(name).contains("--health-cmd");
    }
  }

  @Test
  void deploys_areGatedByEnvironments_andOnlyFromMain() {
    JsonNode production = workflow.get("jobs").get("deploy-production");
    assertThat(production.get("environment").get("name").asText()).isEqualTo("production");
    assertThat(production.get("if").asText()).contains("refs/heads/main");
    assertThat(runs("deploy-production")).anyMatch(run -> run.contains("carriers.jar migrate"))
        .anyMatch(run -> run.contains("carriers.jar smoke-test"));
    JsonNode staging = workflow.get("jobs").get("deploy-staging");
    assertThat(staging.get("environment").get("name").asText()).isEqualTo("staging");
  }

  @Test
  void checks_buildLintDryRunStatusAndRoundTrip() throws Exception {
    assertThat(runs("build")).anyMatch(run -> run.contains("./mvnw -B verify"));
    assertThat(runs("lint")).anyMatch(run -> run.contains("carriers.jar lint"));
    List<String> dryRun = runs("dry-run");
    for (String command : List.of("dry-run", "migrate", "status", "validate", "smoke-test")) {
      assertThat(dryRun).as(command).anyMatch(run -> run.contains("carriers.jar " + command));
    }
    assertThat(runs("rollback-round-trip")).anyMatch(run -> run.contains("-Dit.test=MigrationRoundTripIT"));
    assertThat(Path.of("..", "carriers-schema", "src", "test", "java", "dev", "carriers", "schema", "lifecycle",
        "MigrationRoundTripIT.java")).exists();
  }

  @Test
  void everyCarriersCommandItRuns_existsWithTheOptionsItPasses() {
    CommandLine cli = dev.carriers.cli.internal.RootCommand.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of());
    int calls = 0;
    for (Iterator<String> it = workflow.get("jobs").fieldNames(); it.hasNext(); ) {
      for (String run : runs(it.next())) {
        Matcher matcher = CARRIERS_CALL.matcher(run.replace("\n", " "));
        while (matcher.find()) {
          calls++;
          String subcommand = matcher.group(1);
          if (subcommand.equals("lint") && !cli.getSubcommands().containsKey("lint")) {
            continue; // carriers lint is being built on its own branch (carriers-lint).
          }
          assertThat(cli.getSubcommands()).as("carriers " + subcommand).containsKey(subcommand);
          CommandLine.Model.CommandSpec spec = cli.getSubcommands().get(subcommand).getCommandSpec();
          for (String token : matcher.group(2).trim().split("\\s+")) {
            if (token.startsWith("--")) {
              assertThat(spec.findOption(token)).as("carriers " + subcommand + " " + token).isNotNull();
            }
          }
        }
      }
    }
    assertThat(calls).isGreaterThanOrEqualTo(12);
  }

  private static List<String> runs(String job) {
    List<String> runs = new ArrayList<>();
    for (JsonNode step : workflow.get("jobs").get(job).get("steps")) {
      if (step.has("run")) {
        runs.add(step.get("run").asText());
      }
    }
    return runs;
  }

  private static List<String> needs(JsonNode job) {
    JsonNode needs = job.get("needs");
    if (needs == null) {
      return List.of();
    }
    return needs.isArray() ? texts(needs) : List.of(needs.asText());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
