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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    TargetDatabase.check(url, "run 'carriers migrate --create-database' to create it");
    DryRunReport result = Migrations.on(url, progress.listener(err())).load().dryRun();
    String document = Json.write(toMap(url, result)) + "\n";
    if (report != null) {
      try {
        Files.writeString(report, document, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("dry-run: writing the report to " + report + " failed: " + e.getMessage(), e);
      }
    }
    PrintWriter out = out();
    if (json) {
      out.print(document);
    } else {
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
    return result.hasFailure() ? ExitCode.MIGRATION_FAILED : ExitCode.OK;
  }

  private static Map<String, Object> toMap(DatabaseUrl url, DryRunReport result) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("database", url.jdbcUrl());
    document.put("currentVersion", result.currentVersion());
    document.put("failed", result.hasFailure());
    List<Object> migrations = new ArrayList<>();
    for (DryRunMigration migration : result.migrations()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("version", migration.version());
      entry.put("description", migration.description());
      entry.put("script", migration.script());
      entry.put("outcome", migration.outcome().name());
      entry.put("durationMillis", migration.durationMillis());
      List<Object> locks = new ArrayList<>();
      for (LockTaken lock : migration.locks()) {
        Map<String, Object> entryLock = new LinkedHashMap<>();
        entryLock.put("relation", lock.relation());
        entryLock.put("mode", lock.mode());
        locks.add(entryLock);
      }
      entry.put("locks", locks);
      entry.put("error", migration.error());
      entry.put("sql", migration.sql());
      migrations.add(entry);
    }
    document.put("migrations", migrations);
    return document;
  }
}
