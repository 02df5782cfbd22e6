package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCodes;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrateResult;
import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationValidationException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers migrate}: applies the pending migrations and prints the versions applied (or that
 * the database is up to date), then the schema version. With {@code --create-database}, creates a
 * missing database first.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Applies pending migrations, each in its own transaction.")
public final class MigrateCommand extends DatabaseCommand {

  @Option(names = "--create-database",
      description = "Create the database first if it does not exist (connecting to the database"
          + " 'postgres' on the same server).")
  private boolean createDatabase;

  /** Creates the command; picocli calls this. */
  public MigrateCommand() {
  }

  @Override
  protected int run(DatabaseUrl url) {
    PrintWriter out = out();
    if (createDatabase) {
      if (TargetDatabase.createIfMissing(url)) {
        out.println("Created database \"" + url.database() + "\".");
      }
    } else {
      TargetDatabase.check(url, "pass --create-database to create it");
    }
    CarriersMigrations migrations = CarriersMigrations.configure()
        .dataSource(url.unpooledDataSource())
        .load();
    MigrateResult result;
    try {
      result = migrations.migrate();
    } catch (MigrationValidationException e) {
      throw e;
    } catch (MigrationException e) {
      throw new MigrationFailedException(ErrorReport.firstLine(e.getMessage()), e);
    }
    if (result.appliedVersions().isEmpty()) {
      out.println("Database is up to date: no migration to apply.");
    } else {
      out.println("Applied " + result.migrationsApplied()
          + (result.migrationsApplied() == 1 ? " migration: " : " migrations: ")
          + String.join(", ", result.appliedVersions()));
    }
    // Flyway reports no target version when it applied nothing.
    String version = result.targetVersion() != null ? result.targetVersion() : result.initialVersion();
    out.println("Schema version " + (version == null ? "none" : version));
    return ExitCodes.OK;
  }
}
