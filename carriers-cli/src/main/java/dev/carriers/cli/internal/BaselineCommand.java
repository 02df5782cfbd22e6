package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.lifecycle.BaselineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers baseline}: adopts a database whose {@code carriers} table came from the old
 * system's {@code init.sql}, after checking that its shape matches the first migration.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Adopts an existing database (the old init.sql): checks that its tables match the"
        + " baseline version exactly (columns, types, nullability, defaults, constraints, indexes,"
        + " triggers, functions) and records the baseline, so that migrate applies the later"
        + " versions. Refused with the list of differences otherwise. Recorded in the audit trail.")
public final class BaselineCommand extends DatabaseCommand {

  @Option(names = "--at", paramLabel = "VERSION",
      description = "The version the database is at (default: the first migration).")
  private String version;

  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;

  /** Creates the command; picocli calls this. */
  public BaselineCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    CarriersMigrations migrations = migrations(url, "there is nothing to adopt", null).load();
    BaselineResult result = version == null ? migrations.baseline() : migrations.baseline(version);
    print(json, document(url, document -> {
      document.put("baselineVersion", result.version());
      document.put("tablesVerified", result.tablesVerified());
    }), out -> out.println("Baseline recorded at version " + result.version() + " (verified: "
        + String.join(", ", result.tablesVerified()) + "). Run 'carriers migrate' to apply the later versions."));
    return ExitCode.OK;
  }
}
