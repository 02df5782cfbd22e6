package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCodes;
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

  private static final String[] HEADERS = {"Version", "Description", "State", "Installed on", "Execution ms"};

  private final String database;
  private final MigrationStatus status;

  /**
   * Creates a report.
   *
   * @param database the database, as shown to the user (never with a password)
   * @param status its migrations
   */
  StatusReport(String database, MigrationStatus status) {
    this.database = database;
    this.status = status;
  }

  /**
   * Returns the exit code of {@code status}: any failed migration first, then migrations unknown to
   * this build, then pending ones; {@link ExitCodes#OK} when up to date.
   *
   * @return the exit code
   */
  int exitCode() {
    if (!status.inState(MigrationState.FAILED).isEmpty()) {
      return ExitCodes.MIGRATION_FAILED;
    }
    if (!status.inState(MigrationState.UNKNOWN).isEmpty()) {
      return ExitCodes.VALIDATION_FAILED;
    }
    if (!status.pending().isEmpty()) {
      return ExitCodes.PENDING;
    }
    return ExitCodes.OK;
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
      case ExitCodes.MIGRATION_FAILED:
        verdict = "a migration failed; repair the database before migrating";
        break;
      case ExitCodes.VALIDATION_FAILED:
        verdict = "the database has migrations this build does not know; it was migrated by a newer build";
        break;
      case ExitCodes.PENDING:
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
          migration.state().name(),
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
    return out.append(summary()).append('\n').toString();
  }

  /**
   * Returns the status as a JSON object: {@code database}, {@code currentVersion},
   * {@code upToDate}, counts, and {@code migrations} with each one's {@code version},
   * {@code description}, {@code script}, {@code state}, {@code installedOn} (ISO-8601),
   * {@code installedBy}, {@code executionMillis} and {@code checksum}.
   *
   * @return the JSON text, ending with a newline
   */
  String json() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("database", database);
    document.put("currentVersion", status.currentVersion());
    document.put("upToDate", exitCode() == ExitCodes.OK);
    document.put("applied", count(MigrationState.APPLIED));
    document.put("pending", count(MigrationState.PENDING));
    document.put("failed", count(MigrationState.FAILED));
    List<Object> migrations = new ArrayList<>();
    for (MigrationEntry migration : status.migrations()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("version", migration.version());
      entry.put("description", migration.description());
      entry.put("script", migration.script());
      entry.put("state", migration.state().name());
      entry.put("installedOn", migration.installedOn() == null ? null : migration.installedOn().toString());
      entry.put("installedBy", migration.installedBy());
      entry.put("executionMillis", migration.executionTimeMillis());
      entry.put("checksum", migration.checksum());
      migrations.add(entry);
    }
    document.put("migrations", migrations);
    return Json.write(document) + "\n";
  }

  private int count(MigrationState state) {
    return status.inState(state).size();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ");
  }
}
