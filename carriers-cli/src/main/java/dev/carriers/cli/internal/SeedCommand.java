package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.seed.CarriersSeeder;
import dev.carriers.seed.Environment;
import dev.carriers.seed.SeedReport;
import java.io.PrintWriter;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code carriers seed --env development|testing|production [--force]}: loads an environment's
 * dataset into a migrated database in one transaction and prints what it did (inserted, updated,
 * unchanged, deleted, kept). Loading the same version again changes nothing and says so.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = "Loads an environment's dataset (versioned, idempotent, one transaction) into a migrated database.")
public final class SeedCommand extends DatabaseCommand {

  @Option(names = "--env", required = true, paramLabel = "ENV", converter = EnvironmentConverter.class,
      description = "The dataset: development, testing or production.")
  private Environment environment;

  @Option(names = "--force",
      description = "Load the development or testing dataset even into a database marked as production.")
  private boolean force;

  /** Creates the command; picocli calls this. */
  public SeedCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    TargetDatabase.check(url, "run 'carriers migrate --create-database' first");
    // A refused or failed seed leaves with its kind, which is its exit code (9, 10, or the
    // environment's when the server failed under it).
    SeedReport report = seeder(url.unpooledDataSource(), environment, force, "carriers seed").seed();
    PrintWriter out = out();
    out.println(report.summary());
    return ExitCode.OK;
  }

  /**
   * Configures the seeder of a command.
   *
   * @param dataSource the database
   * @param environment the dataset
   * @param force whether to load it even into a production database
   * @param command the command, recorded in {@code seed_history} with the OS user
   * @return the seeder
   */
  static CarriersSeeder seeder(DataSource dataSource, Environment environment, boolean force, String command) {
    return CarriersSeeder.configure()
        .dataSource(dataSource)
        .environment(environment)
        .force(force)
        .appliedBy(command + " (" + System.getProperty("user.name", "unknown") + ")")
        .load();
  }

  /** Parses {@code --env} case-insensitively, with a message listing the choices. */
  static final class EnvironmentConverter implements ITypeConverter<Environment> {
    @Override
    public Environment convert(String value) {
      return Environment.fromId(value);
    }
  }
}
