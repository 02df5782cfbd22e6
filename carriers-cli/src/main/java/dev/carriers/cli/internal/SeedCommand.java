package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.seed.CarriersSeeder;
import dev.carriers.seed.Environment;
import dev.carriers.seed.ProductionDatabaseException;
import dev.carriers.seed.SeedDriftException;
import dev.carriers.seed.SeedException;
import dev.carriers.seed.SeedFailedException;
import dev.carriers.seed.SeedReport;
import dev.carriers.seed.SeedVersionException;
import java.io.PrintWriter;
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
    SeedReport report;
    try {
      report = CarriersSeeder.configure()
          .dataSource(url.unpooledDataSource())
          .environment(environment)
          .force(force)
          .appliedBy("carriers seed (" + System.getProperty("user.name", "unknown") + ")")
          .load()
          .seed();
    } catch (ProductionDatabaseException | SeedDriftException | SeedVersionException e) {
      throw new SeedCommandException(ExitCode.SEED_REFUSED, e.getMessage(), e);
    } catch (SeedFailedException e) {
      if (e.isConnectionLost()) {
        throw e; // classified by its SQLState: database unreachable
      }
      throw new SeedCommandException(ExitCode.SEED_FAILED, ErrorReport.firstLine(e.getMessage()), e);
    } catch (SeedException e) {
      throw new SeedCommandException(ExitCode.SEED_FAILED, ErrorReport.firstLine(e.getMessage()), e);
    }
    PrintWriter out = out();
    out.println(report.summary());
    return ExitCode.OK;
  }

  /** Parses {@code --env} case-insensitively, with a message listing the choices. */
  static final class EnvironmentConverter implements ITypeConverter<Environment> {
    @Override
    public Environment convert(String value) {
      return Environment.fromId(value);
    }
  }
}
