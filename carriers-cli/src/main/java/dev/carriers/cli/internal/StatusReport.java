package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;
import dev.carriers.schema.lifecycle.InvalidIndex;
import dev.carriers.schema.MigrationEntry;
import dev.carriers.schema.MigrationState;
import dev.carriers.schema.MigrationStatus;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link MigrationStatus} as a table with a summary line, or as JSON, and tells the exit
 * code of {@code status}.
 *
 * <p>Immutable; thread-safe.
 */
final class StatusReport {

  private static final String[] HEADERS = {"Version", "Description", "State", "Checksum", "Installed by",
      "Installed on", "Execution ms"};

  private final String database;
  private final MigrationStatus status;
  private final List<InvalidIndex> invalidIndexes;

  /**
   * Creates a report.
   *
   * @param database the database, as shown to the user (never with a password)
   * @param status its migrations
   */
  StatusReport(String database, MigrationStatus status) {
    this(database, status, List.of());
  }

  /**
   * Creates a report that also lists invalid indexes.
   *
   * @param database the database, as shown to the user (never with a password)
   * @param status its migrations
   * @param invalidIndexes the indexes left invalid by a failed {@code CREATE INDEX CONCURRENTLY}
   */
  StatusReport(String database, MigrationStatus status, List<InvalidIndex> invalidIndexes) {
    this.database = database;
    this.status = status;
    this.invalidIndexes = List.copyOf(invalidIndexes);
  }

  /**
   * Returns the exit code of {@code status}: any failed migration first, then an applied script
   * edited since (checksum mismatch), then migrations unknown to this build, then an invalid index,
   * then pending ones; {@link ExitCode#OK} when up to date.
   *
   * @return the exit code
   */
  ExitCode exitCode() {
    if (!status.inState(MigrationState.FAILED).isEmpty()) {
      return ExitCode.MIGRATION_FAILED;
    }
    if (!status.checksumMismatches().isEmpty()) {
      return ExitCode.CHECKSUM_MISMATCH;
    }
    if (!status.inState(MigrationState.UNKNOWN).isEmpty()) {
      return ExitCode.VALIDATION_FAILED;
    }
    if (!invalidIndexes.isEmpty()) {
      return ExitCode.INVALID_INDEX;
    }
    if (!status.pending().isEmpty()) {
      return ExitCode.PENDING;
    }
    return ExitCode.OK;
  }

  /**
   * Returns the summary line, such as
   * {@code Schema version 4: 4 applied, 0 pending, 0 failed: up to date}.
   *
   * @return one line
   */
  String summary() {
    String verdict;
    switch (exitCode()) {
      case MIGRATION_FAILED:
        verdict = "a migration failed; repair the database before migrating";
        break;
      case CHECKSUM_MISMATCH:
        verdict = "version " + status.checksumMismatches().stream().map(MigrationEntry::version)
            .collect(java.util.stream.Collectors.joining(", "))
            + " changed after it was applied (checksum mismatch); restore the applied script";
        break;
      case VALIDATION_FAILED:
        verdict = "the database has migrations this build does not know; it was migrated by a newer build";
        break;
      case INVALID_INDEX:
        verdict = invalidIndexes.size() + " invalid index(es) left by a failed CREATE INDEX CONCURRENTLY;"
            + " drop and rebuild (see above)";
        break;
      case PENDING:
        verdict = "migrations pending; run 'carriers migrate'";
        break;
      default:
        verdict = "up to date";
    }
    return "Schema version " + (status.currentVersion() == null ? "none" : status.currentVersion())
        + ": " + count(MigrationState.APPLIED) + " applied, " + count(MigrationState.PENDING)
        + " pending, " + count(MigrationState.FAILED) + " failed: " + verdict;
  }

  /**
   * Returns the table of migrations followed by the summary line.
   *
   * @return lines separated by {@code \n}, ending with one
   */
  String text() {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (MigrationEntry migration : status.migrations()) {
      rows.add(new String[] {
          migration.version() == null ? "" : migration.version(),
          oneLine(migration.description()),
          migration.checksumMismatch() ? migration.state().name() + " (CHANGED)" : migration.state().name(),
          migration.checksum() == null ? "" : migration.checksum().toString(),
          migration.installedBy() == null ? "" : migration.installedBy(),
          migration.installedOn() == null ? "" : migration.installedOn().truncatedTo(ChronoUnit.SECONDS).toString(),
          migration.executionTimeMillis() == null ? "" : migration.executionTimeMillis().toString()});
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder out = new StringBuilder("Database ").append(database).append('\n');
    for (int index = 0; index < rows.size(); index++) {
      String[] row = rows.get(index);
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.length; column++) {
        boolean last = column == row.length - 1;
        if (last && index > 0) {
          line.append(" ".repeat(widths[column] - row[column].length())).append(row[column]);
        } else {
          line.append(row[column]).append(last ? "" : " ".repeat(widths[column] - row[column].length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (status.migrations().isEmpty()) {
      out.append("(no migrations)\n");
    }
    for (InvalidIndex index : invalidIndexes) {
      out.append("Invalid index ").append(index.qualifiedName()).append(" on ").append(index.table())
          .append(": ").append(index.fix()).append('\n');
    }
    return out.append(summary()).append('\n').toString();
  }

  /**
   * Returns the status as a JSON object: {@code database}, {@code currentVersion},
   * {@code upToDate}, counts, and {@code migrations} with each one's {@code version},
   * {@code description}, {@code script}, {@code state}, {@code installedOn} (ISO-8601),
   * {@code installedBy}, {@code executionMillis} and {@code checksum}; and {@code invalidIndexes}.
   *
   * @return the JSON text, ending with a newline
   */
  String json() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("database", database);
    document.put("currentVersion", status.currentVersion());
    document.put("upToDate", exitCode() == ExitCode.OK);
    document.put("applied", count(MigrationState.APPLIED));
    document.put("pending", count(MigrationState.PENDING));
    document.put("failed", count(MigrationState.FAILED));
    document.put("checksumMismatches", status.checksumMismatches().size());
    document.put("migrations", Json.objects(status.migrations(), (migration, entry) -> {
      entry.put("version", migration.version());
      entry.put("description", migration.description());
      entry.put("script", migration.script());
      entry.put("state", migration.state().name());
      entry.put("installedOn", migration.installedOn() == null ? null : migration.installedOn().toString());
      entry.put("installedBy", migration.installedBy());
      entry.put("executionMillis", migration.executionTimeMillis());
      entry.put("checksum", migration.checksum());
      entry.put("scriptChecksum", migration.scriptChecksum());
      entry.put("checksumMismatch", migration.checksumMismatch());
    }));
    document.put("invalidIndexes", Json.objects(invalidIndexes, (index, entry) -> {
      entry.put("schema", index.schema());
      entry.put("name", index.name());
      entry.put("table", index.table());
      entry.put("definition", index.definition());
      entry.put("fix", index.fix());
    }));
    return Json.write(document) + "\n";
  }

  private int count(MigrationState state) {
    return status.inState(state).size();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ");
  }
}
