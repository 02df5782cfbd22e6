package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carriers lint}: no database needed, the real libpg_query. */
class LintCommandTest {

  @Test
  void bundledMigrations_pass() {
    CommandRun run = CommandRun.of("lint");
    run.assertExitCode(ExitCode.OK);
    assertThat(run.out()).containsPattern("\\d+ files linted: 0 errors, \\d+ warnings?, \\d+ suppressed");
  }

  @Test
  void errors_failWithLintFailedNamingFileLineRuleAndFix(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__ok.sql"), "create table t (id bigint generated always as identity);\n");
    Files.writeString(dir.resolve("V2__bad.sql"), "-- add a search index\nset local lock_timeout = '5s';\n\n"
        + "create index t_id on t (id);\n");
    CommandRun run = CommandRun.of("lint", "--dir", dir.toString());
    run.assertExitCode(ExitCode.LINT_FAILED);
    assertThat(run.out())
        .contains("V2__bad.sql:4: error [index-not-concurrent] CREATE INDEX t_id on existing table t without CONCURRENTLY")
        .contains("    fix: CREATE INDEX CONCURRENTLY")
        .contains("2 files linted: 1 error, 0 warnings, 0 suppressed");
  }

  @Test
  void warningsOnly_pass(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__t.sql"), "create table t (code char(2));\n");
    CommandRun run = CommandRun.of("lint", "--dir", dir.toString());
    run.assertExitCode(ExitCode.OK);
    assertThat(run.out()).contains("V1__t.sql:1: warning [char-column]");
  }

  @Test
  void json_listsFindingsAndSuppressions(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V3__drop.sql"), """
        set local lock_timeout = '5s';
        -- carriers-lint: ignore drop-column -- unused since release 12
        alter table carriers drop column fax;
        -- carriers-lint: ignore drop-column
        alter table carriers drop column telex;
        """);
    CommandRun run = CommandRun.of("lint", "--json", "--dir", dir.toString());
    run.assertExitCode(ExitCode.LINT_FAILED);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("files").get(0).asText()).isEqualTo("V3__drop.sql");
    assertThat(json.path("errors").asInt()).isEqualTo(2);
    assertThat(json.path("findings")).hasSize(2);
    JsonNode first = json.path("findings").get(0);
    assertThat(first.path("file").asText()).isEqualTo("V3__drop.sql");
    assertThat(first.path("line").asInt()).isEqualTo(4);
    assertThat(first.path("rule").asText()).isEqualTo("suppression-without-reason");
    assertThat(first.path("severity").asText()).isEqualTo("error");
    assertThat(json.path("findings").get(1).path("rule").asText()).isEqualTo("drop-column");
    assertThat(json.path("findings").get(1).path("line").asInt()).isEqualTo(5);
    assertThat(json.path("findings").get(1).path("fix").asText()).isNotBlank();
    assertThat(json.path("suppressed").get(0).path("reason").asText()).isEqualTo("unused since release 12");
    assertThat(json.path("suppressed").get(0).path("line").asInt()).isEqualTo(3);
  }

  @Test
  void bundledMigrations_landedOnesSuppressedByTheFileBesideThem() {
    CommandRun run = CommandRun.of("lint");
    assertThat(run.out()).contains("V7__create_carriers_name_trgm_index.sql:4: suppressed [concurrent-index-if-not-exists]"
        + " landed migration; the invalid-index case is handled by tooling");
  }

  @Test
  void suppressionsFile_besideTheScriptsOrNamed(@TempDir Path dir) throws IOException {
    Path scripts = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(scripts.resolve("V3__drop.sql"), "set local lock_timeout = '5s';\nalter table carriers drop column fax;\n");
    Files.writeString(scripts.resolve("carriers-lint-suppressions.txt"),
        "V3__drop.sql: ignore drop-column -- landed; fax unused since release 12\n");
    CommandRun beside = CommandRun.of("lint", "--dir", scripts.toString());
    beside.assertExitCode(ExitCode.OK);
    assertThat(beside.out()).contains("V3__drop.sql:2: suppressed [drop-column] landed; fax unused since release 12")
        .contains("1 file linted: 0 errors, 0 warnings, 1 suppressed");

    Path named = Files.writeString(dir.resolve("lint.txt"), "V3__drop.sql: ignore drop-table -- wrong rule\n");
    CommandRun elsewhere = CommandRun.of("lint", "--dir", scripts.toString(), "--suppressions", named.toString());
    elsewhere.assertExitCode(ExitCode.LINT_FAILED);
    assertThat(elsewhere.out()).contains("V3__drop.sql:2: error [drop-column]")
        .contains("lint.txt:1: warning [unused-suppression] suppression of drop-table for V3__drop.sql matches no finding");

    CommandRun missing = CommandRun.of("lint", "--suppressions", dir.resolve("nope.txt").toString());
    missing.assertExitCode(ExitCode.USAGE);
    assertThat(missing.err()).contains("cannot read the suppressions file").contains("nope.txt");
  }

  @Test
  void missingDirectory_isUsageError(@TempDir Path dir) {
    CommandRun run = CommandRun.of("lint", "--dir", dir.resolve("nope").toString());
    run.assertExitCode(ExitCode.USAGE);
    assertThat(run.err()).contains("nope").contains("not a directory");
  }

  @Test
  void missingLibPgQuery_isOneLineNamingThePackage(@TempDir Path dir) {
    CommandRun run = CommandRun.of("lint", "--libpg-query", dir.resolve("libpg_query.so.1504.0").toString());
    run.assertExitCode(ExitCode.LINT_UNAVAILABLE);
    assertThat(run.err().strip().lines()).singleElement().asString()
        .startsWith("carriers: lint: libpg_query cannot be loaded")
        .contains("install the package libpg-query1504.0");
  }
}
