package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.lifecycle.DryRunMigration;
import dev.carriers.schema.lifecycle.DryRunReport;
import dev.carriers.schema.lifecycle.LockTaken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carriers dry-run}: runs the pending migrations in one transaction on the database and rolls
 * it back, printing each one's SQL, duration and locks. Exits {@link ExitCode#MIGRATION_FAILED}
 * when a migration would fail.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
    description = "Runs the pending migrations in one transaction and rolls it back, reporting each"
        + " one's SQL, duration and locks. Migrations that cannot run in a transaction are reported,"
        + " not run. The database is left unchanged.")
public final class DryRunCommand extends DatabaseCommand {

  @Option(names = "--json", description = "Print the report as JSON.")
  private boolean json;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE (for CI).")
  private Path report;

  @Option(names = "--no-sql", description = "Leave the SQL out of the text report.")
  private boolean noSql;

  @Mixin
  private ProgressOption progress;

  /** Creates the command; picocli calls this. */
  public DryRunCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    DryRunReport result = migrations(url, TargetDatabase.CREATE_IT, progress.listener(err())).load().dryRun();
    Map<String, Object> document = document(url, fields -> put(result, fields));
    if (report != null) {
      try {
        Files.writeString(report, Json.write(document) + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("dry-run: writing the report to " + report + " failed: " + e.getMessage(), e);
      }
    }
    print(json, document, out -> lines(result, out));
    return result.hasFailure() ? ExitCode.MIGRATION_FAILED : ExitCode.OK;
  }

  private void lines(DryRunReport result, PrintWriter out) {
    for (DryRunMigration migration : result.migrations()) {
      out.println("Version " + migration.version() + " (" + migration.script() + "): " + migration.outcome()
          + (migration.outcome().name().equals("SUCCEEDED") || migration.outcome().name().equals("FAILED")
              ? " in " + migration.durationMillis() + " ms" : ""));
      if (migration.error() != null) {
        out.println("  " + ErrorReport.firstLine(migration.error()));
      }
      for (LockTaken lock : migration.locks()) {
        out.println("  lock " + lock.mode() + " on " + lock.relation());
      }
      if (!noSql) {
        migration.sql().lines().forEach(line -> out.println("    | " + line));
      }
    }
    out.println(result.migrations().isEmpty()
        ? "Nothing pending: schema version " + result.currentVersion()
        : "Dry-run of " + result.migrations().size() + " pending migration"
            + (result.migrations().size() == 1 ? "" : "s") + " rolled back; database unchanged at version "
            + (result.currentVersion() == null ? "none" : result.currentVersion())
            + (result.hasFailure() ? ". A migration FAILED: migrate would fail too." : "."));
  }

  private static void put(DryRunReport result, Map<String, Object> document) {
    document.put("currentVersion", result.currentVersion());
    document.put("failed", result.hasFailure());
    document.put("migrations", Json.objects(result.migrations(), (migration, object) -> {
      object.put("version", migration.version());
      object.put("description", migration.description());
      object.put("script", migration.script());
      object.put("outcome", migration.outcome().name());
      object.put("durationMillis", migration.durationMillis());
      object.put("locks", Json.objects(migration.locks(), (lock, entry) -> {
        entry.put("relation", lock.relation());
        entry.put("mode", lock.mode());
      }));
      object.put("error", migration.error());
      object.put("sql", migration.sql());
    }));
  }
}
