package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers status}: prints every migration and where it stands, as a table or as JSON.
 * Exits 0 only when the database is up to date.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Lists applied, pending, failed and unknown migrations with version, description,"
        + " checksum, installed by/on and duration. Exits 0 only when up to date; 3 pending,"
        + " 4 failed, 11 checksum mismatch, 5 unknown migrations, 21 an invalid index.")
public final class StatusCommand extends DatabaseCommand {

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  /** Creates the command; picocli calls this. */
  public StatusCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    CarriersMigrations migrations = migrations(url, TargetDatabase.CREATE_IT, null).load();
    StatusReport report = new StatusReport(url.jdbcUrl(), migrations.info(), migrations.invalidIndexes());
    out().print(json ? report.json() : report.text());
    return report.exitCode();
  }
}
