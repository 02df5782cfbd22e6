package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationException;
import dev.carriers.seed.Environment;
import dev.carriers.seed.ProductionDatabaseException;
import dev.carriers.seed.SeedDriftException;
import dev.carriers.seed.SeedException;
import dev.carriers.seed.SeedVersionException;
import dev.carriers.schema.lifecycle.ResetOptions;
import dev.carriers.schema.lifecycle.ResetRefusedException;
import dev.carriers.schema.lifecycle.ResetResult;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carriers reset}: drops every object of the schema, migrates, and seeds an environment's
 * dataset (carriers-seed). A database marked production (carriers-seed's marker) is refused unless
 * {@code --force} is given and confirmed by typing the database name (or {@code --confirm NAME}
 * when not interactive); it stays marked production after the reset.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = "Drops every object of the schema, migrates, and seeds (for development and tests)."
        + " Refused on a database marked production unless --force is given and confirmed."
        + " Recorded in the audit trail.")
public final class ResetCommand extends DatabaseCommand {

  @Option(names = "--skip-seed", description = "Drop and migrate only; do not seed.")
  private boolean skipSeed;

  @Option(names = "--env", paramLabel = "ENV", defaultValue = "development",
      converter = SeedCommand.EnvironmentConverter.class,
      description = "The dataset to seed: development (default), testing or production.")
  private Environment environment;

  @Option(names = "--force", description = "Reset even a database marked production (asks to confirm).")
  private boolean force;

  @Option(names = "--confirm", paramLabel = "DATABASE",
      description = "Confirm --force without a prompt by giving the database name.")
  private String confirm;

  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;

  @Mixin
  private ProgressOption progress;

  /** Creates the command; picocli calls this. */
  public ResetCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    TargetDatabase.check(url, "run 'carriers migrate --create-database' to create it");
    if (force) {
      confirmForce(url.database());
    }
    ResetHooks hooks = new ResetHooks(environment, force);
    ResetOptions options = ResetOptions.defaults().skipSeed(skipSeed).forced(force)
        .productionCheck(hooks.productionCheck())
        .seeder(hooks.seeder());
    CarriersMigrations migrations = Migrations.on(url, progress.listener(err())).cleanEnabled(true).load();
    ResetResult result;
    try {
      result = migrations.reset(options);
    } catch (MigrationException e) {
      if (e.getCause() instanceof ProductionDatabaseException || e.getCause() instanceof SeedDriftException
          || e.getCause() instanceof SeedVersionException) {
        throw new SeedCommandException(ExitCode.SEED_REFUSED, "reset: " + e.getMessage(), e);
      }
      if (e.getCause() instanceof SeedException) {
        throw new SeedCommandException(ExitCode.SEED_FAILED, ErrorReport.firstLine("reset: " + e.getMessage()), e);
      }
      throw e;
    }
    if (skipSeed) {
      hooks.restoreMarker(url.unpooledDataSource());
    }
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("database", url.jdbcUrl());
      document.put("currentVersion", result.migrate().targetVersion());
      document.put("applied", result.migrate().appliedVersions());
      document.put("seeded", result.seeded());
      document.put("environment", result.seeded() ? environment.id() : null);
      out().print(Json.write(document) + "\n");
    } else {
      out().println("Reset \"" + url.database() + "\": dropped everything, applied "
          + result.migrate().migrationsApplied() + " migrations"
          + (result.seeded() ? ", seeded " + environment.id() : ", not seeded")
          + ". Schema version " + result.migrate().targetVersion());
    }
    return ExitCode.OK;
  }

  private void confirmForce(String database) {
    if (confirm != null) {
      if (!confirm.equals(database)) {
        throw new ResetRefusedException("reset refused: --confirm \"" + confirm + "\" does not name the database \""
            + database + "\"");
      }
      return;
    }
    Console console = System.console();
    if (console == null) {
      throw new ResetRefusedException("reset refused: --force must be confirmed; not in a terminal, so pass"
          + " --confirm " + database);
    }
    String typed = console.readLine("This drops every table of \"%s\". Type the database name to confirm: ", database);
    if (typed == null || !typed.strip().equals(database)) {
      throw new ResetRefusedException("reset refused: confirmation did not match the database name");
    }
  }
}
