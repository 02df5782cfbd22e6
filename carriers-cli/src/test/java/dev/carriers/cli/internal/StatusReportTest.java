package dev.carriers.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.MigrationEntry;
import dev.carriers.schema.MigrationState;
import dev.carriers.schema.MigrationStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusReportTest {

  private static final Instant ON = Instant.parse("2026-01-02T03:04:05.678Z");

  private static MigrationEntry entry(String version, MigrationState state) {
    boolean applied = state != MigrationState.PENDING;
    return new MigrationEntry(version, "do \"thing\" " + version, "V" + version + "__x.sql", 42, state,
        applied ? "postgres" : null, applied ? ON : null, applied ? 7 : null);
  }

  private static StatusReport report(MigrationState... states) {
    List<MigrationEntry> entries = new java.util.ArrayList<>();
    String current = null;
    for (int i = 0; i < states.length; i++) {
      entries.add(entry(String.valueOf(i + 1), states[i]));
      if (states[i] == MigrationState.APPLIED) {
        current = String.valueOf(i + 1);
      }
    }
    return new StatusReport("jdbc:postgresql://h:5432/db", new MigrationStatus(current, entries));
  }

  @Test
  void exitCode_followsWorstState() {
    assertThat(report(MigrationState.APPLIED, MigrationState.APPLIED).exitCode()).isEqualTo(ExitCode.OK);
    assertThat(report().exitCode()).isEqualTo(ExitCode.OK);
    assertThat(report(MigrationState.APPLIED, MigrationState.PENDING).exitCode()).isEqualTo(ExitCode.PENDING);
    assertThat(report(MigrationState.APPLIED, MigrationState.UNKNOWN, MigrationState.PENDING).exitCode())
        .isEqualTo(ExitCode.VALIDATION_FAILED);
    assertThat(report(MigrationState.FAILED, MigrationState.UNKNOWN, MigrationState.PENDING).exitCode())
        .isEqualTo(ExitCode.MIGRATION_FAILED);
  }

  @Test
  void text_isTableAndSummary() {
    String text = report(MigrationState.APPLIED, MigrationState.PENDING).text();
    assertThat(text.lines()).containsExactly(
        "Database jdbc:postgresql://h:5432/db",
        "Version  Description   State    Checksum  Installed by  Installed on          Execution ms",
        "1        do \"thing\" 1  APPLIED  42        postgres      2026-01-02T03:04:05Z             7",
        "2        do \"thing\" 2  PENDING  42",
        "Schema version 1: 1 applied, 1 pending, 0 failed: migrations pending; run 'carriers migrate'");
  }

  @Test
  void json_carriesEveryField() throws Exception {
    JsonNode json = new ObjectMapper().readTree(report(MigrationState.APPLIED, MigrationState.PENDING).json());
    assertThat(json.get("currentVersion").asText()).isEqualTo("1");
    assertThat(json.get("upToDate").asBoolean()).isFalse();
    assertThat(json.get("pending").asInt()).isEqualTo(1);
    JsonNode first = json.get("migrations").get(0);
    assertThat(first.get("description").asText()).isEqualTo("do \"thing\" 1");
    assertThat(first.get("installedOn").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(first.get("executionMillis").asInt()).isEqualTo(7);
    assertThat(json.get("migrations").get(1).get("installedOn").isNull()).isTrue();
  }
}
