package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCodes;
import dev.carriers.schema.CarriersMigrations;
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
 * {@code carriers reset}: drops every object of the schema, migrates, and seeds. A production
 * database is refused unless {@code --force} is given and confirmed by typing the database name
 * (or {@code --confirm NAME} when not interactive).
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
  protected int run(DatabaseUrl url) {
    TargetDatabase.check(url, "run 'carriers migrate --create-database' to create it");
    if (!skipSeed && ResetHooks.seeder() == null) {
      throw new ResetRefusedException("reset refused: this build has no seed to run; pass --skip-seed");
    }
    if (force) {
      confirmForce(url.database());
    }
    ResetOptions options = ResetOptions.defaults().skipSeed(skipSeed).forced(force);
    if (ResetHooks.seeder() != null) {
      options = options.seeder(ResetHooks.seeder());
    }
    if (ResetHooks.productionCheck() != null) {
      options = options.productionCheck(ResetHooks.productionCheck());
    }
    CarriersMigrations migrations = Migrations.on(url, progress.listener(err())).cleanEnabled(true).load();
    ResetResult result = migrations.reset(options);
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("database", url.jdbcUrl());
      document.put("currentVersion", result.migrate().targetVersion());
      document.put("applied", result.migrate().appliedVersions());
      document.put("seeded", result.seeded());
      out().print(Json.write(document) + "\n");
    } else {
      out().println("Reset \"" + url.database() + "\": dropped everything, applied "
          + result.migrate().migrationsApplied() + " migrations" + (result.seeded() ? ", seeded" : ", not seeded")
          + ". Schema version " + result.migrate().targetVersion());
    }
    return ExitCodes.OK;
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
