package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationStatus;
import dev.carriers.schema.MigrationValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers validate}: the applied migrations' checksums against this build's scripts, none
 * pending or unknown, and a reverse script for every migration.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks applied migrations against this build's scripts (checksums, nothing pending"
        + " or unknown) and that every migration has its reverse script.")
public final class ValidateCommand extends DatabaseCommand {

  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;

  /** Creates the command; picocli calls this. */
  public ValidateCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    TargetDatabase.check(url, "run 'carriers migrate --create-database' to create it");
    CarriersMigrations migrations = Migrations.on(url, null).load();
    List<String> problems = List.of();
    try {
      migrations.validate();
    } catch (MigrationValidationException e) {
      if (!json) {
        throw e;
      }
      problems = e.problems();
    }
    MigrationStatus status = migrations.info();
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("database", url.jdbcUrl());
      document.put("valid", problems.isEmpty());
      document.put("currentVersion", status.currentVersion());
      document.put("problems", problems);
      out().print(Json.write(document) + "\n");
      return problems.isEmpty() ? ExitCode.OK : ExitCode.VALIDATION_FAILED;
    }
    out().println("Valid: schema version " + status.currentVersion() + ", " + status.migrations().size()
        + " migrations match this build and each has a reverse script.");
    return ExitCode.OK;
  }
}
