package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationStatus;
import dev.carriers.schema.MigrationValidationException;
import java.util.List;
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
    CarriersMigrations migrations = migrations(url, TargetDatabase.CREATE_IT, null).load();
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
    List<String> found = problems;
    // Without --json a problem was thrown above: the text form is only ever the valid one.
    print(json, document(url, document -> {
      document.put("valid", found.isEmpty());
      document.put("currentVersion", status.currentVersion());
      document.put("problems", found);
    }), out -> out.println("Valid: schema version " + status.currentVersion() + ", " + status.migrations().size()
        + " migrations match this build and each has a reverse script."));
    return problems.isEmpty() ? ExitCode.OK : ExitCode.VALIDATION_FAILED;
  }
}
