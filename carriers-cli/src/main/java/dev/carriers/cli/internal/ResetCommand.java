package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrateResult;
import dev.carriers.schema.MigrationsConfiguration;
import dev.carriers.seed.CarriersSeeder;
import dev.carriers.seed.Environment;
import dev.carriers.seed.SeedException;
import java.io.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carriers reset}: drops every object of the schema, migrates, and seeds an environment's
 * dataset (carriers-seed). A database marked production (carriers-seed's marker) is refused unless
 * {@code --force} is given and confirmed by typing the database name (or {@code --confirm NAME}
 * when not interactive); it stays marked production after the reset.
 *
 * <p>Composed here from public operations, every step inside one {@code reset} entry of the audit
 * trail ({@link CarriersMigrations#audited}): the seeder's production check, the schema's
 * {@code clean()} and {@code migrate()} (each with its own entry), the marker put back, the seed.
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
    MigrationsConfiguration configuration = migrations(url, TargetDatabase.CREATE_IT, progress.listener(err()));
    if (force) {
      confirmForce(url.database());
    }
    CarriersSeeder seeder = SeedCommand.seeder(url.unpooledDataSource(), environment, force, "carriers reset");
    CarriersMigrations migrations = configuration.cleanEnabled(true).load();
    String arguments = (skipSeed ? "skip-seed" : "seed") + (force ? ",forced" : "");
    MigrateResult result = migrations.audited("reset", arguments, ResetCommand::isRefusal, () -> {
      // Asked even when forced: the drop takes the marker with it, and it is put back after.
      boolean production = seeder.isProductionDatabase();
      if (production && !force) {
        throw new CommandFailure(ExitCode.RESET_REFUSED, "reset refused: the database is marked production;"
            + " force it (and confirm) to reset anyway", null);
      }
      migrations.clean();
      MigrateResult migrated = migrations.migrate();
      if (production) {
        seeder.markProductionDatabase(true);
      }
      if (!skipSeed) {
        seed(seeder);
      }
      return migrated;
    });
    print(json, document(url, document -> {
      document.put("currentVersion", result.targetVersion());
      document.put("applied", result.appliedVersions());
      document.put("seeded", !skipSeed);
      document.put("environment", skipSeed ? null : environment.id());
    }), out -> out.println("Reset \"" + url.database() + "\": dropped everything, applied "
        + result.migrationsApplied() + " migrations"
        + (skipSeed ? ", not seeded" : ", seeded " + environment.id())
        + ". Schema version " + result.targetVersion()));
    return ExitCode.OK;
  }

  // Only the production check refuses: once the schema is dropped, a seed that says no has not
  // left the database unchanged, so it is a failure of the reset.
  private static boolean isRefusal(RuntimeException e) {
    return e instanceof CommandFailure failure && failure.exitCode() == ExitCode.RESET_REFUSED;
  }

  private static void seed(CarriersSeeder seeder) {
    try {
      seeder.seed();
    } catch (SeedException e) {
      // The exit code is the seed's own (9 refused, 10 failed), by its kind, as for carriers seed.
      throw new CommandFailure(ExitCode.of(e.kind()), "reset: reset failed: seed: " + e.getMessage(), e);
    }
  }

  private void confirmForce(String database) {
    if (confirm != null) {
      if (!confirm.equals(database)) {
        throw new CommandFailure(ExitCode.RESET_REFUSED, "reset refused: --confirm \"" + confirm
            + "\" does not name the database \"" + database + "\"", null);
      }
      return;
    }
    Console console = System.console();
    if (console == null) {
      throw new CommandFailure(ExitCode.RESET_REFUSED, "reset refused: --force must be confirmed; not in a"
          + " terminal, so pass --confirm " + database, null);
    }
    String typed = console.readLine("This drops every table of \"%s\". Type the database name to confirm: ", database);
    if (typed == null || !typed.strip().equals(database)) {
      throw new CommandFailure(ExitCode.RESET_REFUSED, "reset refused: confirmation did not match the database name",
          null);
    }
  }
}
