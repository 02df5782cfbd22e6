package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
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
    description = "Lists the migrations and where each stands. Exits 0 only when up to date.")
public final class StatusCommand extends DatabaseCommand {

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  /** Creates the command; picocli calls this. */
  public StatusCommand() {
  }

  @Override
  protected int run(DatabaseUrl url) {
    TargetDatabase.check(url, "run 'carriers migrate --create-database' to create it");
    StatusReport report = new StatusReport(url.jdbcUrl(), CarriersMigrations.configure()
        .dataSource(url.unpooledDataSource())
        .load()
        .info());
    out().print(json ? report.json() : report.text());
    return report.exitCode();
  }
}
